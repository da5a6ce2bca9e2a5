import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTrainingTask } from '../../../judge/tasks/training-registry';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'holdout.mjs');

function holdout(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, HOLDOUT_DATASET_SECRET: 'cli-training-secret', NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('holdout CLI with a training part', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'holdout-cli-training-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('judges a training part and adds metrics and loss curves to --json', async () => {
    const task = findTrainingTask('autoencoder-train');
    if (!task) throw new Error('autoencoder-train is not in the training registry');
    // The reference module has the candidate's contract, so it serves as a submission.
    const result = await holdout(['judge', 'autoencoder-train', task.referencePath, '--json'], { HOLDOUT_DATA_DIR: dataDir });

    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(['lossHistory', 'message', 'metrics', 'referenceLossHistory', 'score', 'speed', 'task', 'tests', 'verdict']);
    expect(report).toMatchObject({ task: 'autoencoder-train', verdict: 'accepted', score: 100, speed: null });
    expect(report.tests).toEqual([
      { name: 'sample', hidden: false, verdict: 'accepted', cpuMs: expect.any(Number) },
      { name: 'hidden', hidden: true, verdict: 'accepted', cpuMs: expect.any(Number) },
    ]);
    const metrics = report.metrics as { name: string; higherIsBetter: boolean; hidden: Record<string, number>; backend: string };
    expect(metrics).toMatchObject({ name: 'Reconstruction MSE', higherIsBetter: false, backend: 'wasm' });
    // The same deterministic module trained on the same data reaches the reference's metric exactly.
    expect(metrics.hidden.candidate).toBe(metrics.hidden.reference);
    expect(metrics.hidden.candidate).toBeLessThan(metrics.hidden.baseline);
    expect((report.lossHistory as number[]).length).toBeGreaterThan(1);
    expect(report.referenceLossHistory).toEqual(report.lossHistory);
  }, 180_000);

  it('lists both parts of a neural task', async () => {
    const result = await holdout(['tasks', '--json'], {});

    expect(result.code).toBe(0);
    const tasks = JSON.parse(result.stdout) as { slug: string; part: string; status: string }[];
    const autoencoder = tasks.filter((task) => task.slug.startsWith('autoencoder-'));
    expect(autoencoder.map((task) => [task.slug, task.part])).toEqual([
      ['autoencoder-scratch', 'scratch'],
      ['autoencoder-train', 'train'],
    ]);
    expect(autoencoder[1].status).not.toBe('not in this judge');
  });
});
