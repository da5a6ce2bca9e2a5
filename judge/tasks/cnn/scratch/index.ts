import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { describeType, readRecord, type ShapeResult } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import type { Json, TaskDefinition } from '../../types';
import { readChoice, readInteger, readKernel, readVector } from '../../rnn/scratch/validate';
import { scratchMetadata } from '../metadata';
import { flatSize, hiddenTests, samples } from './generator';
import { cnnModel } from './model';
import { planAxis, type CnnOptions, type CnnWeights } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const CNN_LIMITS = {
  maxImageSize: 64,
  maxChannels: 8,
  maxKernelSize: 7,
  maxFilters: 32,
  maxStride: 4,
  maxPoolSize: 4,
  maxClasses: 16,
  maxFlatSize: 8192,
} as const;

/** |y − ŷ| ≤ 1e-6 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. */
export const CNN_TOLERANCE: Tolerance = { absolute: 1e-6, relative: 1e-5 };

/** Bounds of one axis of a nested array, and the word for its entries in messages. */
interface Axis {
  min: number;
  max: number;
  unit: string;
}

/**
 * Reads a rectangular nested array of finite numbers with one level per axis, the first length of
 * each level within its axis' bounds and every later row as long as the first. Returns the shape.
 */
function readTensor(value: unknown, label: string, axes: readonly Axis[]): ShapeResult<number[]> {
  const shape: (number | undefined)[] = axes.map(() => undefined);

  function visit(node: unknown, where: string, level: number): string | null {
    if (level === axes.length) {
      if (typeof node !== 'number') return `${where} must be a number, got ${describeType(node)}`;
      return Number.isFinite(node) ? null : `${where} = ${node}, expected a finite number`;
    }
    if (!Array.isArray(node)) return `${where} must be an array of ${axes[level].unit}, got ${describeType(node)}`;
    const expected = shape[level];
    if (expected === undefined) {
      const { min, max, unit } = axes[level];
      if (node.length < min || node.length > max) {
        return `${where} has ${node.length} ${unit}, expected ${min === max ? min : `${min} to ${max}`}`;
      }
      shape[level] = node.length;
    } else if (node.length !== expected) {
      return `${where} has length ${node.length}, expected ${expected}`;
    }
    for (let i = 0; i < node.length; i++) {
      const message = visit(node[i], `${where}[${i}]`, level + 1);
      if (message !== null) return message;
    }
    return null;
  }

  const message = visit(value, label, 0);
  return message === null ? { ok: true, value: shape as number[] } : { ok: false, message };
}

function validateOptions(value: unknown): ShapeResult<CnnOptions> {
  const record = readRecord(value, 'options', ['strides', 'padding', 'activation', 'poolSize', 'poolStrides', 'poolPadding']);
  if (!record.ok) return record;
  const strides = readInteger(record.value.strides, 'options.strides', 1, CNN_LIMITS.maxStride);
  if (!strides.ok) return strides;
  const padding = readChoice(record.value.padding, 'options.padding', ['same', 'valid']);
  if (!padding.ok) return padding;
  const activation = readChoice(record.value.activation, 'options.activation', ['relu', 'linear']);
  if (!activation.ok) return activation;
  const poolSize = readInteger(record.value.poolSize, 'options.poolSize', 1, CNN_LIMITS.maxPoolSize);
  if (!poolSize.ok) return poolSize;
  const poolStrides = readInteger(record.value.poolStrides, 'options.poolStrides', 1, CNN_LIMITS.maxStride);
  if (!poolStrides.ok) return poolStrides;
  const poolPadding = readChoice(record.value.poolPadding, 'options.poolPadding', ['same', 'valid']);
  if (!poolPadding.ok) return poolPadding;
  return {
    ok: true,
    value: {
      strides: strides.value,
      padding: padding.value,
      activation: activation.value,
      poolSize: poolSize.value,
      poolStrides: poolStrides.value,
      poolPadding: poolPadding.value,
    },
  };
}

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (image, weights, options), got ${args.length}`;
  const { maxImageSize, maxChannels, maxKernelSize, maxFilters, maxClasses, maxFlatSize } = CNN_LIMITS;

  const image = readTensor(args[0], 'image', [
    { min: 1, max: maxImageSize, unit: 'rows' },
    { min: 1, max: maxImageSize, unit: 'columns' },
    { min: 1, max: maxChannels, unit: 'channels' },
  ]);
  if (!image.ok) return image.message;
  const [height, width, channels] = image.value;

  const weights = readRecord(args[1], 'weights', ['conv', 'dense']);
  if (!weights.ok) return weights.message;
  const conv = readRecord(weights.value.conv, 'weights.conv', ['kernel', 'bias']);
  if (!conv.ok) return conv.message;
  const kernel = readTensor(conv.value.kernel, 'weights.conv.kernel', [
    { min: 1, max: maxKernelSize, unit: 'rows' },
    { min: 1, max: maxKernelSize, unit: 'columns' },
    { min: channels, max: channels, unit: 'input channels' },
    { min: 1, max: maxFilters, unit: 'filters' },
  ]);
  if (!kernel.ok) return `${kernel.message} (weights.conv.kernel is [kh, kw, inChannels, filters] with inChannels ${channels})`;
  const [kernelHeight, kernelWidth, , filters] = kernel.value;
  const convBias = readVector(conv.value.bias, 'weights.conv.bias', filters);
  if (!convBias.ok) return convBias.message;

  const options = validateOptions(args[2]);
  if (!options.ok) return options.message;
  const opts = options.value;
  const convRows = planAxis(height, kernelHeight, opts.strides, opts.padding).size;
  const convColumns = planAxis(width, kernelWidth, opts.strides, opts.padding).size;
  if (convRows < 1 || convColumns < 1) {
    return `a ${kernelHeight}×${kernelWidth} kernel with padding "${opts.padding}" leaves no output on a ${height}×${width} image`;
  }
  const poolRows = planAxis(convRows, opts.poolSize, opts.poolStrides, opts.poolPadding).size;
  const poolColumns = planAxis(convColumns, opts.poolSize, opts.poolStrides, opts.poolPadding).size;
  if (poolRows < 1 || poolColumns < 1) {
    return `a pool of size ${opts.poolSize} with padding "${opts.poolPadding}" leaves no output on the ${convRows}×${convColumns} convolution output`;
  }

  const flat = flatSize({ height, width, kernelHeight, kernelWidth, filters }, opts);
  if (flat > maxFlatSize) return `the flattened pooling output has ${flat} values, at most ${maxFlatSize} are allowed`;
  const dense = readRecord(weights.value.dense, 'weights.dense', ['kernel', 'bias']);
  if (!dense.ok) return dense.message;
  const denseKernel = readKernel(dense.value.kernel, 'weights.dense.kernel', flat, `[flatSize, classes] with flatSize ${poolRows}·${poolColumns}·${filters} = ${flat}`, { max: maxClasses });
  if (!denseKernel.ok) return denseKernel.message;
  const denseBias = readVector(dense.value.bias, 'weights.dense.bias', denseKernel.value[0].length);
  if (!denseBias.ok) return denseBias.message;
  return null;
}

export const task: TaskDefinition<number[]> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => cnnModel(args[0] as number[][][], args[1] as unknown as CnnWeights, args[2] as unknown as CnnOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => {
    const message = compareTensor('output', output, expected, CNN_TOLERANCE);
    return message === null ? { ok: true } : { ok: false, message };
  },
};
