/**
 * Readers for the weight objects of the attention tasks, used by `validateArgs` on custom input.
 * Each returns the value or a message naming the first problem.
 */
import { readNumber, readNumberArray, readNumberMatrix, readRecord, type ShapeResult } from '../../../checkers/shape';
import type { Dense } from './reference';
import type { LayerNormWeights } from './tf-attention';

/** Reads a dense layer {kernel [inputDim, units], bias [units]}; `units` is free unless given. */
export function readDense(value: unknown, label: string, inputDim: number, maxUnits: number, units?: number): ShapeResult<Dense> {
  const record = readRecord(value, label, ['kernel', 'bias']);
  if (!record.ok) return record;
  const kernel = readNumberMatrix(record.value.kernel, `${label}.kernel`, { rows: inputDim, columns: units });
  if (!kernel.ok) return { ok: false, message: `${kernel.message} (${label}.kernel is [inputDim, units] with inputDim ${inputDim})` };
  const width = kernel.value[0]?.length ?? 0;
  if (width < 1 || width > maxUnits) return { ok: false, message: `${label}.kernel has ${width} columns, expected 1 to ${maxUnits}` };
  const bias = readNumberArray(record.value.bias, `${label}.bias`, { length: width });
  if (!bias.ok) return bias;
  return { ok: true, value: { kernel: kernel.value, bias: bias.value } };
}

/** Reads layer-normalisation weights {gamma [size], beta [size]}. */
export function readLayerNorm(value: unknown, label: string, size: number): ShapeResult<LayerNormWeights> {
  const record = readRecord(value, label, ['gamma', 'beta']);
  if (!record.ok) return record;
  const gamma = readNumberArray(record.value.gamma, `${label}.gamma`, { length: size });
  if (!gamma.ok) return gamma;
  const beta = readNumberArray(record.value.beta, `${label}.beta`, { length: size });
  if (!beta.ok) return beta;
  return { ok: true, value: { gamma: gamma.value, beta: beta.value } };
}

/** Reads a mask of 0s and 1s, [rows] when `columns` is undefined and [rows, columns] otherwise. */
export function readBinaryMask(value: unknown, label: string, rows: number, columns?: number): ShapeResult<number[] | number[][]> {
  if (columns === undefined) {
    const vector = readNumberArray(value, label, { length: rows });
    if (!vector.ok) return vector;
    const bad = vector.value.findIndex((entry) => entry !== 0 && entry !== 1);
    if (bad >= 0) return { ok: false, message: `${label}[${bad}] = ${vector.value[bad]}, expected 0 or 1` };
    return vector;
  }
  const matrix = readNumberMatrix(value, label, { rows, columns });
  if (!matrix.ok) return matrix;
  for (let i = 0; i < matrix.value.length; i++) {
    const bad = matrix.value[i].findIndex((entry) => entry !== 0 && entry !== 1);
    if (bad >= 0) return { ok: false, message: `${label}[${i}][${bad}] = ${matrix.value[i][bad]}, expected 0 or 1` };
  }
  return matrix;
}

/** Reads numHeads: an integer from 1 to `max` that divides every width in `widths`. */
export function readNumHeads(value: unknown, label: string, max: number, widths: Record<string, number>): ShapeResult<number> {
  const numHeads = readNumber(value, label, { integer: true, min: 1, max });
  if (!numHeads.ok) return numHeads;
  for (const [name, width] of Object.entries(widths)) {
    if (width % numHeads.value !== 0) {
      return { ok: false, message: `${label} = ${numHeads.value} does not divide the ${width} columns of ${name}` };
    }
  }
  return numHeads;
}

/** Reads a boolean flag. */
export function readBoolean(value: unknown, label: string): ShapeResult<boolean> {
  if (typeof value !== 'boolean') return { ok: false, message: `${label} must be true or false, got ${JSON.stringify(value) ?? String(value)}` };
  return { ok: true, value };
}
