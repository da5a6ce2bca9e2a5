import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { describeType, isArrayLike, readNumberArray, readNumberMatrix, readRecord } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import type { Json, TaskDefinition } from '../../types';
import { readChoice, readKernel, readVector } from '../../rnn/scratch/validate';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { gcnModel } from './model';
import type { GcnOptions, GcnWeights, GraphInput } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const GCN_LIMITS = { maxNodes: 2000, maxEdges: 20000, maxFeatures: 64, maxUnits: 32 } as const;

/** |y − ŷ| ≤ 1e-6 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. */
export const GCN_TOLERANCE: Tolerance = { absolute: 1e-6, relative: 1e-5 };

/** Returns a message naming the first edge that is not a pair of node ids in 0…n−1, or null. */
function validateEdges(value: unknown, n: number): string | null {
  if (!Array.isArray(value)) return `graph.edges must be an array of [a, b] pairs, got ${describeType(value)}`;
  if (value.length > GCN_LIMITS.maxEdges) return `graph.edges has ${value.length} edges, at most ${GCN_LIMITS.maxEdges} are allowed`;
  for (let e = 0; e < value.length; e++) {
    const edge: unknown = value[e];
    if (!isArrayLike(edge)) return `graph.edges[${e}] must be a pair [a, b], got ${describeType(edge)}`;
    const pair = readNumberArray(edge, `graph.edges[${e}]`, { length: 2, integer: true, min: 0, max: n - 1 });
    if (!pair.ok) return `${pair.message} (edges join node ids 0 to ${n - 1})`;
  }
  return null;
}

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (graph, weights, options), got ${args.length}`;

  const graph = readRecord(args[0], 'graph', ['features', 'edges']);
  if (!graph.ok) return graph.message;
  const features = readNumberMatrix(graph.value.features, 'graph.features');
  if (!features.ok) return features.message;
  const n = features.value.length;
  const inFeatures = features.value[0]?.length ?? 0;
  if (n < 1 || n > GCN_LIMITS.maxNodes) return `graph.features has ${n} nodes, expected 1 to ${GCN_LIMITS.maxNodes}`;
  if (inFeatures < 1 || inFeatures > GCN_LIMITS.maxFeatures) {
    return `graph.features has ${inFeatures} features per node, expected 1 to ${GCN_LIMITS.maxFeatures}`;
  }
  const edges = validateEdges(graph.value.edges, n);
  if (edges !== null) return edges;

  const weights = readRecord(args[1], 'weights', ['kernel', 'bias']);
  if (!weights.ok) return weights.message;
  const kernel = readKernel(weights.value.kernel, 'weights.kernel', inFeatures, '[inFeatures, units]', { max: GCN_LIMITS.maxUnits });
  if (!kernel.ok) return kernel.message;
  const bias = readVector(weights.value.bias, 'weights.bias', kernel.value[0].length);
  if (!bias.ok) return bias.message;

  const options = readRecord(args[2], 'options', ['activation']);
  if (!options.ok) return options.message;
  const activation = readChoice(options.value.activation, 'options.activation', ['relu', 'linear']);
  if (!activation.ok) return activation.message;
  return null;
}

export const task: TaskDefinition<number[][]> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => gcnModel(args[0] as unknown as GraphInput, args[1] as unknown as GcnWeights, args[2] as unknown as GcnOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => {
    const message = compareTensor('output', output, expected, GCN_TOLERANCE);
    return message === null ? { ok: true } : { ok: false, message };
  },
};
