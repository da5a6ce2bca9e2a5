import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { readNumber, readNumberArray, readNumberMatrix, readRecord, type ShapeResult } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import type { CheckResult, Json, TaskDefinition } from '../../types';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { dbnModel } from './model';
import type { DbnOptions, DbnWeights, Rbm } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const DBN_LIMITS = { maxBatch: 256, maxUnits: 256, maxRbms: 4, maxLearningRate: 10 } as const;

/** |y − ŷ| ≤ 1e-6 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. */
export const DBN_TOLERANCE: Tolerance = { absolute: 1e-6, relative: 1e-5 };

function fail<T>(message: string): ShapeResult<T> {
  return { ok: false, message };
}

/** Reads one RBM whose visible layer has `nVisible` units. */
function readRbm(value: unknown, label: string, nVisible: number): ShapeResult<Rbm> {
  const record = readRecord(value, label, ['kernel', 'visibleBias', 'hiddenBias']);
  if (!record.ok) return record;
  const kernel = readNumberMatrix(record.value.kernel, `${label}.kernel`, { rows: nVisible });
  if (!kernel.ok) return fail(`${kernel.message} (${label}.kernel is [nVisible, nHidden] with nVisible ${nVisible})`);
  const nHidden = kernel.value[0]?.length ?? 0;
  if (nHidden < 1 || nHidden > DBN_LIMITS.maxUnits) return fail(`${label}.kernel has ${nHidden} columns, expected 1 to ${DBN_LIMITS.maxUnits}`);
  const visibleBias = readNumberArray(record.value.visibleBias, `${label}.visibleBias`, { length: nVisible });
  if (!visibleBias.ok) return visibleBias;
  const hiddenBias = readNumberArray(record.value.hiddenBias, `${label}.hiddenBias`, { length: nHidden });
  if (!hiddenBias.ok) return hiddenBias;
  return { ok: true, value: { kernel: kernel.value, visibleBias: visibleBias.value, hiddenBias: hiddenBias.value } };
}

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (input, weights, options), got ${args.length}`;
  const { maxBatch, maxUnits, maxRbms, maxLearningRate } = DBN_LIMITS;

  const input = readNumberMatrix(args[0], 'input');
  if (!input.ok) return input.message;
  const batchSize = input.value.length;
  const nVisible = input.value[0]?.length ?? 0;
  if (batchSize < 1 || batchSize > maxBatch) return `input has ${batchSize} rows, expected 1 to ${maxBatch}`;
  if (nVisible < 1 || nVisible > maxUnits) return `input has ${nVisible} columns, expected 1 to ${maxUnits}`;
  for (let i = 0; i < batchSize; i++) {
    const j = input.value[i].findIndex((value) => value < 0 || value > 1);
    if (j >= 0) return `input[${i}][${j}] = ${input.value[i][j]}, expected a value in [0, 1]`;
  }

  const weights = readRecord(args[1], 'weights', ['rbms']);
  if (!weights.ok) return weights.message;
  const rbms = weights.value.rbms;
  if (!Array.isArray(rbms) || rbms.length < 1 || rbms.length > maxRbms) return `weights.rbms must be an array of 1 to ${maxRbms} RBMs`;
  let width = nVisible;
  for (let l = 0; l < rbms.length; l++) {
    const rbm = readRbm(rbms[l], `weights.rbms[${l}]`, width);
    if (!rbm.ok) return rbm.message;
    width = rbm.value.hiddenBias.length;
  }

  const options = readRecord(args[2], 'options', ['learningRate', 'uniforms']);
  if (!options.ok) return options.message;
  const learningRate = readNumber(options.value.learningRate, 'options.learningRate', { min: 0, max: maxLearningRate });
  if (!learningRate.ok) return learningRate.message;
  const uniforms = readNumberMatrix(options.value.uniforms, 'options.uniforms', { rows: batchSize, columns: width });
  if (!uniforms.ok) return `${uniforms.message} (uniforms is [batchSize, nHidden of the top RBM] = [${batchSize}, ${width}])`;
  for (let i = 0; i < batchSize; i++) {
    const j = uniforms.value[i].findIndex((value) => value < 0 || value >= 1);
    if (j >= 0) return `options.uniforms[${i}][${j}] = ${uniforms.value[i][j]}, expected a value in [0, 1)`;
  }
  return null;
}

/** Checks the updated top RBM in the order kernel, visibleBias, hiddenBias; shapes before values. */
function check(output: Json, expected: Rbm): CheckResult {
  const record = readRecord(output, 'output', ['kernel', 'visibleBias', 'hiddenBias']);
  if (!record.ok) return { ok: false, message: record.message };
  const message =
    compareTensor('kernel', record.value.kernel, expected.kernel, DBN_TOLERANCE) ??
    compareTensor('visibleBias', record.value.visibleBias, expected.visibleBias, DBN_TOLERANCE) ??
    compareTensor('hiddenBias', record.value.hiddenBias, expected.hiddenBias, DBN_TOLERANCE);
  return message === null ? { ok: true } : { ok: false, message };
}

export const task: TaskDefinition<Rbm> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => dbnModel(args[0] as number[][], args[1] as unknown as DbnWeights, args[2] as unknown as DbnOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => check(output, expected),
};
