import path from 'node:path';
import { checkPca } from '../../checkers/pca';
import { readNumber, readPoints } from '../../checkers/shape';
import type { Json, TaskDefinition } from '../types';
import { hiddenTests, samples } from './generator';
import { metadata } from './metadata';
import { pca, pcaSpectrum, type PcaResult, type PcaSpectrum } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const PCA_LIMITS = { maxRows: 5000, maxFeatures: 100 } as const;

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 2) return `expected 2 arguments (data, nComponents), got ${args.length}`;
  const data = readPoints(args[0], 'data', { minRows: 2, maxRows: PCA_LIMITS.maxRows, maxColumns: PCA_LIMITS.maxFeatures });
  if (!data.ok) return data.message;

  const d = data.value[0].length;
  const nComponents = readNumber(args[1], 'nComponents', { integer: true, min: 1, max: d });
  if (!nComponents.ok) return `${nComponents.message} (nComponents must be between 1 and d = ${d})`;
  return null;
}

// The checker needs every eigenpair, not only the requested ones. The judge passes the same args
// array for every check of a test, so the spectrum is computed once per test.
const spectra = new WeakMap<object, PcaSpectrum>();

function spectrumOf(data: number[][]): PcaSpectrum {
  let spectrum = spectra.get(data);
  if (spectrum === undefined) {
    spectrum = pcaSpectrum(data);
    spectra.set(data, spectrum);
  }
  return spectrum;
}

export const task: TaskDefinition<PcaResult> = {
  ...metadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => pca(args[0] as number[][], args[1] as number),
  samples,
  hiddenTests,
  validateArgs,
  check: (args, output) => checkPca(args[0] as number[][], args[1] as number, output, spectrumOf(args[0] as number[][])),
};
