import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomFromSecret } from '@/judge/data/random';
import type { Json, TaskDefinition } from '@/judge/tasks/types';

/** A fixture file and the verdict its first line declares. */
export interface Fixture {
  file: string;
  path: string;
  expected: string;
}

export interface HostVerdict {
  verdict: 'accepted' | 'wrong_answer' | 'runtime_error';
  /** Name and checker message of each failed test, in order. */
  failures: { name: string; message: string }[];
}

const fixturesRoot = path.join(import.meta.dirname, '..', 'fixtures');

/** Lists the fixtures of a task with the verdict each file's first line declares. */
export function listFixtures(slug: string): Fixture[] {
  const folder = path.join(fixturesRoot, slug);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts') || file.endsWith('.js'))
    .sort()
    .map((file) => {
      const firstLine = readFileSync(path.join(folder, file), 'utf8').split('\n', 1)[0];
      const match = /^\/\/ expected: ([a-z_]+)$/.exec(firstLine);
      if (match === null) throw new Error(`${slug}/${file} does not start with "// expected: <verdict>"`);
      return { file, path: path.join(folder, file), expected: match[1] };
    });
}

/**
 * Runs a fixture module in this process on the task's samples and hidden tests (hidden data from
 * `secret`), checking each output against the host reference. No sandbox and no time limit: this
 * explains checker verdicts quickly, while the sandboxed fixture runner decides the real ones.
 * `skipTimed` leaves out the large timed tests, for slow fixtures that fail on small ones anyway.
 */
export async function judgeOnHost<Output>(
  task: TaskDefinition<Output>,
  fixture: Fixture,
  secret: string,
  options: { skipTimed?: boolean } = {},
): Promise<HostVerdict> {
  const module = (await import(fixture.path)) as Record<string, unknown>;
  const candidate = module[task.functionName];
  if (typeof candidate !== 'function') throw new Error(`${fixture.file} does not export ${task.functionName}`);

  const tests = [
    ...task.samples(),
    ...task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden')),
  ];
  const failures: HostVerdict['failures'] = [];
  for (const test of tests) {
    if (options.skipTimed === true && test.timed === true) continue;
    let output: unknown;
    try {
      // The candidate gets its own copy, so an input it mutates cannot change the check.
      output = (candidate as (...args: Json[]) => unknown)(...structuredClone(test.args));
    } catch (error) {
      failures.push({ name: test.name, message: String(error) });
      return { verdict: 'runtime_error', failures };
    }
    const result = task.check(test.args, toJson(output), task.reference(...test.args));
    if (!result.ok) failures.push({ name: test.name, message: result.message ?? '' });
  }
  return { verdict: failures.length === 0 ? 'accepted' : 'wrong_answer', failures };
}

/** Converts typed arrays to plain arrays, as the sandbox does when the output leaves the isolate. */
function toJson(value: unknown): Json {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJson(entry)]));
  }
  return value as Json;
}
