// Types for the parts of density-clustering 1.3 (plain JavaScript, no bundled types) that the
// DBSCAN tests use.
declare module 'density-clustering' {
  export class DBSCAN {
    /** Clusters as arrays of point indices; `noise` afterwards lists every point first found as noise. */
    run(
      dataset: number[][],
      epsilon: number,
      minPts: number,
      distanceFunction?: (p: number[], q: number[]) => number,
    ): number[][];
    noise: number[];
  }
}
