import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { readNumberMatrix, readRecord } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import type { CheckResult, Json, TaskDefinition } from '../../types';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { autoencoderModel } from './model';
import type { AutoencoderOptions, AutoencoderOutput, AutoencoderWeights } from './reference';
import { readDenseStack } from './validate';

/** Size limits of the statement, enforced on custom input. */
export const AUTOENCODER_LIMITS = { maxBatch: 256, maxInputDim: 256, maxUnits: 256, maxLayersPerSide: 4 } as const;

/** |y − ŷ| ≤ 1e-6 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. */
export const AUTOENCODER_TOLERANCE: Tolerance = { absolute: 1e-6, relative: 1e-5 };

const LOSSES = ['meanSquaredError', 'binaryCrossentropy'] as const;

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (input, weights, options), got ${args.length}`;
  const { maxBatch, maxInputDim } = AUTOENCODER_LIMITS;

  const input = readNumberMatrix(args[0], 'input');
  if (!input.ok) return input.message;
  const batchSize = input.value.length;
  const inputDim = input.value[0]?.length ?? 0;
  if (batchSize < 1 || batchSize > maxBatch) return `input has ${batchSize} rows, expected 1 to ${maxBatch}`;
  if (inputDim < 1 || inputDim > maxInputDim) return `input has ${inputDim} columns, expected 1 to ${maxInputDim}`;
  for (let i = 0; i < batchSize; i++) {
    const j = input.value[i].findIndex((value) => value < 0 || value > 1);
    if (j >= 0) return `input[${i}][${j}] = ${input.value[i][j]}, expected a value in [0, 1]`;
  }

  const weights = readRecord(args[1], 'weights', ['encoder', 'decoder']);
  if (!weights.ok) return weights.message;
  const { maxLayersPerSide: maxLayers, maxUnits } = AUTOENCODER_LIMITS;
  const encoder = readDenseStack(weights.value.encoder, 'weights.encoder', inputDim, { maxLayers, maxUnits });
  if (!encoder.ok) return encoder.message;
  const codeSize = encoder.value[encoder.value.length - 1].bias.length;
  const decoder = readDenseStack(weights.value.decoder, 'weights.decoder', codeSize, { maxLayers, maxUnits, lastUnits: inputDim });
  if (!decoder.ok) return `${decoder.message} (the decoder maps the code back to the ${inputDim} input columns)`;

  const options = readRecord(args[2], 'options', ['loss']);
  if (!options.ok) return options.message;
  if (!LOSSES.includes(options.value.loss as (typeof LOSSES)[number])) {
    return `options.loss must be "meanSquaredError" or "binaryCrossentropy", got ${JSON.stringify(options.value.loss) ?? 'undefined'}`;
  }
  return null;
}

/** Checks the three outputs in the order codes, reconstructions, loss; shapes before values. */
function check(output: Json, expected: AutoencoderOutput): CheckResult {
  const record = readRecord(output, 'output', ['codes', 'reconstructions', 'loss']);
  if (!record.ok) return { ok: false, message: record.message };
  const message =
    compareTensor('codes', record.value.codes, expected.codes, AUTOENCODER_TOLERANCE) ??
    compareTensor('reconstructions', record.value.reconstructions, expected.reconstructions, AUTOENCODER_TOLERANCE) ??
    compareTensor('loss', record.value.loss, expected.loss, AUTOENCODER_TOLERANCE);
  return message === null ? { ok: true } : { ok: false, message };
}

export const task: TaskDefinition<AutoencoderOutput> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) =>
    autoencoderModel(args[0] as number[][], args[1] as unknown as AutoencoderWeights, args[2] as unknown as AutoencoderOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => check(output, expected),
};
