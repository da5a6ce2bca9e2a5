import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FPGrowth } from 'node-fpgrowth';
import { describe, expect, it } from 'vitest';
import { checkItemsets, type AprioriOutput, type AssociationRule } from '@/judge/checkers/itemsets';
import { randomFromSecret, randomFromSeed, type Random } from '@/judge/data/random';
import { compileSource } from '@/judge/sandbox/compile-source';
import { task, validateArgs } from '@/judge/tasks/apriori';
import { roundingTrapThresholds, workedExample } from '@/judge/tasks/apriori/generator';
import { apriori } from '@/judge/tasks/apriori/reference';
import type { Json, TaskDefinition } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';

function randomBaskets(random: Random, total: number, kinds: number, maxLength: number): string[][] {
  return Array.from({ length: total }, () =>
    Array.from({ length: random.int(0, maxLength) }, () => `i${random.int(0, kinds - 1)}`),
  );
}

function key(items: string[]): string {
  return JSON.stringify([...items].sort());
}

describe('apriori reference against node-fpgrowth', () => {
  // node-fpgrowth 1.2 differs in two conventions, so the test adapts its input. It counts an item
  // repeated inside a basket once per occurrence, so the baskets are deduplicated first. Its minimum
  // count is Math.ceil(minSupport · N), which rounding can push one too high (0.28 · 25 gives 8),
  // so it gets a threshold half a basket below the intended count.
  it('finds the same frequent itemsets with the same counts', async () => {
    const random = randomFromSeed(5);
    for (const [total, kinds, maxLength, minCount] of [[40, 8, 5, 4], [200, 20, 8, 10], [500, 60, 12, 15]]) {
      const baskets = randomBaskets(random, total, kinds, maxLength).map((basket) => [...new Set(basket)]);
      const ours = apriori(baskets, minCount / total, 1);
      const theirs = await new FPGrowth<string>((minCount - 0.5) / total).exec(baskets);

      const ourCounts = new Map(ours.itemsets.map((itemset) => [key(itemset.items), Math.round(itemset.support * total)]));
      const theirCounts = new Map(theirs.map((itemset) => [key(itemset.items), itemset.support]));
      expect(ourCounts.size).toBeGreaterThan(kinds / 2);
      expect(ourCounts).toEqual(theirCounts);
    }
  });
});

/** Lists every frequent itemset and rule by enumerating all subsets of the items (up to about 10 items). */
function bruteForce(transactions: string[][], minSupport: number, minConfidence: number): AprioriOutput {
  const total = transactions.length;
  const baskets = transactions.map((basket) => new Set(basket));
  const universe = [...new Set(transactions.flat())];
  const count = (items: string[]) => baskets.filter((basket) => items.every((item) => basket.has(item))).length;
  const subsets = (items: string[]) =>
    Array.from({ length: 2 ** items.length - 1 }, (_, mask) => items.filter((_, i) => ((mask + 1) >> i) & 1));

  const itemsets = subsets(universe)
    .filter((items) => count(items) / total >= minSupport - 1e-12)
    .map((items) => ({ items, support: count(items) / total }));
  const rules: AssociationRule[] = [];
  for (const { items } of itemsets.filter((itemset) => itemset.items.length >= 2)) {
    for (const antecedent of subsets(items).filter((subset) => subset.length < items.length)) {
      const consequent = items.filter((item) => !antecedent.includes(item));
      const confidence = count(items) / count(antecedent);
      if (confidence < minConfidence - 1e-12) continue;
      rules.push({ antecedent, consequent, support: count(items) / total, confidence, lift: (confidence * total) / count(consequent) });
    }
  }
  return { itemsets, rules };
}

