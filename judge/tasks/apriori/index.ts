import path from 'node:path';
import { checkItemsets, type AprioriOutput } from '../../checkers/itemsets';
import { describeType, readNumber } from '../../checkers/shape';
import type { Json, TaskDefinition } from '../types';
import { hiddenTests, samples } from './generator';
import { metadata } from './metadata';
import { apriori } from './reference';

/** Input limits from the statement. Custom input beyond them is rejected before anything runs. */
export const MAX_TRANSACTIONS = 10_000;
export const MAX_ITEMS_PER_TRANSACTION = 100;
export const MAX_DISTINCT_ITEMS = 1_000;
export const MAX_ITEM_LENGTH = 64;

/**
 * Returns a message naming the first argument that does not fit the signature, or null.
 * NOTE: input within these limits can still have exponentially many frequent itemsets. One basket
 * of 40 items at minSupport 1 has 2^40 − 1 of them, so a caller that runs the reference on custom
 * input must bound its time, as the sandbox bounds the candidate's.
 */
export function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (transactions, minSupport, minConfidence), got ${args.length}`;
  const [transactions, minSupport, minConfidence] = args;

  const transactionsMessage = validateTransactions(transactions);
  if (transactionsMessage !== null) return transactionsMessage;

  const support = readNumber(minSupport, 'minSupport', { max: 1 });
  if (!support.ok) return support.message;
  if (support.value <= 0) return `minSupport = ${support.value}, expected 0 < minSupport ≤ 1`;

  const confidence = readNumber(minConfidence, 'minConfidence', { min: 0, max: 1 });
  if (!confidence.ok) return confidence.message;
  return null;
}

function validateTransactions(value: unknown): string | null {
  if (!Array.isArray(value)) return `transactions must be an array of string arrays, got ${describeType(value)}`;
  if (value.length === 0) return 'transactions is empty, expected at least 1 transaction';
  if (value.length > MAX_TRANSACTIONS) return `transactions has ${value.length} transactions, at most ${MAX_TRANSACTIONS} are allowed`;

  const distinct = new Set<string>();
  for (let t = 0; t < value.length; t++) {
    const basket: unknown = value[t];
    if (!Array.isArray(basket)) return `transactions[${t}] must be an array of strings, got ${describeType(basket)}`;
    if (basket.length > MAX_ITEMS_PER_TRANSACTION) {
      return `transactions[${t}] has ${basket.length} items, at most ${MAX_ITEMS_PER_TRANSACTION} are allowed`;
    }
    for (let i = 0; i < basket.length; i++) {
      const item: unknown = basket[i];
      if (typeof item !== 'string') return `transactions[${t}][${i}] must be a string, got ${describeType(item)}`;
      if (item.length === 0 || item.length > MAX_ITEM_LENGTH) {
        return `transactions[${t}][${i}] has ${item.length} characters, expected 1 to ${MAX_ITEM_LENGTH}`;
      }
      distinct.add(item);
    }
  }
  if (distinct.size > MAX_DISTINCT_ITEMS) return `transactions use ${distinct.size} distinct items, at most ${MAX_DISTINCT_ITEMS} are allowed`;
  return null;
}

export const task: TaskDefinition<AprioriOutput> = {
  ...metadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => apriori(args[0] as string[][], args[1] as number, args[2] as number),
  samples,
  hiddenTests,
  validateArgs,
  check: (args, output, expected) =>
    checkItemsets(args[0] as string[][], args[1] as number, args[2] as number, output, expected),
};
