import type { Random } from '../../data/random';
import type { Json, TestCase } from '../types';

/** The worked example of the statement: six baskets over four items. */
export const workedExample = {
  transactions: [
    ['a', 'b', 'c'],
    ['a', 'b', 'd'],
    ['a', 'c', 'd'],
    ['b', 'c', 'd'],
    ['b', 'd'],
    ['c', 'd'],
  ],
  minSupport: 0.5,
  minConfidence: 0.7,
};

/**
 * 25 baskets where {eggs}, {tea} and {bread, milk} are in exactly 7 (support 0.28 = minSupport, although
 * 0.28 · 25 evaluates to 7.000000000000001) and bread → milk has confidence 7 / 10 = minConfidence.
 */
const thresholdExample = {
  transactions: [
    ['bread', 'milk', 'eggs'],
    ['bread', 'milk'],
    ['bread', 'milk', 'butter'],
    ['bread', 'milk'],
    ['bread', 'milk', 'eggs'],
    ['bread', 'milk'],
    ['bread', 'milk', 'butter'],
    ['bread', 'eggs'],
    ['bread', 'butter'],
    ['bread'],
    ['milk', 'eggs'],
    ['milk'],
    ['milk', 'butter'],
    ['milk', 'tea'],
    ['milk', 'tea'],
    ['eggs', 'tea'],
    ['eggs'],
    ['eggs', 'butter'],
    ['tea'],
    ['tea'],
    ['butter'],
    ['tea', 'jam'],
    ['jam'],
    ['tea'],
    ['jam'],
  ],
  minSupport: 0.28,
  minConfidence: 0.7,
};

/** Repeated items count once per basket, and the two empty baskets count in N = 5. */
const duplicatesExample = {
  transactions: [['a', 'a', 'b'], [], ['b', 'c'], ['a', 'b', 'b'], []],
  minSupport: 0.4,
  minConfidence: 0.5,
};

function testCase(name: string, transactions: string[][], minSupport: number, minConfidence: number, hidden: boolean): TestCase {
  return { name, args: [transactions, minSupport, minConfidence], hidden };
}

/** Public tests shown on the task page. Fixed data, independent of the deployment secret. */
export function samples(): TestCase[] {
  return [
    testCase('sample-1', workedExample.transactions, workedExample.minSupport, workedExample.minConfidence, false),
    testCase('sample-2', thresholdExample.transactions, thresholdExample.minSupport, thresholdExample.minConfidence, false),
    testCase('sample-3', duplicatesExample.transactions, duplicatesExample.minSupport, duplicatesExample.minConfidence, false),
  ];
}

/**
 * Builds the hidden tests. They put supports and confidences exactly at their thresholds, some
 * where the product threshold · N rounds above the integer count. They also cover empty and
 * duplicate-heavy baskets, degenerate thresholds and sizes, long frequent itemsets, market-basket
 * data with hundreds of item kinds, and three timed inputs with 10 000 baskets.
 */
