import { buildSync, transformSync, type BuildFailure, type Message } from 'esbuild';
import type { CompileOutcome, CompileRequest } from './protocol';

const TARGET = 'es2023';

function failure(message: string, line: number | null = null, column: number | null = null): CompileOutcome {
  return { ok: false, message, line, column };
}

function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<BuildFailure>).errors);
}

/** Turns esbuild's first error into a message with a 1-based line and column. */
function fromEsbuildMessage(error: Message): CompileOutcome {
  const location = error.location;
  if (!location) return failure(error.text);
  // esbuild counts columns in UTF-8 bytes; the editor counts characters.
  const column = Buffer.from(location.lineText, 'utf8').subarray(0, location.column).toString('utf8').length + 1;
  return failure(`line ${location.line}, column ${column}: ${error.text}`, location.line, column);
}

/** Finds where a quoted module specifier first appears in the source, for the import error. */
function locateSpecifier(source: string, specifier: string): { line: number; column: number } | null {
  for (const quote of ["'", '"', '`']) {
    const index = source.indexOf(`${quote}${specifier}${quote}`);
    if (index >= 0) {
      const before = source.slice(0, index).split('\n');
      return { line: before.length, column: before[before.length - 1].length + 1 };
    }
  }
  return null;
}

/**
 * Compiles a submission for the sandbox. TypeScript loses its types (esbuild does not type-check, so
 * type errors are not fatal); JavaScript is parsed but not transpiled. Both are then rewritten from
 * ES module exports to assignments on a `module.exports` object, so that the sandbox can run the
 * module's top-level code inside its own error handling. Rejects oversized sources before esbuild
 * runs, syntax errors with their line and column, any import or require, top-level await, and
 * modules that do not export `functionName`.
 */
export function compileSource(request: CompileRequest): CompileOutcome {
  const bytes = Buffer.byteLength(request.source, 'utf8');
  if (bytes > request.maxBytes) {
    return failure(`The source is ${bytes} bytes long; the limit is ${request.maxBytes} bytes.`);
  }

  let esm: string;
  let imports: { path: string; kind: string }[];
  let exportNames: string[];
  try {
    const built = buildSync({
      stdin: {
        contents: request.source,
        loader: request.language === 'typescript' ? 'ts' : 'js',
        sourcefile: request.language === 'typescript' ? 'submission.ts' : 'submission.js',
      },
      bundle: false,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'neutral',
      target: TARGET,
      supported: { 'top-level-await': false },
      // Keeps imports that are only used as types out of the output but every other import in it,
      // so that an unused `import fs from 'fs'` is reported instead of silently dropped.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      logLevel: 'silent',
    });
    const output = Object.values(built.metafile.outputs)[0];
    esm = built.outputFiles[0]?.text ?? '';
    imports = output?.imports ?? [];
    exportNames = output?.exports ?? [];
  } catch (error) {
    if (isBuildFailure(error) && error.errors.length > 0) return fromEsbuildMessage(error.errors[0]);
    throw error;
  }

  if (imports.length > 0) {
    const specifier = imports[0].path;
    const where = locateSpecifier(request.source, specifier);
    const prefix = where ? `line ${where.line}, column ${where.column}: ` : '';
    return failure(
      `${prefix}imports are not allowed, but the submission imports '${specifier}'. ` +
        'Only the JavaScript built-ins are available; put everything you need in this one file.',
      where?.line ?? null,
      where?.column ?? null,
    );
  }

  if (!exportNames.includes(request.functionName)) {
    const found = exportNames.length > 0 ? `it exports ${exportNames.map((name) => `\`${name}\``).join(', ')}` : 'it exports nothing';
    return failure(
      `The module must export a function named \`${request.functionName}\`, for example ` +
        `\`export function ${request.functionName}(…) { … }\`, but ${found}.`,
    );
  }

  const cjs = transformSync(esm, { loader: 'js', format: 'cjs', target: TARGET, logLevel: 'silent' });
  return { ok: true, code: cjs.code };
}
