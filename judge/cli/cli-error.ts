/** A mistake in how the CLI was called (unknown task, missing file, bad option): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
