import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire, toDisplayJson } from '../../../judge/sandbox/wire-format';

describe('wire format', () => {
  it('round-trips non-finite numbers at every depth', () => {
    const value = { points: [[1, Number.NaN], [Infinity, -Infinity]], k: Number.NaN, label: 'NaN', nested: { deep: [[[-Infinity]]] } };
    const decoded = decodeWire(encodeWire(value)) as typeof value;

    expect(decoded.points[0][1]).toBeNaN();
    expect(decoded.points[1]).toEqual([Infinity, -Infinity]);
    expect(decoded.k).toBeNaN();
    expect(decoded.label).toBe('NaN');
    expect(decoded.nested.deep[0][0][0]).toBe(-Infinity);
  });

  it('round-trips a top-level non-finite number', () => {
    expect(decodeWire(encodeWire(Number.NaN))).toBeNaN();
    expect(decodeWire(encodeWire(-Infinity))).toBe(-Infinity);
  });

  it('keeps null distinct from NaN', () => {
    expect(decodeWire(encodeWire([null, Number.NaN]))).toEqual([null, Number.NaN]);
  });

  it('keeps a __proto__ key as an own property', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "x": NaN}'.replace('NaN', 'null')) as Record<string, unknown>;
    input.x = Number.NaN;
    const decoded = decodeWire(encodeWire(input as never)) as Record<string, unknown>;

    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(decoded.x).toBeNaN();
  });

  it('rejects malformed text', () => {
    expect(() => decodeWire('[1]')).toThrow('wire format: expected a [value, patches] pair');
    expect(() => decodeWire('[[1], [[[0], "nan"]]]')).toThrow('wire format: malformed patch');
    expect(() => decodeWire('[[1], [[[5], "NaN"]]]')).toThrow('wire format: a patch points outside the value');
  });

  it('shows non-finite numbers as strings for display', () => {
    expect(toDisplayJson([1, Number.NaN, { a: -Infinity }])).toEqual([1, 'NaN', { a: '-Infinity' }]);
  });
});
