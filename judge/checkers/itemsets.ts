/**
 * Checker for frequent itemsets and association rules (the Apriori task).
 *
 * Both lists are compared as sets: the order of the lists and of the items inside each itemset,
 * antecedent and consequent is free, and no entry may appear twice. Every support, confidence and
 * lift must be within 1e-9 (absolute plus relative) of the expected value. When the candidate lists
 * an itemset or rule that should not be there, the message gives its support or confidence,
 * recomputed from the transactions, to show which threshold it failed.
 */
import type { CheckResult } from '../tasks/types';
import { compareNumber, formatNumber, TIGHT_TOLERANCE } from './numeric';
import { describeType, readNumber, readRecord, type ShapeResult } from './shape';

export type FrequentItemset = { items: string[]; support: number };

export type AssociationRule = {
  antecedent: string[];
  consequent: string[];
  support: number;
  confidence: number;
  lift: number;
};

export type AprioriOutput = { itemsets: FrequentItemset[]; rules: AssociationRule[] };

/**
 * Checks the candidate's output against the reference's for the same transactions and thresholds.
 * Returns the first difference found: a shape problem, an extra or duplicated entry, a wrong number,
 * or a missing entry.
 */
export function checkItemsets(
  transactions: string[][],
  minSupport: number,
  minConfidence: number,
  output: unknown,
  expected: AprioriOutput,
): CheckResult {
  const record = readRecord(output, 'output', ['itemsets', 'rules']);
  if (!record.ok) return { ok: false, message: record.message };
  const counter = new SupportCounter(transactions);

  const itemsets = readList(record.value.itemsets, 'itemsets', readItemset);
  if (!itemsets.ok) return { ok: false, message: itemsets.message };
  const expectedItemsets = new Map(expected.itemsets.map((itemset) => [setKey(itemset.items), itemset]));
  const seenItemsets = new Map<string, number>();

  for (const [index, itemset] of itemsets.value.entries()) {
    const label = `itemsets[${index}] ${formatSet(itemset.items)}`;
    const key = setKey(itemset.items);
    const duplicateOf = seenItemsets.get(key);
    if (duplicateOf !== undefined) return { ok: false, message: `${label} repeats itemsets[${duplicateOf}]` };
    seenItemsets.set(key, index);

    const reference = expectedItemsets.get(key);
    if (reference === undefined) {
      const support = counter.support(itemset.items);
      return {
        ok: false,
        message: `${label} is not frequent: its support is ${formatNumber(support)}, below minSupport ${formatNumber(minSupport)}`,
      };
    }
    const message = compareNumber(`${label} support`, itemset.support, reference.support, TIGHT_TOLERANCE);
    if (message !== null) return { ok: false, message };
  }
  for (const [key, itemset] of expectedItemsets) {
    if (!seenItemsets.has(key)) {
      return {
        ok: false,
        message: `itemsets is missing the frequent itemset ${formatSet(itemset.items)} with support ${formatNumber(itemset.support)}`,
      };
    }
  }

  const rules = readList(record.value.rules, 'rules', readRule);
  if (!rules.ok) return { ok: false, message: rules.message };
  const expectedRules = new Map(expected.rules.map((rule) => [ruleKey(rule), rule]));
  const seenRules = new Map<string, number>();

  for (const [index, rule] of rules.value.entries()) {
    const label = `rules[${index}] ${formatRule(rule)}`;
    const key = ruleKey(rule);
    const duplicateOf = seenRules.get(key);
    if (duplicateOf !== undefined) return { ok: false, message: `${label} repeats rules[${duplicateOf}]` };
    seenRules.set(key, index);

    const reference = expectedRules.get(key);
    if (reference === undefined) return { ok: false, message: explainExtraRule(label, rule, counter, minSupport, minConfidence) };
    for (const field of ['support', 'confidence', 'lift'] as const) {
      const message = compareNumber(`${label} ${field}`, rule[field], reference[field], TIGHT_TOLERANCE);
      if (message !== null) return { ok: false, message };
    }
  }
  for (const [key, rule] of expectedRules) {
    if (!seenRules.has(key)) {
      return {
        ok: false,
        message: `rules is missing ${formatRule(rule)} with confidence ${formatNumber(rule.confidence)}`,
      };
    }
  }
  return { ok: true };
}

