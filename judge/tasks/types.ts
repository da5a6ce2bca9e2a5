import type { Random } from '../data/random';

/** Plain data that crosses the isolate boundary. Non-finite numbers (NaN, ±Infinity) are allowed. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type TaskPart = 'main' | 'scratch' | 'train';
export type Difficulty = 'easy' | 'medium' | 'hard';
export type Locale = 'zh-CN' | 'en';

/** One call of the candidate's function. */
export interface TestCase {
  /** Stable, human-readable name, e.g. "sample-1" or "hidden-07". Hidden names reveal no data. */
  name: string;
  /** Positional arguments of the exported function. */
  args: Json[];
  hidden: boolean;
  /** Counts towards the speed grade. Large inputs are timed; tiny edge cases are not. */
  timed?: boolean;
}

export interface CheckResult {
  ok: boolean;
  /**
   * Why the output was rejected (or a note on acceptance). Shown to the candidate for sample
   * tests and custom runs only; the judge replaces it with a generic message for hidden tests.
   */
  message?: string;
}

export interface TaskLimits {
  /** CPU time of one call of the candidate's function, enforced by the isolate. */
  cpuMsPerTest: number;
  /** Wall-clock time of one call, enforced by the watchdog. */
  wallMsPerTest: number;
  /** V8 heap limit of the isolate, in MiB (isolated-vm calls this a guideline, not a hard cap). */
  memoryMb: number;
  /** Maximum size of the submitted source, in bytes. */
  sourceBytes: number;
}

/** Text shown on the site, per locale. */
export type Localized = Record<Locale, string>;

/** Catalogue data about a task: what the site and the seed need, with no judging code. */
export interface TaskMetadata {
  /** Folder name under judge/tasks/ and the CLI's task slug, e.g. "kmeans". */
  slug: string;
  /** Slug of the coding task on the site that this part belongs to, e.g. "kmeans" or "lstm". */
  taskSlug: string;
  part: TaskPart;
  /** Bumped whenever tests, checker or limits change, so old verdicts keep their meaning. */
  version: number;
  functionName: string;
  topic: string;
  difficulty: Difficulty;
  tags: string[];
  title: Localized;
  /** Markdown with KaTeX math ($…$ and $$…$$). */
  statement: Localized;
  /** TypeScript starter code shown in the editor. */
  starterCode: string;
  limits: TaskLimits;
  /** Whether the judge grades this part yet. */
  ready: boolean;
}

/** A judged task: metadata plus data, reference and checker. Runs only in the judge process. */
export interface TaskDefinition<Output = Json> extends TaskMetadata {
  /** Absolute path of the self-contained reference module, run in an isolate for the speed grade. */
  referencePath: string;
  /** The same reference, called on the host to produce expected outputs. */
  reference(...args: Json[]): Output;
  /** Visible tests shown on the task page, with their expected outputs. Independent of the secret. */
  samples(): TestCase[];
  /** Hidden tests, generated deterministically from the given source (seeded from the deployment secret). */
  hiddenTests(random: Random): TestCase[];
  /**
   * Checks custom input against the signature before anything runs. Returns an error message
   * naming the first invalid argument, or null when the input is valid.
   */
  validateArgs(args: unknown[]): string | null;
  /** Decides whether the candidate's output is acceptable for these arguments. */
  check(args: Json[], output: Json, expected: Output): CheckResult;
}