describe('apriori reference', () => {
  it('equals brute-force enumeration, rules included', () => {
    const random = randomFromSeed(9);
    for (let trial = 0; trial < 30; trial++) {
      const transactions = randomBaskets(random, random.int(1, 30), random.int(1, 8), 6);
      const minSupport = random.pick([0.05, 0.1, 0.2, 0.3, 0.5, 1]);
      const minConfidence = random.pick([0, 0.3, 0.5, 0.8, 1]);
      const expected = bruteForce(transactions, minSupport, minConfidence);
      const ours = apriori(transactions, minSupport, minConfidence);
      const label = JSON.stringify({ transactions, minSupport, minConfidence });
      expect(checkItemsets(transactions, minSupport, minConfidence, ours, expected), label).toEqual({ ok: true });
    }
  });

  it('computes the worked example by hand', () => {
    const { itemsets, rules } = apriori(workedExample.transactions, 0.5, 0.7);
    expect(itemsets).toEqual([
      { items: ['a'], support: 3 / 6 },
      { items: ['b'], support: 4 / 6 },
      { items: ['c'], support: 4 / 6 },
      { items: ['d'], support: 5 / 6 },
      { items: ['b', 'd'], support: 3 / 6 },
      { items: ['c', 'd'], support: 3 / 6 },
    ]);
    expect(rules).toEqual([
      { antecedent: ['b'], consequent: ['d'], support: 0.5, confidence: 0.75, lift: expect.closeTo(0.9, 12) },
      { antecedent: ['c'], consequent: ['d'], support: 0.5, confidence: 0.75, lift: expect.closeTo(0.9, 12) },
    ]);
  });

  it('keeps supports and confidences exactly at the thresholds', () => {
    // sample-2: {eggs}, {tea} and {bread, milk} are in 7 of 25 baskets, and bread → milk has confidence 7 of 10.
    const [transactions, minSupport, minConfidence] = task.samples()[1].args as [string[][], number, number];
    expect(minSupport * transactions.length).toBeGreaterThan(7);
    const { itemsets, rules } = apriori(transactions, minSupport, minConfidence);
    expect(new Set(itemsets.map((itemset) => key(itemset.items)))).toEqual(
      new Set([['bread'], ['milk'], ['eggs'], ['tea'], ['bread', 'milk']].map(key)),
    );
    expect(rules).toEqual([
      { antecedent: ['bread'], consequent: ['milk'], support: 0.28, confidence: 0.7, lift: expect.closeTo(0.7 / 0.48, 12) },
    ]);
  });

  it('counts repeated items once and empty baskets in N', () => {
    // sample-3 has N = 5: a is in 2 baskets, b in 3 and {a, b} in 2.
    const [transactions, minSupport, minConfidence] = task.samples()[2].args as [string[][], number, number];
    expect(apriori(transactions, minSupport, minConfidence)).toEqual({
      itemsets: [
        { items: ['a'], support: 0.4 },
        { items: ['b'], support: 0.6 },
        { items: ['a', 'b'], support: 0.4 },
      ],
      rules: [
        { antecedent: ['a'], consequent: ['b'], support: 0.4, confidence: 1, lift: expect.closeTo(1 / 0.6, 12) },
        { antecedent: ['b'], consequent: ['a'], support: 0.4, confidence: 2 / 3, lift: expect.closeTo(2 / 3 / 0.4, 12) },
      ],
    });
  });

  it('returns rules with multi-item consequents', () => {
    const { rules } = apriori([['x', 'y', 'z'], ['x', 'y', 'z'], ['x']], 0.5, 0.6);
    const keys = new Set(rules.map((rule) => `${key(rule.antecedent)}=>${key(rule.consequent)}`));
    expect(keys.has(`${key(['y'])}=>${key(['x', 'z'])}`)).toBe(true);
    expect(keys.has(`${key(['x'])}=>${key(['y', 'z'])}`)).toBe(true);
    // Six splits of the three pairs and six of {x, y, z}. The weakest, x → y and x → yz, have confidence 2/3.
    expect(rules).toHaveLength(12);
  });

  it('returns nothing when every basket is empty', () => {
    expect(apriori([[], [], []], 0.1, 0.5)).toEqual({ itemsets: [], rules: [] });
  });

  it('passes its own checker on every sample and hidden test', () => {
    const tests = [...task.samples(), ...task.hiddenTests(randomFromSecret('reference-check', 'apriori', 'v1', 'hidden'))];
    for (const test of tests) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, JSON.parse(JSON.stringify(expected)) as Json, expected), test.name).toEqual({ ok: true });
    }
  });
});