/** Says why a rule that the candidate listed is not one of the expected rules. */
function explainExtraRule(
  label: string,
  rule: AssociationRule,
  counter: SupportCounter,
  minSupport: number,
  minConfidence: number,
): string {
  const antecedent = new Set(rule.antecedent);
  const shared = rule.consequent.find((item) => antecedent.has(item));
  if (shared !== undefined) return `${label} has ${JSON.stringify(shared)} on both sides`;

  const support = counter.support([...rule.antecedent, ...rule.consequent]);
  const antecedentSupport = counter.support(rule.antecedent);
  if (!(support > 0) || support < minSupport) {
    return (
      `${label} does not come from a frequent itemset: the support of its items is ${formatNumber(support)}, ` +
      `below minSupport ${formatNumber(minSupport)}`
    );
  }
  return `${label} has confidence ${formatNumber(support / antecedentSupport)}, below minConfidence ${formatNumber(minConfidence)}`;
}

/** Counts transactions containing an itemset, for messages only. A repeated item counts once. */
class SupportCounter {
  private readonly sets: Set<string>[];

  constructor(transactions: string[][]) {
    this.sets = transactions.map((transaction) => new Set(transaction));
  }

  support(items: string[]): number {
    if (this.sets.length === 0) return 0;
    let count = 0;
    for (const set of this.sets) if (items.every((item) => set.has(item))) count++;
    return count / this.sets.length;
  }
}

/** Canonical key of a set of items: the sorted items, JSON-encoded so no separator can collide. */
function setKey(items: string[]): string {
  return JSON.stringify([...items].sort());
}

function ruleKey(rule: AssociationRule): string {
  return `${setKey(rule.antecedent)}=>${setKey(rule.consequent)}`;
}

function formatSet(items: string[]): string {
  return `{${items.join(', ')}}`;
}

function formatRule(rule: AssociationRule): string {
  return `${formatSet(rule.antecedent)} → ${formatSet(rule.consequent)}`;
}

/** Reads an array, reading each element with `readElement`. */
function readList<T>(
  value: unknown,
  label: string,
  readElement: (element: unknown, label: string) => ShapeResult<T>,
): ShapeResult<T[]> {
  if (!Array.isArray(value)) return { ok: false, message: `${label} must be an array, got ${describeType(value)}` };
  const list: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const element = readElement(value[i], `${label}[${i}]`);
    if (!element.ok) return element;
    list.push(element.value);
  }
  return { ok: true, value: list };
}

/** Reads a non-empty list of distinct item names. */
function readItems(value: unknown, label: string): ShapeResult<string[]> {
  if (!Array.isArray(value)) return { ok: false, message: `${label} must be an array of strings, got ${describeType(value)}` };
  if (value.length === 0) return { ok: false, message: `${label} is empty, expected at least one item` };
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string') return { ok: false, message: `${label}[${i}] must be a string, got ${describeType(item)}` };
    if (seen.has(item)) return { ok: false, message: `${label} lists ${JSON.stringify(item)} twice` };
    seen.add(item);
  }
  return { ok: true, value: value as string[] };
}

function readItemset(value: unknown, label: string): ShapeResult<FrequentItemset> {
  const record = readRecord(value, label, ['items', 'support']);
  if (!record.ok) return record;
  const items = readItems(record.value.items, `${label}.items`);
  if (!items.ok) return items;
  const support = readNumber(record.value.support, `${label}.support`);
  if (!support.ok) return support;
  return { ok: true, value: { items: items.value, support: support.value } };
}

function readRule(value: unknown, label: string): ShapeResult<AssociationRule> {
  const record = readRecord(value, label, ['antecedent', 'consequent', 'support', 'confidence', 'lift']);
  if (!record.ok) return record;
  const antecedent = readItems(record.value.antecedent, `${label}.antecedent`);
  if (!antecedent.ok) return antecedent;
  const consequent = readItems(record.value.consequent, `${label}.consequent`);
  if (!consequent.ok) return consequent;

  const numbers: Record<'support' | 'confidence' | 'lift', number> = { support: 0, confidence: 0, lift: 0 };
  for (const field of ['support', 'confidence', 'lift'] as const) {
    const number = readNumber(record.value[field], `${label}.${field}`);
    if (!number.ok) return number;
    numbers[field] = number.value;
  }
  return { ok: true, value: { antecedent: antecedent.value, consequent: consequent.value, ...numbers } };
}
