import { PCA } from 'ml-pca';

export type Point2 = [number, number];

export interface Projection {
  points: Point2[];
  /** 'raw': the data is 2-D already; 'line': 1-D data drawn on the x axis; 'pca': first two principal components. */
  axes: 'raw' | 'line' | 'pca';
  /** Share of the total variance along each drawn axis, for 'pca' only. */
  varianceShare: Point2 | null;
}

/**
 * Maps points of any dimension to the plane for a scatter plot: 2-D data as it is, 1-D data along
 * the x axis, and higher dimensions onto their first two principal components (ml-pca, centred,
 * not scaled). Data without spread, where PCA has no direction, falls back to the first two
 * coordinates.
 */
export function projectPoints(points: number[][]): Projection {
  const dimension = points[0]?.length ?? 0;
  if (dimension === 1) return { points: points.map((row) => [row[0], 0]), axes: 'line', varianceShare: null };
  if (dimension === 2) return { points: points.map((row) => [row[0], row[1]]), axes: 'raw', varianceShare: null };

  try {
    const pca = new PCA(points, { center: true, scale: false });
    const projected = pca.predict(points, { nComponents: 2 }).to2DArray();
    const share = pca.getExplainedVariance();
    const usable = projected.every((row) => row.length === 2 && row.every(Number.isFinite)) && Number.isFinite(share[0]) && Number.isFinite(share[1]);
    if (usable) return { points: projected.map((row) => [row[0], row[1]]), axes: 'pca', varianceShare: [share[0], share[1]] };
  } catch {
    // ml-pca's SVD throws on degenerate input; the raw coordinates still show the points.
  }
  return { points: points.map((row) => [row[0], row[1]]), axes: 'raw', varianceShare: null };
}
