/**
 * PCA checker. Components are compared with the reference's eigenvectors up to sign. Where
 * reference eigenvalues are equal within TIE_RELATIVE_TOLERANCE of the largest one, any orthonormal
 * basis of their eigenspace is correct, so each of those components only has to lie in it.
 * `projected` must be the centred data times the candidate's own components, which ties each
 * column's sign to its component's sign.
 */
import type { CheckResult } from '../tasks/types';
import { dot, formatNumber, norm } from './numeric';
import { readNumberArray, readNumberMatrix, readRecord } from './shape';
import { checkOrthonormal, compareUpToSign, distanceToSpan, groupEqualValues } from './subspace';

/** Eigenvalues within this fraction of the largest eigenvalue count as equal. */
export const TIE_RELATIVE_TOLERANCE = 1e-9;

/** Allowed error of each component coordinate, of each norm and of each pairwise dot product. */
export const COMPONENT_TOLERANCE = 1e-6;

/** explainedVariance[j] may differ by this fraction of the expected value ... */
export const VARIANCE_RELATIVE_TOLERANCE = 1e-6;
/** ... plus this fraction of the largest eigenvalue, the accuracy limit of a backward-stable solver. */
export const VARIANCE_SCALE_TOLERANCE = 1e-12;

/** projected[i][j] may differ by this fraction of ‖row i − mean‖, plus 1e-3 of it times the largest such norm. */
export const PROJECTION_TOLERANCE = 1e-6;

/** The full eigendecomposition of the sample covariance, by decreasing eigenvalue. */
export interface CovarianceSpectrum {
  mean: readonly number[];
  eigenvalues: readonly number[];
  /** eigenvectors[j] is the unit eigenvector of eigenvalues[j]. */
  eigenvectors: readonly (readonly number[])[];
}

/** Checks a candidate's PCA output against the data and the reference's full spectrum. */
export function checkPca(
  data: readonly (readonly number[])[],
  nComponents: number,
  output: unknown,
  spectrum: CovarianceSpectrum,
): CheckResult {
  const n = data.length;
  const d = spectrum.mean.length;

  const record = readRecord(output, 'the result', ['components', 'explainedVariance', 'projected']);
  if (!record.ok) return { ok: false, message: record.message };
  const componentsRead = readNumberMatrix(record.value.components, 'components', { rows: nComponents, columns: d });
  if (!componentsRead.ok) return { ok: false, message: componentsRead.message };
  const varianceRead = readNumberArray(record.value.explainedVariance, 'explainedVariance', { length: nComponents });
  if (!varianceRead.ok) return { ok: false, message: varianceRead.message };
  const projectedRead = readNumberMatrix(record.value.projected, 'projected', { rows: n, columns: nComponents });
  if (!projectedRead.ok) return { ok: false, message: projectedRead.message };
  const components = componentsRead.value;

  const message =
    checkExplainedVariance(varianceRead.value, spectrum.eigenvalues) ??
    checkOrthonormal('components', components, COMPONENT_TOLERANCE) ??
    checkComponents(components, spectrum) ??
    checkProjection(data, spectrum.mean, components, projectedRead.value);
  return message === null ? { ok: true } : { ok: false, message };
}

function checkExplainedVariance(variance: readonly number[], eigenvalues: readonly number[]): string | null {
  const largest = Math.max(eigenvalues[0], 0);
  const slackOf = (j: number) => VARIANCE_RELATIVE_TOLERANCE * Math.abs(eigenvalues[j]) + VARIANCE_SCALE_TOLERANCE * largest;

  // Equal eigenvalues may come out in either order by rounding, so only a rise beyond the tolerance counts.
  for (let j = 1; j < variance.length; j++) {
    if (variance[j] - variance[j - 1] > slackOf(j)) {
      return (
        `explainedVariance is not in decreasing order: explainedVariance[${j}] = ${formatNumber(variance[j])} ` +
        `> explainedVariance[${j - 1}] = ${formatNumber(variance[j - 1])}`
      );
    }
  }
  for (let j = 0; j < variance.length; j++) {
    const slack = slackOf(j);
    if (Math.abs(variance[j] - eigenvalues[j]) > slack) {
      return `explainedVariance[${j}] = ${formatNumber(variance[j])}, expected ${formatNumber(eigenvalues[j])}`;
    }
  }
  return null;
}

function checkComponents(components: readonly (readonly number[])[], spectrum: CovarianceSpectrum): string | null {
  const tieTolerance = TIE_RELATIVE_TOLERANCE * Math.max(spectrum.eigenvalues[0], 0);
  for (const [start, end] of groupEqualValues(spectrum.eigenvalues, tieTolerance)) {
    if (start >= components.length) break;
    const last = Math.min(end, components.length);
    if (end - start === 1) {
      const message = compareUpToSign(
        `components[${start}]`,
        components[start],
        spectrum.eigenvectors[start],
        COMPONENT_TOLERANCE,
      );
      if (message !== null) return message;
      continue;
    }

    const basis = spectrum.eigenvectors.slice(start, end);
    for (let j = start; j < last; j++) {
      const distance = distanceToSpan(components[j], basis);
      if (distance > COMPONENT_TOLERANCE) {
        return (
          `components[${j}] is not in the ${end - start}-dimensional eigenspace of the eigenvalue ` +
          `${formatNumber(spectrum.eigenvalues[start])} (eigenvalues ${start} to ${end - 1} are equal, so any ` +
          `orthonormal basis of that eigenspace is accepted): its distance from it is ${formatNumber(distance)}`
        );
      }
    }
  }
  return null;
}

function checkProjection(
  data: readonly (readonly number[])[],
  mean: readonly number[],
  components: readonly (readonly number[])[],
  projected: readonly (readonly number[])[],
): string | null {
  const centred = data.map((row) => row.map((value, t) => value - mean[t]));
  const norms = centred.map((row) => norm(row));
  const largestNorm = Math.max(...norms);

  for (let i = 0; i < centred.length; i++) {
    const slack = PROJECTION_TOLERANCE * (norms[i] + 1e-3 * largestNorm);
    for (let j = 0; j < components.length; j++) {
      const expected = dot(centred[i], components[j]);
      if (Math.abs(projected[i][j] - expected) <= slack) continue;
      const flipped = Math.abs(projected[i][j] + expected) <= slack && Math.abs(expected) > slack;
      const hint = flipped ? ` (the sign of projected column ${j} must match the sign of components[${j}])` : '';
      return (
        `projected[${i}][${j}] = ${formatNumber(projected[i][j])}, but (data[${i}] − mean) · components[${j}] ` +
        `is ${formatNumber(expected)}${hint}`
      );
    }
  }
  return null;
}