export function hiddenTests(random: Random): TestCase[] {
  const cases: Array<{ transactions: string[][]; minSupport: number; minConfidence: number; timed?: boolean }> = [];

  // Support exactly at the threshold where threshold · N rounds above the integer count.
  for (let i = 0; i < 2; i++) {
    const { total, minSupport } = random.pick(roundingTrapThresholds());
    const threshold = Math.round(minSupport * total);
    cases.push({ transactions: plantedCounts(random, total, threshold), minSupport, minConfidence: 0.5 });
  }

  // Confidence exactly at the threshold: a rule whose counts are 7 of 10 or 3 of 5.
  for (const [ruleCount, antecedentCount, minConfidence] of [[7, 10, 0.7], [3, 5, 0.6]] as const) {
    cases.push({ transactions: plantedRule(random, 40, ruleCount, antecedentCount), minSupport: 0.05, minConfidence });
  }

  // Many repeated items inside baskets: counting them twice makes rare items look frequent.
  cases.push({
    transactions: withDuplicates(random, marketBaskets(random, { total: 120, kinds: 30, length: [1, 6], patterns: 3 }), 0.5),
    minSupport: 0.1,
    minConfidence: 0.4,
  });

  // A third of the baskets empty: they still count in N.
  const withEmpty = marketBaskets(random, { total: 90, kinds: 20, length: [1, 5], patterns: 2 });
  for (let i = 0; i < 45; i++) withEmpty.push([]);
  cases.push({ transactions: random.shuffle(withEmpty), minSupport: 0.08, minConfidence: 0.5 });

  // Every basket empty, one basket only, and minSupport = 1.
  cases.push({ transactions: Array.from({ length: 10 }, () => []), minSupport: 0.1, minConfidence: 0.5 });
  cases.push({ transactions: [itemNames(random, 6, 'x')], minSupport: 1, minConfidence: 0.9 });
  const core = itemNames(random, 3, 'core');
  const everywhere = Array.from({ length: 30 }, () => [...core, ...random.shuffle(itemNames(random, 8, 'z')).slice(0, 3)]);
  cases.push({ transactions: everywhere, minSupport: 1, minConfidence: 1 });

  // Confidence thresholds 0 (every split) and 1 (only certain rules).
  const basketsA = marketBaskets(random, { total: 200, kinds: 40, length: [2, 8], patterns: 4 });
  cases.push({ transactions: basketsA, minSupport: 0.06, minConfidence: 0 });
  const basketsB = marketBaskets(random, { total: 200, kinds: 40, length: [2, 8], patterns: 4 });
  cases.push({ transactions: basketsB, minSupport: 0.05, minConfidence: 1 });

  // Nothing frequent, and frequent items that never pair up.
  cases.push({
    transactions: marketBaskets(random, { total: 100, kinds: 200, length: [1, 4], patterns: 0 }),
    minSupport: 0.5,
    minConfidence: 0.5,
  });
  const singles = Array.from({ length: 60 }, (_, i) => [`solo_${i % 4}`]);
  cases.push({ transactions: random.shuffle(singles), minSupport: 0.2, minConfidence: 0.1 });

  // One long pattern: all 255 of its subsets are frequent, with rules of every shape.
  const longPattern = itemNames(random, 8, 'p');
  const longBaskets = marketBaskets(random, { total: 150, kinds: 60, length: [1, 5], patterns: 0 });
  for (let i = 0; i < 40; i++) longBaskets.push([...longPattern, ...itemNames(random, 2, 'p')]);
  cases.push({ transactions: random.shuffle(longBaskets), minSupport: 0.2, minConfidence: 0.6 });

  // Market baskets with hundreds of item kinds.
  for (const [total, kinds, minSupport] of [[500, 200, 0.02], [1500, 400, 0.01], [3000, 600, 0.008]] as const) {
    cases.push({
      transactions: marketBaskets(random, { total, kinds, length: [1, 20], patterns: 10 }),
      minSupport,
      minConfidence: random.pick([0.5, 0.6, 0.8]),
    });
  }

  // Timed: 10 000 baskets.
  for (const [kinds, length, minSupport, minConfidence] of [[500, 20, 0.01, 0.7], [300, 30, 0.02, 0.8], [800, 16, 0.006, 0.6]] as const) {
    cases.push({
      transactions: marketBaskets(random, { total: 10_000, kinds, length: [1, length], patterns: 12 }),
      minSupport,
      minConfidence,
      timed: true,
    });
  }

  return cases.map((entry, index) => ({
    name: `hidden-${String(index + 1).padStart(2, '0')}`,
    args: [entry.transactions, entry.minSupport, entry.minConfidence] as Json[],
    hidden: true,
    ...(entry.timed ? { timed: true } : {}),
  }));
}

/**
 * Pairs (N, minSupport) where minSupport · N is an integer in exact arithmetic but rounds above it
 * in floating point, as 0.28 · 25 = 7.000000000000001 does.
 */
export function roundingTrapThresholds(): Array<{ total: number; minSupport: number }> {
  const pairs: Array<{ total: number; minSupport: number }> = [];
  for (let total = 20; total <= 100; total++) {
    for (let percent = 5; percent <= 60; percent++) {
      // Thresholds below 5 baskets would make nearly every itemset frequent.
      if ((percent * total) % 100 !== 0 || (percent * total) / 100 < 5) continue;
      const minSupport = percent / 100;
      if (minSupport * total > (percent * total) / 100) pairs.push({ total, minSupport });
    }
  }
  return pairs;
}