describe('apriori statement', () => {
  for (const locale of ['en', 'zh-CN']) {
    it(`shows the reference output for the worked example (${locale})`, () => {
      const text = readFileSync(path.join(import.meta.dirname, '../../../judge/tasks/apriori', `statement.${locale}.md`), 'utf8');
      const call = /```ts\napriori\((.*)\)\n```/.exec(text);
      const output = /```json\n([\s\S]*?)\n```/.exec(text);
      expect(call).not.toBeNull();
      expect(output).not.toBeNull();

      const args = JSON.parse(`[${call![1]}]`) as [string[][], number, number];
      expect(args).toEqual([workedExample.transactions, workedExample.minSupport, workedExample.minConfidence]);
      expect(task.samples()[0].args).toEqual(args);
      const shown = JSON.parse(output![1]) as AprioriOutput;
      expect(checkItemsets(...args, shown, apriori(...args))).toEqual({ ok: true });
    });
  }
});

describe('apriori generator', () => {
  const hidden = task.hiddenTests(randomFromSecret('secret-a', 'apriori', 'v1', 'hidden'));

  it('is deterministic and depends on the secret', () => {
    expect(task.hiddenTests(randomFromSecret('secret-a', 'apriori', 'v1', 'hidden'))).toEqual(hidden);
    const other = task.hiddenTests(randomFromSecret('secret-b', 'apriori', 'v1', 'hidden'));
    expect(other.map((test) => test.args)).not.toEqual(hidden.map((test) => test.args));
    expect(task.samples()).toEqual(task.samples());
  });

  it('names, sizes and marks the tests as the contract asks', () => {
    expect(hidden.length).toBeGreaterThanOrEqual(12);
    expect(hidden.length).toBeLessThanOrEqual(30);
    hidden.forEach((test, i) => {
      expect(test.name).toBe(`hidden-${String(i + 1).padStart(2, '0')}`);
      expect(test.hidden).toBe(true);
      expect(validateArgs(test.args)).toBeNull();
    });
    const timed = hidden.filter((test) => test.timed);
    expect(timed).toHaveLength(3);
    for (const test of timed) expect((test.args[0] as string[][]).length).toBe(10_000);
    for (const sample of task.samples()) {
      expect(sample.hidden).toBe(false);
      expect(validateArgs(sample.args)).toBeNull();
    }
  });

  it('keeps hidden outputs within the stated bounds', () => {
    for (const test of hidden) {
      const { itemsets, rules } = task.reference(...test.args);
      expect(itemsets.length, test.name).toBeLessThanOrEqual(5000);
      expect(rules.length, test.name).toBeLessThanOrEqual(10_000);
    }
  });

  it('puts itemsets exactly at a threshold that rounds above the count', () => {
    const trapped = hidden.filter((test) => {
      const [transactions, minSupport] = test.args as [string[][], number];
      const threshold = Math.round(minSupport * transactions.length);
      if (!(minSupport * transactions.length > threshold)) return false;
      const { itemsets } = apriori(transactions, minSupport, 1);
      return itemsets.some((itemset) => Math.round(itemset.support * transactions.length) === threshold);
    });
    expect(trapped.length).toBeGreaterThanOrEqual(2);
    expect(roundingTrapThresholds()).toContainEqual({ total: 25, minSupport: 0.28 });
  });

  it('includes confidences at the threshold, repeated items and empty baskets', () => {
    const atConfidence = hidden.filter((test) => {
      const [transactions, minSupport, minConfidence] = test.args as [string[][], number, number];
      return apriori(transactions, minSupport, minConfidence).rules.some((rule) => rule.confidence === minConfidence && minConfidence > 0);
    });
    expect(atConfidence.length).toBeGreaterThanOrEqual(2);
    const baskets = hidden.map((test) => test.args[0] as string[][]);
    expect(baskets.some((list) => list.some((basket) => new Set(basket).size < basket.length))).toBe(true);
    expect(baskets.some((list) => list.some((basket) => basket.length === 0) && list.some((basket) => basket.length > 0))).toBe(true);
    expect(baskets.some((list) => list.every((basket) => basket.length === 0))).toBe(true);
  });
});

