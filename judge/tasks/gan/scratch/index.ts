import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { readNumber, readNumberMatrix, readRecord, type ShapeResult } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import { readDenseStack } from '../../autoencoder/scratch/validate';
import type { CheckResult, Json, TaskDefinition } from '../../types';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { ganModel } from './model';
import type { GanInput, GanOptions, GanOutput, GanWeights } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const GAN_LIMITS = { maxSamples: 1024, maxDim: 256, maxUnits: 256, maxLayers: 4 } as const;

/**
 * |y − ŷ| ≤ 1e-5 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. The absolute part is
 * 1e-5, not 1e-6, because outputs near zero come out of sums of up to 256 terms of order 1 through
 * several layers, where float32 rounding reaches a few 1e-7.
 */
export const GAN_TOLERANCE: Tolerance = { absolute: 1e-5, relative: 1e-5 };

/** Reads an [n, d] matrix of samples with 1 ≤ n ≤ maxSamples and 1 ≤ d ≤ maxDim. */
function readSamples(value: unknown, label: string): ShapeResult<number[][]> {
  const { maxSamples, maxDim } = GAN_LIMITS;
  const matrix = readNumberMatrix(value, label);
  if (!matrix.ok) return matrix;
  const n = matrix.value.length;
  const d = matrix.value[0]?.length ?? 0;
  if (n < 1 || n > maxSamples) return { ok: false, message: `${label} has ${n} rows, expected 1 to ${maxSamples}` };
  if (d < 1 || d > maxDim) return { ok: false, message: `${label} has ${d} columns, expected 1 to ${maxDim}` };
  return matrix;
}

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (input, weights, options), got ${args.length}`;
  const { maxLayers, maxUnits } = GAN_LIMITS;

  const input = readRecord(args[0], 'input', ['real', 'noise']);
  if (!input.ok) return input.message;
  const real = readSamples(input.value.real, 'input.real');
  if (!real.ok) return real.message;
  const noise = readSamples(input.value.noise, 'input.noise');
  if (!noise.ok) return noise.message;
  const dataDim = real.value[0].length;
  const latentDim = noise.value[0].length;

  const weights = readRecord(args[1], 'weights', ['generator', 'discriminator']);
  if (!weights.ok) return weights.message;
  const generator = readDenseStack(weights.value.generator, 'weights.generator', latentDim, { maxLayers, maxUnits, lastUnits: dataDim });
  if (!generator.ok) return `${generator.message} (the generator maps ${latentDim} noise columns to the ${dataDim} data columns)`;
  const discriminator = readDenseStack(weights.value.discriminator, 'weights.discriminator', dataDim, { maxLayers, maxUnits, lastUnits: 1 });
  if (!discriminator.ok) return `${discriminator.message} (the discriminator maps ${dataDim} data columns to one logit)`;

  const options = readRecord(args[2], 'options', ['leakyReluAlpha', 'realLabel']);
  if (!options.ok) return options.message;
  const alpha = readNumber(options.value.leakyReluAlpha, 'options.leakyReluAlpha', { min: 0, max: 1 });
  if (!alpha.ok) return alpha.message;
  const realLabel = readNumber(options.value.realLabel, 'options.realLabel', { max: 1 });
  if (!realLabel.ok) return realLabel.message;
  if (realLabel.value <= 0) return `options.realLabel = ${realLabel.value}, expected a value in (0, 1]`;
  return null;
}

const FIELDS = ['fake', 'realLogits', 'fakeLogits', 'discriminatorLoss', 'generatorLoss'] as const;

/** Checks the five outputs in the order of FIELDS; shapes before values. */
function check(output: Json, expected: GanOutput): CheckResult {
  const record = readRecord(output, 'output', FIELDS);
  if (!record.ok) return { ok: false, message: record.message };
  for (const field of FIELDS) {
    const message = compareTensor(field, record.value[field], expected[field], GAN_TOLERANCE);
    if (message !== null) return { ok: false, message };
  }
  return { ok: true };
}

export const task: TaskDefinition<GanOutput> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => ganModel(args[0] as unknown as GanInput, args[1] as unknown as GanWeights, args[2] as unknown as GanOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => check(output, expected),
};
