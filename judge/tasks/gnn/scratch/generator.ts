import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { normalMatrix, round4, uniformMatrix, uniformVector } from '../../self-attention/scratch/random-tensors';
import type { Json, TestCase } from '../../types';
import type { GcnOptions, GcnWeights, GraphInput } from './reference';

type Args = [GraphInput, GcnWeights, GcnOptions];
type Edge = [number, number];

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

/** Draws a kernel with variance 1/inFeatures (outputs keep the features' scale) and a bias in [−0.3, 0.3). */
function randomWeights(random: Random, inFeatures: number, units: number): GcnWeights {
  return { kernel: uniformMatrix(random, inFeatures, units, Math.sqrt(3 / inFeatures)), bias: uniformVector(random, units, 0.3) };
}

/** `count` edges between distinct random nodes; repeats and both directions may occur. */
function randomEdges(random: Random, n: number, count: number): Edge[] {
  const edges: Edge[] = [];
  while (edges.length < count) {
    const a = random.int(0, n - 1);
    const b = random.int(0, n - 1);
    if (a !== b) edges.push([a, b]);
  }
  return edges;
}

function graph(random: Random, n: number, inFeatures: number, edges: Edge[]): GraphInput {
  return { features: normalMatrix(random, n, inFeatures), edges };
}

function randomTest(random: Random, n: number, inFeatures: number, units: number, edges: Edge[], activation: GcnOptions['activation'] = 'relu'): Args {
  return [graph(random, n, inFeatures, edges), randomWeights(random, inFeatures, units), { activation }];
}

/** Returns the statement's worked example: three nodes, a duplicate reversed edge and a listed self-loop. */
export function workedExample(activation: GcnOptions['activation']): Args {
  const input: GraphInput = {
    features: [
      [1, 0],
      [0, 1],
      [1, 1],
    ],
    edges: [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 2],
    ],
  };
  return [input, { kernel: [[1], [-1]], bias: [0.1] }, { activation }];
}

/** Public tests shown on the task page; the first two are the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(2017);
  const round2 = (value: number) => Math.round(value * 100) / 100;
  const weights = randomWeights(random, 3, 2);
  const small: Args = [
    {
      features: normalMatrix(random, 6, 3).map((row) => row.map(round2)),
      edges: [
        [0, 1],
        [1, 2],
        [2, 0],
        [3, 4],
        [4, 3],
        [4, 4],
      ],
    },
    { kernel: weights.kernel.map((row) => row.map(round2)), bias: weights.bias.map(round2) },
    { activation: 'relu' },
  ];
  return [test('sample-1', workedExample('relu'), false), test('sample-2', workedExample('linear'), false), test('sample-3', small, false)];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // One node, with and without its self-loop listed: the output is act(x W + b) either way.
  add(randomTest(random, 1, 4, 3, []));
  add(randomTest(random, 1, 3, 2, [[0, 0]], 'linear'));
  // No edges at all: every degree is 1.
  add(randomTest(random, 10, 5, 4, []));
  // One feature and one unit.
  add(randomTest(random, 8, 1, 1, randomEdges(random, 8, 10), 'linear'));
  // Isolated nodes next to a connected part.
  add(randomTest(random, 20, 6, 5, randomEdges(random, 12, 25)));
  // Self-loops listed for some nodes, several times over, which must not change Â.
  const loops = randomEdges(random, 15, 20);
  for (let i = 0; i < 15; i += 2) loops.push([i, i], [i, i]);
  add(randomTest(random, 15, 4, 3, random.shuffle(loops), 'linear'));
  // Every edge listed twice, in both directions.
  const twice = randomEdges(random, 25, 40).flatMap(([a, b]): Edge[] => [[a, b], [b, a], [a, b]]);
  add(randomTest(random, 25, 6, 4, random.shuffle(twice)));
  // A star: one hub joined to 60 leaves (degrees 61 and 2).
  add(randomTest(random, 61, 4, 3, Array.from({ length: 60 }, (_, i): Edge => (random.float() < 0.5 ? [0, i + 1] : [i + 1, 0])), 'linear'));
  // A complete graph: every row of D^−½ Â D^−½ is the same average.
  const complete: Edge[] = [];
  for (let a = 0; a < 12; a++) for (let b = a + 1; b < 12; b++) complete.push([a, b]);
  add(randomTest(random, 12, 5, 4, complete));
  // Two components and a path.
  add(randomTest(random, 30, 5, 6, [...randomEdges(random, 15, 30), ...randomEdges(random, 15, 30).map(([a, b]): Edge => [a + 15, b + 15])]));
  add(randomTest(random, 16, 3, 2, Array.from({ length: 15 }, (_, i): Edge => [i, i + 1]), 'linear'));
  // Negative features of large magnitude under ReLU: many outputs are exactly 0.
  const negative = randomTest(random, 20, 4, 5, randomEdges(random, 20, 40));
  negative[0].features = negative[0].features.map((row) => row.map((value) => round4(-Math.abs(value) * 5)));
  add(negative);
  // A bias that dominates: a row-normalised or bias-first propagation shows here.
  const biased = randomTest(random, 18, 4, 3, randomEdges(random, 18, 30), 'linear');
  biased[1].bias = biased[1].bias.map((value) => round4(value * 20));
  add(biased);
  // A random sparse graph of medium size.
  add(randomTest(random, 200, 16, 8, randomEdges(random, 200, 800)));

  // Large inputs for the speed grade.
  add(randomTest(random, 2000, 32, 16, randomEdges(random, 2000, 20000)), true);
  const repeats = randomEdges(random, 1500, 9000);
  add(randomTest(random, 1500, 16, 16, random.shuffle([...repeats, ...repeats.slice(0, 3000).map(([a, b]): Edge => [b, a])]), 'linear'), true);
  add(randomTest(random, 2000, 64, 8, randomEdges(random, 2000, 12000)), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}