describe('apriori validateArgs', () => {
  it('accepts valid input', () => {
    expect(validateArgs([[['a', 'b'], []], 1, 0])).toBeNull();
    expect(validateArgs([[['a']], 0.001, 1])).toBeNull();
  });

  it('rejects each kind of invalid input', () => {
    const cases: Array<[unknown[], string]> = [
      [[[['a']], 0.5], 'expected 3 arguments (transactions, minSupport, minConfidence), got 2'],
      [['a,b', 0.5, 0.5], 'transactions must be an array of string arrays, got a string'],
      [[[], 0.5, 0.5], 'transactions is empty, expected at least 1 transaction'],
      [[[['a'], 'b'], 0.5, 0.5], 'transactions[1] must be an array of strings, got a string'],
      [[[['a', 3]], 0.5, 0.5], 'transactions[0][1] must be a string, got a number'],
      [[[['a', '']], 0.5, 0.5], 'transactions[0][1] has 0 characters, expected 1 to 64'],
      [[[['x'.repeat(65)]], 0.5, 0.5], 'transactions[0][0] has 65 characters, expected 1 to 64'],
      [[[new Array(101).fill('a')], 0.5, 0.5], 'transactions[0] has 101 items, at most 100 are allowed'],
      [[Array.from({ length: 10_001 }, () => ['a']), 0.5, 0.5], 'transactions has 10001 transactions, at most 10000 are allowed'],
      [[Array.from({ length: 11 }, (_, t) => Array.from({ length: 100 }, (_, i) => `i${t * 100 + i}`)), 0.5, 0.5], 'transactions use 1100 distinct items, at most 1000 are allowed'],
      [[[['a']], 0, 0.5], 'minSupport = 0, expected 0 < minSupport ≤ 1'],
      [[[['a']], -0.1, 0.5], 'minSupport = -0.1, expected 0 < minSupport ≤ 1'],
      [[[['a']], 1.5, 0.5], 'minSupport = 1.5, expected at most 1'],
      [[[['a']], Number.NaN, 0.5], 'minSupport = NaN, expected a finite number'],
      [[[['a']], '0.5', 0.5], 'minSupport must be a number, got a string'],
      [[[['a']], 0.5, -0.1], 'minConfidence = -0.1, expected at least 0'],
      [[[['a']], 0.5, 1.01], 'minConfidence = 1.01, expected at most 1'],
      [[[['a']], 0.5, null], 'minConfidence must be a number, got null'],
    ];
    for (const [args, message] of cases) expect(validateArgs(args)).toBe(message);
  });
});

