import { describe, expect, it } from 'vitest';
import { checkItemsets, type AprioriOutput } from '@/judge/checkers/itemsets';

// Six baskets, minSupport 0.5, minConfidence 0.7. Counts: a 3, b 4, c 4, d 5, bd 3, cd 3, and
// every other pair is in 2 baskets. Rules: b → d and c → d, each with confidence 3/4.
const transactions = [
  ['a', 'b', 'c'],
  ['a', 'b', 'd'],
  ['a', 'c', 'd'],
  ['b', 'c', 'd'],
  ['b', 'd'],
  ['c', 'd'],
];
const expected: AprioriOutput = {
  itemsets: [
    { items: ['a'], support: 3 / 6 },
    { items: ['b'], support: 4 / 6 },
    { items: ['c'], support: 4 / 6 },
    { items: ['d'], support: 5 / 6 },
    { items: ['b', 'd'], support: 3 / 6 },
    { items: ['c', 'd'], support: 3 / 6 },
  ],
  rules: [
    { antecedent: ['b'], consequent: ['d'], support: 0.5, confidence: 0.75, lift: 0.75 / (5 / 6) },
    { antecedent: ['c'], consequent: ['d'], support: 0.5, confidence: 0.75, lift: 0.75 / (5 / 6) },
  ],
};

function check(output: unknown) {
  return checkItemsets(transactions, 0.5, 0.7, output, expected);
}

function copy(): AprioriOutput {
  return structuredClone(expected);
}

describe('checkItemsets accepts', () => {
  it('the expected output', () => {
    expect(check(copy())).toEqual({ ok: true });
  });

  it('any order of lists and of items', () => {
    const output = copy();
    output.itemsets.reverse();
    output.itemsets[0].items.reverse();
    output.rules.reverse();
    expect(check(output)).toEqual({ ok: true });
  });

  it('numbers within 1e-9', () => {
    const output = copy();
    output.itemsets[3].support += 5e-10;
    output.rules[0].lift *= 1 + 5e-10;
    expect(check(output)).toEqual({ ok: true });
  });

  it('empty lists when nothing is frequent', () => {
    expect(checkItemsets([['a'], []], 1, 0.5, { itemsets: [], rules: [] }, { itemsets: [], rules: [] })).toEqual({ ok: true });
  });

  it('extra fields on entries', () => {
    const output = copy();
    Object.assign(output.itemsets[0], { count: 3 });
    expect(check(output).ok).toBe(true);
  });
});

describe('checkItemsets rejects', () => {
  it('outputs of the wrong shape', () => {
    const cases: Array<[unknown, RegExp]> = [
      [[], /output must be an object with "itemsets", "rules", got an array/],
      [{ itemsets: [] }, /output is missing "rules"/],
      [{ itemsets: {}, rules: [] }, /itemsets must be an array, got an object/],
      [{ itemsets: [{ items: 'a', support: 0.5 }], rules: [] }, /itemsets\[0\]\.items must be an array of strings, got a string/],
      [{ itemsets: [{ items: [], support: 0.5 }], rules: [] }, /itemsets\[0\]\.items is empty/],
      [{ itemsets: [{ items: [1], support: 0.5 }], rules: [] }, /itemsets\[0\]\.items\[0\] must be a string, got a number/],
      [{ itemsets: [{ items: ['a', 'a'], support: 0.5 }], rules: [] }, /itemsets\[0\]\.items lists "a" twice/],
      [{ itemsets: [{ items: ['a'] }], rules: [] }, /itemsets\[0\] is missing "support"/],
      [{ itemsets: [{ items: ['a'], support: '0.5' }], rules: [] }, /itemsets\[0\]\.support must be a number, got a string/],
      [{ itemsets: [{ items: ['a'], support: Number.NaN }], rules: [] }, /itemsets\[0\]\.support = NaN, expected a finite number/],
    ];
    for (const [output, message] of cases) {
      const result = check(output);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(message);
    }
  });

  it('a missing itemset', () => {
    const output = copy();
    output.itemsets.splice(4, 1);
    expect(check(output).message).toBe('itemsets is missing the frequent itemset {b, d} with support 0.5');
  });

  it('an itemset below minSupport', () => {
    const output = copy();
    output.itemsets.push({ items: ['a', 'b'], support: 2 / 6 });
    expect(check(output).message).toBe('itemsets[6] {a, b} is not frequent: its support is 0.3333333333, below minSupport 0.5');
  });

  it('an itemset listed twice in another order', () => {
    const output = copy();
    output.itemsets.push({ items: ['d', 'b'], support: 0.5 });
    expect(check(output).message).toBe('itemsets[6] {d, b} repeats itemsets[4]');
  });

  it('a wrong support', () => {
    const output = copy();
    output.itemsets[0].support = 0.5 + 1e-6;
    expect(check(output).message).toBe('itemsets[0] {a} support = 0.500001, expected 0.5');
  });

  it('a missing rule', () => {
    const output = copy();
    output.rules.pop();
    expect(check(output).message).toBe('rules is missing {c} → {d} with confidence 0.75');
  });

  it('a rule below minConfidence', () => {
    const output = copy();
    output.rules.push({ antecedent: ['d'], consequent: ['b'], support: 0.5, confidence: 0.6, lift: 0.9 });
    expect(check(output).message).toBe('rules[2] {d} → {b} has confidence 0.6, below minConfidence 0.7');
  });

  it('a rule from an itemset that is not frequent', () => {
    const output = copy();
    output.rules.push({ antecedent: ['a'], consequent: ['b'], support: 2 / 6, confidence: 2 / 3, lift: 1 });
    expect(check(output).message).toMatch(/rules\[2\] \{a\} → \{b\} does not come from a frequent itemset/);
  });

  it('a rule with an item on both sides', () => {
    const output = copy();
    output.rules.push({ antecedent: ['b', 'd'], consequent: ['d'], support: 0.5, confidence: 1, lift: 1.2 });
    expect(check(output).message).toBe('rules[2] {b, d} → {d} has "d" on both sides');
  });

  it('a repeated rule', () => {
    const output = copy();
    output.rules.push(structuredClone(output.rules[0]));
    expect(check(output).message).toBe('rules[2] {b} → {d} repeats rules[0]');
  });

  it('a lift computed with the antecedent support', () => {
    const output = copy();
    output.rules[0].lift = 0.75 / (4 / 6);
    expect(check(output).message).toBe('rules[0] {b} → {d} lift = 1.125, expected 0.9');
  });

  it('a wrong confidence or support on a rule', () => {
    const output = copy();
    output.rules[1].confidence = 0.7;
    expect(check(output).message).toBe('rules[1] {c} → {d} confidence = 0.7, expected 0.75');
    const other = copy();
    other.rules[1].support = 4 / 6;
    expect(check(other).message).toBe('rules[1] {c} → {d} support = 0.6666666667, expected 0.5');
  });

  it('an infinite lift', () => {
    const output = copy();
    output.rules[0].lift = Infinity;
    expect(check(output).message).toMatch(/rules\[0\]\.lift = Infinity, expected a finite number/);
  });

  it('rule sides of the wrong type', () => {
    const output = { ...copy(), rules: [{ antecedent: ['b'], consequent: 'd', support: 0.5, confidence: 0.75, lift: 0.9 }] };
    expect(check(output).message).toMatch(/rules\[0\]\.consequent must be an array of strings, got a string/);
  });
});