/**
 * N baskets where some itemsets appear in exactly `threshold` baskets and others in one fewer,
 * padded with rare filler items.
 */
function plantedCounts(random: Random, total: number, threshold: number): string[][] {
  const baskets: string[][] = Array.from({ length: total }, () => []);
  const plant = (items: string[], count: number) => {
    for (const index of random.shuffle(baskets.map((_, i) => i)).slice(0, count)) baskets[index].push(...items);
  };
  plant(['at_threshold'], threshold);
  plant(['below_threshold'], threshold - 1);
  plant(['pair_a', 'pair_b'], threshold);
  plant(['pair_c', 'pair_d'], threshold - 1);
  plant(['common'], Math.min(total, threshold + 3));
  for (const basket of baskets) {
    if (random.float() < 0.5) basket.push(`rare_${random.int(0, 3 * total)}`);
  }
  return baskets.map((basket) => random.shuffle(basket));
}

/** N baskets with {lhs} in exactly `antecedentCount` and {lhs, rhs} in exactly `ruleCount`. */
function plantedRule(random: Random, total: number, ruleCount: number, antecedentCount: number): string[][] {
  const baskets: string[][] = Array.from({ length: total }, () => []);
  const order = random.shuffle(baskets.map((_, i) => i));
  order.slice(0, antecedentCount).forEach((index, position) => {
    baskets[index].push('lhs');
    if (position < ruleCount) baskets[index].push('rhs');
  });
  // rhs also appears without lhs, so that its support and the lift are not trivial.
  for (const index of order.slice(antecedentCount, antecedentCount + 6)) baskets[index].push('rhs');
  for (const basket of baskets) {
    const fillers = random.int(0, 3);
    for (let i = 0; i < fillers; i++) basket.push(`f${random.int(0, 9)}`);
  }
  return baskets.map((basket) => random.shuffle([...new Set(basket)]));
}

interface BasketShape {
  total: number;
  /** Number of distinct background items. */
  kinds: number;
  /** Inclusive range of background items per basket. */
  length: readonly [number, number];
  /** Number of planted patterns (groups of 2–5 items bought together). */
  patterns: number;
}

/**
 * Market-basket data: background items with Zipf-like popularity plus planted patterns that
 * appear, partly, in a fraction of the baskets.
 */
function marketBaskets(random: Random, shape: BasketShape): string[][] {
  const names = itemNames(random, shape.kinds, random.pick(['item', 'sku', 'g']));
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < shape.kinds; i++) {
    sum += 1 / (i + 1) ** 0.9;
    cumulative.push(sum);
  }
  const drawItem = () => {
    const target = random.float() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return names[low];
  };

  const patterns = Array.from({ length: shape.patterns }, () =>
    random.shuffle(names).slice(0, random.int(2, 5)),
  );
  const baskets: string[][] = [];
  for (let t = 0; t < shape.total; t++) {
    const basket = new Set<string>();
    const length = random.int(shape.length[0], shape.length[1]);
    for (let i = 0; i < length; i++) basket.add(drawItem());
    for (const pattern of patterns) {
      if (random.float() < 0.06) {
        for (const item of pattern) if (random.float() < 0.85) basket.add(item);
      }
    }
    baskets.push([...basket]);
  }
  return baskets;
}

/** Adds repeats of items already in a basket, to a fraction of the baskets. */
function withDuplicates(random: Random, baskets: string[][], fraction: number): string[][] {
  return baskets.map((basket) => {
    if (basket.length === 0 || random.float() >= fraction) return basket;
    const repeats = Array.from({ length: random.int(1, 3) }, () => random.pick(basket));
    return random.shuffle([...basket, ...repeats]);
  });
}

/** Distinct item names like "sku_17" or "牛奶_3"; a few use Chinese product words. */
function itemNames(random: Random, count: number, prefix: string): string[] {
  const words = ['牛奶', '面包', '鸡蛋', '苹果', '咖啡', '茶'];
  const offset = random.int(0, 999);
  return Array.from({ length: count }, (_, i) => {
    const base = i % 7 === 3 ? words[i % words.length] : prefix;
    return `${base}_${offset + i}`;
  });
}
