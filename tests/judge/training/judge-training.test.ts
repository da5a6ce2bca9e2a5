import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeTraining } from '../../../judge/core/judge-training';
import type { JudgeProgress } from '../../../judge/core/judge-types';
import { ReferenceCache } from '../../../judge/core/reference-cache';
import { trainingDatasets } from '../../../judge/core/training-datasets';
import { SandboxProcess } from '../../../judge/sandbox/sandbox-process';
import type { TfBackendName } from '../../../judge/sandbox/protocol';
import { moonsTask, type MoonsTrainInput } from '../support/two-moons';
import { MOONS_INFINITE_TRAINING, MOONS_MAJORITY, MOONS_SOLUTION, MOONS_TENSOR_LEAK } from '../support/two-moons/submissions';

const SECRET = 'training-test-secret';

// Each judging trains two models; on a machine shared with other work that can take a while.
describe('judgeTraining', { timeout: 120_000 }, () => {
  const sandbox = new SandboxProcess();
  let directory: string;
  let references: ReferenceCache;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'holdout-references-'));
    references = new ReferenceCache(directory);
  });

  afterAll(async () => {
    await sandbox.close();
    await rm(directory, { recursive: true, force: true });
  });

  function judge(code: string, options: { secret?: string; backend?: TfBackendName; onProgress?: (event: JudgeProgress) => void } = {}) {
    return judgeTraining({ task: moonsTask, code, language: 'typescript', secret: options.secret ?? SECRET, sandbox, references, backend: options.backend, onProgress: options.onProgress });
  }

  it('accepts a reasonable model', async () => {
    const phases: string[] = [];
    const report = await judge(MOONS_SOLUTION, { onProgress: (event) => void (event.type === 'phase' && phases.push(`${event.phase} ${event.dataset}`)) });

    expect(report.verdict).toBe('accepted');
    expect(report.score).toBe(100);
    expect(report.tests.map((test) => [test.name, test.hidden, test.verdict])).toEqual([
      ['sample', false, 'accepted'],
      ['hidden', true, 'accepted'],
    ]);
    expect(report.notRun).toEqual([]);
    expect(report.message).toMatch(/^Accuracy 0\.\d{3} reaches the bar/);
    expect(phases).toEqual(['reference sample', 'reference hidden', 'training sample', 'evaluating sample', 'training hidden', 'evaluating hidden']);

    const training = report.training;
    expect(training?.backend).toBe('wasm');
    expect(training?.hidden?.candidate).toBeGreaterThan(0.9);
    expect(training?.hidden?.reference).toBeGreaterThan(0.9);
    expect(training?.hidden?.baseline).toBeLessThan(0.7);
    expect(training?.lossHistory).toHaveLength(60);
    expect(training?.referenceLossHistory).toHaveLength(40);
    expect(training?.grade?.['zh-CN']).toContain('准确率');
    expect(report.tests[0].detail?.console).toEqual(['trained on 120 points with wasm']);
    expect(report.tests[0].detail?.expected).toEqual({ reference: training?.sample?.reference, baseline: training?.sample?.baseline });
    expect(report.referenceCpuMs).toBeGreaterThan(0);
  });

  it('rejects the majority class with partial credit 0', async () => {
    const report = await judge(MOONS_MAJORITY);

    expect(report.verdict).toBe('wrong_answer');
    expect(report.score).toBe(0);
    expect(report.message).toMatch(/misses the bar/);
    expect(report.training?.hidden?.candidate).toBe(report.training?.hidden?.baseline);
  });

  it('rejects malformed predictions with the reason', async () => {
    const report = await judge('export async function train() { return { predict: (input: { points: number[][] }) => input.points.map(() => 0.5) }; }');

    expect(report.verdict).toBe('wrong_answer');
    expect(report.tests[0].message).toBe("predict()'s output is malformed: predictions[0] must be 0 or 1");
    expect(report.tests[1].message).toBe('Your output is wrong on this hidden test.');
  });

  it('reports what train() resolved to when it is no model', async () => {
    const noModel = await judge('export async function train() { return [1, 2]; }');
    const throws = await judge('export async function train() { throw new RangeError("no data"); }');
    const missing = await judge('export function fit() { return null; }');

    expect(noModel).toMatchObject({ verdict: 'runtime_error', score: 0 });
    expect(noModel.message).toMatch(/train\(\) resolved to has no predict method/);
    expect(noModel.notRun).toEqual([{ index: 1, name: 'hidden', hidden: true }]);
    expect(throws).toMatchObject({ verdict: 'runtime_error', message: 'train(): RangeError: no data' });
    expect(missing).toMatchObject({ verdict: 'compile_error', score: 0 });
    expect(missing.message).toMatch(/must export a function named `train`/);
  });

  it('ends a tensor leak as memory_limit_exceeded and keeps judging', async () => {
    const leak = await judge(MOONS_TENSOR_LEAK);
    const after = await judge(MOONS_SOLUTION);

    expect(leak.verdict).toBe('memory_limit_exceeded');
    expect(leak.message).toMatch(/128 MiB.*dispose/);
    expect(leak.tests).toHaveLength(1);
    expect(after.verdict).toBe('accepted');
  });

  it('ends endless training at the CPU limit', async () => {
    const report = await judge(MOONS_INFINITE_TRAINING);

    expect(report.verdict).toBe('time_limit_exceeded');
    expect(report.tests[0].cpuMs).toBeGreaterThanOrEqual(moonsTask.limits.cpuMsPerTest);
  });

  it('trains each reference once per secret', async () => {
    await judge(MOONS_MAJORITY);
    const computed = references.computed;

    await judge(MOONS_MAJORITY);
    const sameSecret = references.computed;
    await judge(MOONS_MAJORITY, { secret: 'another-secret' });

    expect(sameSecret).toBe(computed);
    // The sample dataset does not depend on the secret, so only the hidden reference is new.
    expect(references.computed).toBe(computed + 1);
    const files = await readdir(directory);
    expect(files.filter((file) => file.includes('-hidden-'))).toHaveLength(2);
    for (const file of files) expect(await readFile(path.join(directory, file), 'utf8')).not.toContain(SECRET);
  });

  it('reads references back from disk in a new process', async () => {
    const fresh = new ReferenceCache(directory);
    const report = await judgeTraining({ task: moonsTask, code: MOONS_MAJORITY, language: 'typescript', secret: SECRET, sandbox, references: fresh });

    expect(fresh.computed).toBe(0);
    expect(report.training?.hidden?.reference).toBeGreaterThan(0.9);
  });

  it('keeps hidden data out of the report', async () => {
    const hidden = trainingDatasets(moonsTask, SECRET).hidden.dataset;
    const hiddenValues = [...(hidden.trainInput as unknown as MoonsTrainInput).points.flat(), ...(hidden.testInput as unknown as { points: number[][] }).points.flat()];
    // Tries every way out: the console, an error, the loss history and the predictions.
    const report = await judge(`
      export async function train(trainInput: { points: number[][] }) {
        console.log(JSON.stringify(trainInput.points));
        return {
          lossHistory: trainInput.points.flat(),
          predict(testInput: { points: number[][] }) {
            if (trainInput.points.length > 200) throw new Error(JSON.stringify(testInput.points));
            return testInput.points.map(() => 1);
          },
        };
      }
    `);

    expect(report.tests[1]).toMatchObject({ name: 'hidden', verdict: 'runtime_error', detail: null, message: 'Your code threw an error on this hidden test.' });
    const text = JSON.stringify(report);
    const leaked = hiddenValues.filter((value) => text.includes(String(value)));
    expect(leaked).toEqual([]);
  });

  it('runs on the cpu backend when asked', async () => {
    const report = await judge(MOONS_SOLUTION, { backend: 'cpu' });

    expect(report.verdict).toBe('accepted');
    expect(report.training?.backend).toBe('cpu');
    expect(report.tests[0].detail?.console).toEqual(['trained on 120 points with cpu']);
  });
});
