import type { Json } from '../tasks/types';

/**
 * The text format in which values cross the isolate boundary: `[value, patches]`, where `value` is
 * JSON with every non-finite number written as null, and `patches` lists `[path, "NaN" | "Infinity" |
 * "-Infinity"]` for each of them. JSON alone would turn NaN and ±Infinity into null silently; the
 * patches restore them exactly. judge/sandbox/in-isolate/harness.js reads and writes the same format.
 */
type PathStep = string | number;
type NonFiniteName = 'NaN' | 'Infinity' | '-Infinity';
type Patch = [PathStep[], NonFiniteName];

const NON_FINITE: Record<NonFiniteName, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };

function nonFiniteName(value: number): NonFiniteName {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/** Encodes plain data for the isolate. Throws on values that are not Json (functions, cycles, …). */
export function encodeWire(value: Json): string {
  const patches: Patch[] = [];
  const path: PathStep[] = [];

  function replaceNonFinite(item: Json): Json {
    if (typeof item === 'number') {
      if (Number.isFinite(item)) return item;
      patches.push([path.slice(), nonFiniteName(item)]);
      return null;
    }
    if (item === null || typeof item !== 'object') return item;
    if (Array.isArray(item)) {
      return item.map((element, index) => {
        path.push(index);
        const replaced = replaceNonFinite(element);
        path.pop();
        return replaced;
      });
    }
    const copy: { [key: string]: Json } = {};
    for (const [key, element] of Object.entries(item)) {
      path.push(key);
      Object.defineProperty(copy, key, { value: replaceNonFinite(element), enumerable: true, writable: true, configurable: true });
      path.pop();
    }
    return copy;
  }

  const replaced = replaceNonFinite(value);
  return JSON.stringify([replaced, patches]);
}

/** Decodes the wire format into plain data, restoring non-finite numbers. Throws on malformed text. */
export function decodeWire(text: string): Json {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Array.isArray(parsed[1])) {
    throw new Error('wire format: expected a [value, patches] pair');
  }
  let value = parsed[0] as Json;
  for (const patch of parsed[1] as unknown[]) {
    if (!Array.isArray(patch) || !Array.isArray(patch[0]) || !Object.hasOwn(NON_FINITE, patch[1])) {
      throw new Error('wire format: malformed patch');
    }
    const steps = patch[0] as PathStep[];
    const number = NON_FINITE[patch[1] as NonFiniteName];
    if (steps.length === 0) {
      value = number;
      continue;
    }
    let target: unknown = value;
    for (const step of steps.slice(0, -1)) {
      target = (target as Record<PathStep, unknown>)[step];
    }
    const last = steps[steps.length - 1];
    if (target === null || typeof target !== 'object' || !Object.hasOwn(target, last)) {
      throw new Error('wire format: a patch points outside the value');
    }
    // defineProperty, not assignment, so that a key named "__proto__" stays an own property.
    Object.defineProperty(target, last, { value: number, enumerable: true, writable: true, configurable: true });
  }
  return value;
}

/**
 * Converts plain data for storage and display as JSON (a database column, `--json` output):
 * non-finite numbers become the strings "NaN", "Infinity" and "-Infinity".
 */
export function toDisplayJson(value: Json): Json {
  if (typeof value === 'number') return Number.isFinite(value) ? value : nonFiniteName(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toDisplayJson);
  const copy: { [key: string]: Json } = {};
  for (const [key, element] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: toDisplayJson(element), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
