/** Limits of the sandbox itself, the same for every task. Task limits live in each TaskDefinition. */

/** Most entries of a trained model's lossHistory that the judge keeps; later ones are dropped. */
export const LOSS_HISTORY_MAX_ENTRIES = 10_000;

/** Largest returned value, as characters of its JSON text. */
export const OUTPUT_MAX_CHARS = 16 * 1024 * 1024;

/** Deepest nesting of a returned value (arrays and objects). */
export const OUTPUT_MAX_DEPTH = 64;

/** Console output kept per test run, in characters; the rest is dropped with a note. */
export const CONSOLE_MAX_CHARS = 64 * 1024;

/**
 * CPU time the judge's own steps in the isolate may use (decoding the input, encoding the output).
 * Encoding can run candidate code (getters, proxy traps), so it needs a bound of its own.
 */
export const HARNESS_CPU_MS = 2_000;

/** How often the sandbox process reads its CPU time to enforce the CPU limit. */
export const CPU_POLL_MS = 5;

/**
 * A run that threw counts as memory_limit_exceeded when the isolate's heap plus its external
 * memory (array buffers) had reached this fraction of the memory limit.
 */
export const MEMORY_NEAR_LIMIT_FRACTION = 0.9;

/** How long the parent waits for a compile step (esbuild) before it kills the sandbox process. */
export const COMPILE_DEADLINE_MS = 10_000;

/** Extra time the parent allows a run beyond its wall limit before it kills the sandbox process. */
export const PROCESS_GRACE_MS = 3_000;

/**
 * Further extra time for a training run, whose sandbox process may first build the TensorFlow.js
 * bundle (about 1.3 s of esbuild on an idle development machine, several times that under load).
 */
export const TFJS_BUILD_GRACE_MS = 20_000;
