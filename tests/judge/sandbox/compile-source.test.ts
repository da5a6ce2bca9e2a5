import { describe, expect, it } from 'vitest';
import { compileSource } from '../../../judge/sandbox/compile-source';
import type { CompileRequest } from '../../../judge/sandbox/protocol';

function compile(source: string, overrides: Partial<CompileRequest> = {}) {
  return compileSource({ source, language: 'typescript', functionName: 'kmeans', maxBytes: 1_000, ...overrides });
}

describe('compileSource', () => {
  it('strips types and rewrites exports', () => {
    const outcome = compile('export function kmeans(points: number[][], k: number): number { return k; }');

    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.code).not.toContain('number[][]');
      expect(outcome.code).toContain('module.exports');
    }
  });

  it('ignores type errors', () => {
    expect(compile('export function kmeans(k: number): string { return k; }').ok).toBe(true);
  });

  it('rejects a source over the size limit before compiling', () => {
    expect(compile('x'.repeat(1_001))).toEqual({ ok: false, message: 'The source is 1001 bytes long; the limit is 1000 bytes.', line: null, column: null });
  });

  it('counts the size in UTF-8 bytes', () => {
    const outcome = compile(`// ${'中'.repeat(334)}\nexport function kmeans() {}`);
    expect(outcome.ok).toBe(false);
  });

  it('reports a syntax error with line and column', () => {
    expect(compile('export function kmeans() {\n  return 1 +;\n}')).toEqual({
      ok: false,
      message: 'line 2, column 13: Unexpected ";"',
      line: 2,
      column: 13,
    });
  });

  it('counts columns in characters, not bytes', () => {
    const outcome = compile('const 名 = 1;\nexport function kmeans() { return 名 + ; }');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.column).toBe(39);
  });

  it('parses JavaScript without accepting TypeScript', () => {
    expect(compile('export function kmeans(k) { return k; }', { language: 'javascript' }).ok).toBe(true);
    const outcome = compile('export function kmeans(k: number) { return k; }', { language: 'javascript' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/^line 1, column 25: /);
  });

  it('rejects static, dynamic and require imports', () => {
    for (const [source, specifier] of [
      ["import { sum } from 'lodash';\nexport function kmeans() { return sum; }", 'lodash'],
      ["import fs from 'fs';\nexport function kmeans() {}", 'fs'],
      ["export function kmeans() { return import('path'); }", 'path'],
      ["export function kmeans() { return require('os'); }", 'os'],
      ["export * from './other';\nexport function kmeans() {}", './other'],
    ]) {
      const outcome = compile(source);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.message).toContain(`imports are not allowed, but the submission imports '${specifier}'`);
    }
  });

  it('allows type-only imports, which leave no code', () => {
    expect(compile("import type { Point } from './types';\nexport function kmeans(points: Point[]) { return points; }").ok).toBe(true);
  });

  it('reports the position of an import', () => {
    const outcome = compile("// comment\nimport fs from 'fs';\nexport function kmeans() { return fs; }");
    expect(outcome).toMatchObject({ ok: false, line: 2, column: 16 });
  });

  it('requires the named export', () => {
    expect(compile('export default function kmeans() {}')).toEqual({
      ok: false,
      message: 'The module must export a function named `kmeans`, for example `export function kmeans(…) { … }`, but it exports `default`.',
      line: null,
      column: null,
    });
    expect(compile('function kmeans() {}')).toMatchObject({ ok: false, message: expect.stringContaining('but it exports nothing') });
    expect(compile('const kmeans = () => 1;\nexport { kmeans };').ok).toBe(true);
  });

  it('rejects top-level await', () => {
    const outcome = compile('await Promise.resolve();\nexport function kmeans() {}');
    expect(outcome).toMatchObject({ ok: false, line: 1, column: 1 });
  });
});
