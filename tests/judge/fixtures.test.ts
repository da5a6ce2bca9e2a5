import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeSubmission } from '../../judge/core/judge-submission';
import { judgeTraining } from '../../judge/core/judge-training';
import { isTrainingTask, type JudgedTask } from '../../judge/core/judged-task';
import { ReferenceCache } from '../../judge/core/reference-cache';
import { VERDICTS, type Verdict } from '../../judge/core/verdicts';
import { SandboxProcess } from '../../judge/sandbox/sandbox-process';
import type { TrainingTaskDefinition } from '../../judge/tasks/training-types';
import type { Json, TaskDefinition } from '../../judge/tasks/types';

// Judges every fixture in tests/judge/fixtures/<slug>/ through the real sandbox process and checks
// the verdict named on its first line, `// expected: <verdict>`. Folders whose task is not in the
// registry yet are skipped; a folder of a registered task without any fixture fails. Folders of
// training parts (<topic>-train) go through the training pipeline; each reference model is trained
// once per run and kept in memory only.

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const SECRET = 'holdout-fixture-test-secret';
const HEADER = /^\/\/ expected: ([a-z_]+)\s*$/;

async function loadTrainingTasks(slugs: string[]): Promise<Map<string, TrainingTaskDefinition>> {
  try {
    const { trainingTaskRegistry } = await import('../../judge/tasks/training-registry');
    return new Map(trainingTaskRegistry);
  } catch {
    // As for function parts: take the training parts one by one from their topics' folders.
    const tasks = new Map<string, TrainingTaskDefinition>();
    for (const slug of slugs.filter((entry) => entry.endsWith('-train'))) {
      try {
        const module = (await import(`../../judge/tasks/${slug.slice(0, -'-train'.length)}/index.ts`)) as { trainingTask?: TrainingTaskDefinition };
        if (module.trainingTask) tasks.set(slug, module.trainingTask);
      } catch {
        // Not written yet.
      }
    }
    return tasks;
  }
}

async function loadTasks(slugs: string[]): Promise<Map<string, TaskDefinition<Json>>> {
  try {
    const { taskRegistry } = await import('../../judge/tasks/registry');
    return new Map(taskRegistry);
  } catch {
    // Some task module is still missing, so the registry does not load: take the tasks one by one.
    const tasks = new Map<string, TaskDefinition<Json>>();
    for (const slug of slugs) {
      try {
        const module = (await import(`../../judge/tasks/${slug}/index.ts`)) as { task?: TaskDefinition<Json> };
        if (module.task) tasks.set(slug, module.task);
      } catch {
        // Not written yet.
      }
    }
    return tasks;
  }
}

interface Fixture {
  file: string;
  expected: Verdict;
}

function readFixtures(folder: string): Fixture[] {
  return readdirSync(folder)
    .filter((file) => /\.(ts|js)$/.test(file))
    .sort()
    .flatMap((file) => {
      const header = readFileSync(path.join(folder, file), 'utf8').split('\n', 1)[0];
      const match = HEADER.exec(header);
      return match ? [{ file, expected: match[1] as Verdict }] : [];
    });
}

/**
 * Sandbox processes shared by the fixtures, which run two at a time: one fixture's candidate runs
 * in its sandbox process while the other's output is checked on the host.
 */
class SandboxPool {
  private readonly idle: SandboxProcess[];
  private readonly waiting: ((sandbox: SandboxProcess) => void)[] = [];

  constructor(readonly all: SandboxProcess[]) {
    this.idle = [...all];
  }

  async use<T>(work: (sandbox: SandboxProcess) => Promise<T>): Promise<T> {
    const sandbox = this.idle.pop() ?? (await new Promise<SandboxProcess>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(sandbox);
    } finally {
      const next = this.waiting.shift();
      if (next) next(sandbox);
      else this.idle.push(sandbox);
    }
  }
}

const slugs = readdirSync(FIXTURES).filter((entry) => statSync(path.join(FIXTURES, entry)).isDirectory()).sort();
const tasks = new Map<string, JudgedTask>([...(await loadTasks(slugs)), ...(await loadTrainingTasks(slugs))]);
const references = new ReferenceCache(null);
const pool = new SandboxPool([new SandboxProcess(), new SandboxProcess()]);

afterAll(async () => {
  await Promise.all(pool.all.map((sandbox) => sandbox.close()));
});

for (const slug of slugs) {
  const task = tasks.get(slug);
  const folder = path.join(FIXTURES, slug);

  describe.skipIf(!task)(`fixtures of ${slug}`, () => {
    const fixtures = readFixtures(folder);

    it('has at least one fixture', () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });

    // The timeout includes waiting for a free sandbox process.
    it.concurrent.each(fixtures)('$file is judged $expected', async ({ file, expected }) => {
      expect(VERDICTS).toContain(expected);
      const code = readFileSync(path.join(folder, file), 'utf8');
      const judged = task as JudgedTask;
      const language = file.endsWith('.ts') ? 'typescript' : 'javascript';
      const report = await pool.use((sandbox) =>
        isTrainingTask(judged)
          ? judgeTraining({ task: judged, code, language, secret: SECRET, sandbox, references })
          : judgeSubmission({ task: judged, code, language, secret: SECRET, sandbox, speedRepetitions: 1 }),
      );

      const failures = report.tests.filter((test) => test.verdict !== 'accepted').map((test) => `${test.name}: ${test.verdict} ${test.message ?? ''}`);
      expect({ verdict: report.verdict, message: report.message, failures: failures.slice(0, 3) }).toMatchObject({ verdict: expected });
    }, 600_000);
  });
}
