/**
 * One graph convolutional network (GCN) layer, the reference solution of Part 1. Self-contained
 * (no imports): the judge compiles and runs this module in the same isolate as a candidate's code
 * for the speed grade, and imports it on the host. Computes in float64.
 *
 * Shapes:
 * - graph.features: [n, inFeatures], row i belongs to node i
 * - graph.edges: pairs [a, b] of node ids in 0…n−1, undirected
 * - kernel: [inFeatures, units]; bias: [units]
 * - returns [n, units]
 *
 * Computes act(D^−½ Â D^−½ X W + b) with Â = A + I (Kipf and Welling): A is the 0/1 adjacency of
 * the undirected, unweighted graph, so duplicate and reversed edges count once; Â has 1 on the
 * whole diagonal, so a listed self-loop is not doubled; D is the degree of Â, self-loop included.
 * The propagation runs over the edge list (O(n·f·u + |E|·u)), never building the n × n matrix.
 */

export interface GraphInput {
  /** [n, inFeatures] */
  features: number[][];
  /** Undirected edges [a, b] between node ids 0…n−1. */
  edges: [number, number][];
}

export interface GcnWeights {
  /** [inFeatures, units] */
  kernel: number[][];
  /** [units] */
  bias: number[];
}

export interface GcnOptions {
  activation: 'relu' | 'linear';
}

export function gcnLayer(graph: GraphInput, weights: GcnWeights, options: GcnOptions): number[][] {
  const n = graph.features.length;
  const units = weights.bias.length;
  const neighbours = distinctNeighbours(n, graph.edges);

  // Every node has its self-loop in Â, so every degree is at least 1.
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) scale[i] = 1 / Math.sqrt(neighbours[i].length + 1);

  const projected = project(graph.features, weights.kernel, units);
  const output: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(units);
    addScaled(row, projected, i, scale[i] * scale[i], units);
    for (const j of neighbours[i]) addScaled(row, projected, j, scale[i] * scale[j], units);
    for (let k = 0; k < units; k++) {
      const value = row[k] + weights.bias[k];
      row[k] = options.activation === 'relu' && value < 0 ? 0 : value;
    }
    output.push(Array.from(row));
  }
  return output;
}

/** Lists the distinct neighbours of each node other than itself, reading edges in both directions. */
function distinctNeighbours(n: number, edges: [number, number][]): number[][] {
  const seen = new Set<number>();
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    if (a === b) continue;
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    const key = low * n + high;
    if (seen.has(key)) continue;
    seen.add(key);
    neighbours[low].push(high);
    neighbours[high].push(low);
  }
  return neighbours;
}

/** X W as a row-major [n · units] array. */
function project(features: number[][], kernel: number[][], units: number): Float64Array {
  const projected = new Float64Array(features.length * units);
  for (let i = 0; i < features.length; i++) {
    const row = features[i];
    const offset = i * units;
    for (let f = 0; f < row.length; f++) {
      const value = row[f];
      if (value === 0) continue;
      const weights = kernel[f];
      for (let k = 0; k < units; k++) projected[offset + k] += value * weights[k];
    }
  }
  return projected;
}

function addScaled(target: Float64Array, source: Float64Array, node: number, factor: number, units: number): void {
  const offset = node * units;
  for (let k = 0; k < units; k++) target[k] += factor * source[offset + k];
}