describe('apriori metadata', () => {
  it('describes the task for the catalogue', () => {
    expect(task).toMatchObject({ slug: 'apriori', taskSlug: 'apriori', part: 'main', version: 1, functionName: 'apriori', topic: 'association-rules', ready: true });
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(task.title[locale].length).toBeGreaterThan(0);
      expect(task.statement[locale]).toContain('export function apriori(transactions: string[][], minSupport: number, minConfidence: number): {');
    }
  });

  it('states the limits it enforces', () => {
    const { cpuMsPerTest, memoryMb, sourceBytes } = task.limits;
    expect(task.statement.en).toContain(`| CPU time | ${cpuMsPerTest / 1000} s per test |`);
    expect(task.statement.en).toContain(`| Memory | ${memoryMb} MiB |`);
    expect(task.statement.en).toContain(`| Source size | ${sourceBytes / 1024} KiB |`);
    expect(task.statement['zh-CN']).toContain(`| CPU 时间 | 每个测试 ${cpuMsPerTest / 1000} 秒 |`);
    expect(task.statement['zh-CN']).toContain(`| 内存 | ${memoryMb} MiB |`);
    expect(task.statement['zh-CN']).toContain(`| 代码大小 | ${sourceBytes / 1024} KiB |`);
  });

  it('compiles the reference like a submission', () => {
    const source = readFileSync(task.referencePath, 'utf8');
    const compiled = compileSource({ source, language: 'typescript', functionName: 'apriori', maxBytes: task.limits.sourceBytes });
    expect(compiled.ok).toBe(true);
  });

  it('starts from starter code the checker rejects cleanly', () => {
    const compiled = compileSource({ source: task.starterCode, language: 'typescript', functionName: 'apriori', maxBytes: task.limits.sourceBytes });
    if (!compiled.ok) throw new Error(compiled.message);
    const module = { exports: {} as Record<string, (...args: Json[]) => Json> };
    new Function('module', 'exports', compiled.code)(module, module.exports);

    const sample = task.samples()[0];
    const result = task.check(sample.args, module.exports.apriori(...sample.args), task.reference(...sample.args));
    expect(result).toEqual({ ok: false, message: 'itemsets is missing the frequent itemset {a} with support 0.5' });
  });
});

describe('apriori fixtures on the host', () => {
  // The sandboxed fixture runner decides the real verdicts. Here the verdicts that do not depend
  // on time are reproduced in-process, so a checker problem shows up with its message.
  const fixtures = listFixtures('apriori');
  // Every fixture runs on the same tests, so their data and reference outputs are computed once.
  const hidden = task.hiddenTests(randomFromSecret('host-fixtures', 'apriori', 'v1', 'hidden'));
  const expectedOutputs = new WeakMap<Json[], AprioriOutput>();
  const cachedTask: TaskDefinition<AprioriOutput> = {
    ...task,
    hiddenTests: () => hidden,
    reference: (...args) => {
      const key = args[0] as Json[];
      let output = expectedOutputs.get(key);
      if (output === undefined) {
        output = task.reference(...args);
        expectedOutputs.set(key, output);
      }
      return output;
    },
  };

  for (const fixture of fixtures.filter((entry) => ['accepted', 'wrong_answer', 'runtime_error'].includes(entry.expected))) {
    it(`${fixture.file} gets ${fixture.expected}`, { timeout: 120_000 }, async () => {
      // Every wrong_answer fixture already fails a small test, so only accepted fixtures also run the timed ones.
      const tests = fixture.expected === 'accepted' ? hidden : hidden.filter((test) => !test.timed);
      const result = await judgeOnHost({ ...cachedTask, hiddenTests: () => tests }, fixture, 'host-fixtures');
      expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
    });
  }

  it('time-limit-candidate-scan.ts is correct on the small tests', async () => {
    const module = (await import('../fixtures/apriori/time-limit-candidate-scan')) as { apriori: (...args: Json[]) => Json };
    const small = [...task.samples(), ...hidden].filter((entry) => (entry.args[0] as Json[]).length <= 1000);
    expect(small.length).toBeGreaterThan(10);
    for (const test of small) {
      const result = task.check(test.args, module.apriori(...test.args), cachedTask.reference(...test.args));
      expect(result.ok, `${test.name}: ${result.message}`).toBe(true);
    }
  });

  it('has the fixtures the task needs', () => {
    const expected = new Map(fixtures.map((entry) => [entry.file, entry.expected]));
    expect(expected.get('runtime-error-seed-port.ts')).toBe('runtime_error');
    expect(expected.get('time-limit-infinite-loop.ts')).toBe('time_limit_exceeded');
    expect(expected.get('runtime-error-throws.ts')).toBe('runtime_error');
    expect([...expected.values()].filter((verdict) => verdict === 'accepted').length).toBeGreaterThanOrEqual(1);
    expect([...expected.values()].filter((verdict) => verdict === 'wrong_answer').length).toBeGreaterThanOrEqual(6);
  });
});
