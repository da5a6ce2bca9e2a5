/**
 * Reference solution of the Apriori task. Self-contained: it is compiled and run inside the judge's
 * isolate for the speed grade, so it imports nothing.
 *
 * Input: N ≥ 1 transactions, each a list of item names (an item repeated inside one transaction
 * counts once; empty transactions count in N); 0 < minSupport ≤ 1; 0 ≤ minConfidence ≤ 1.
 *
 * Output:
 * - `itemsets`: every itemset X with count(X) ≥ minSupport · N, where count(X) is the number of
 *   transactions containing X, and support = count(X) / N. The comparison allows 1e-9 of rounding,
 *   so with N = 25 and minSupport = 0.28 an itemset in 7 transactions is frequent although
 *   0.28 · 25 evaluates to 7.000000000000001.
 * - `rules`: for every frequent itemset I with |I| ≥ 2 and every split of I into non-empty X and
 *   Y = I \ X with count(I) ≥ minConfidence · count(X) (same tolerance): support = count(I) / N,
 *   confidence = count(I) / count(X), lift = confidence / support(Y).
 * Items inside each list appear in order of first appearance in the input; list order is free.
 *
 * Algorithm: level-wise Apriori. A candidate of size k joins two frequent (k − 1)-itemsets that
 * share their first k − 2 items, and it is pruned unless every (k − 1)-subset is frequent. Each
 * candidate is counted by intersecting transaction bitsets (one bit per transaction) instead of
 * rescanning the transactions.
 */

export interface FrequentItemset {
  items: string[];
  support: number;
}

export interface AssociationRule {
  antecedent: string[];
  consequent: string[];
  support: number;
  confidence: number;
  lift: number;
}

/** Slack for comparing a count with threshold · total, which rounding can push past an integer. */
const COUNT_TOLERANCE = 1e-9;

/** A frequent itemset as sorted item ids, with its count and the bitset of transactions containing it. */
interface Level {
  items: number[];
  count: number;
  bits: Uint32Array;
}

export function apriori(
  transactions: string[][],
  minSupport: number,
  minConfidence: number,
): { itemsets: FrequentItemset[]; rules: AssociationRule[] } {
  const total = transactions.length;
  const minCount = minSupport * total - COUNT_TOLERANCE;
  const words = Math.ceil(total / 32);

  // Item ids in order of first appearance, and one bitset of transactions per item. Setting a bit
  // twice is harmless, which is what makes a repeated item count once.
  const names: string[] = [];
  const idOf = new Map<string, number>();
  const itemBits: Uint32Array[] = [];
  transactions.forEach((transaction, t) => {
    for (const name of transaction) {
      let id = idOf.get(name);
      if (id === undefined) {
        id = names.length;
        idOf.set(name, id);
        names.push(name);
        itemBits.push(new Uint32Array(words));
      }
      itemBits[id][t >>> 5] |= 1 << (t & 31);
    }
  });

  // Count of every frequent itemset, keyed by its sorted ids, for pruning and for the rules.
  const counts = new Map<string, number>();
  const frequent: Level[] = [];
  let level: Level[] = [];
  for (let id = 0; id < names.length; id++) {
    const count = popcount(itemBits[id]);
    if (count >= minCount) level.push({ items: [id], count, bits: itemBits[id] });
  }

  while (level.length > 0) {
    for (const itemset of level) {
      counts.set(itemset.items.join(','), itemset.count);
      frequent.push(itemset);
    }
    level = nextLevel(level, counts, itemBits, minCount);
  }

  const itemsets = frequent.map((itemset) => ({
    items: itemset.items.map((id) => names[id]),
    support: itemset.count / total,
  }));
  const rules: AssociationRule[] = [];
  for (const itemset of frequent) {
    if (itemset.items.length >= 2) addRules(itemset, counts, names, total, minConfidence, rules);
  }
  return { itemsets, rules };
}

/** Joins, prunes and counts the candidates of the next size. `level` is sorted lexicographically. */
function nextLevel(level: Level[], counts: Map<string, number>, itemBits: Uint32Array[], minCount: number): Level[] {
  const next: Level[] = [];
  const k = level[0].items.length + 1;
  for (let i = 0; i < level.length; i++) {
    const first = level[i].items;
    for (let j = i + 1; j < level.length; j++) {
      const second = level[j].items;
      // Sorted order keeps itemsets with a common (k − 2)-prefix adjacent.
      if (!samePrefix(first, second, k - 2)) break;
      const candidate = [...first, second[k - 2]];
      if (!allSubsetsFrequent(candidate, counts)) continue;

      const bits = intersect(level[i].bits, itemBits[second[k - 2]]);
      const count = popcount(bits);
      if (count >= minCount) next.push({ items: candidate, count, bits });
    }
  }
  return next;
}

function samePrefix(a: number[], b: number[], length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Checks that every subset with one item left out is frequent. The two join parents already are. */
function allSubsetsFrequent(candidate: number[], counts: Map<string, number>): boolean {
  for (let skip = 0; skip < candidate.length - 2; skip++) {
    const subset = candidate.filter((_, index) => index !== skip);
    if (!counts.has(subset.join(','))) return false;
  }
  return true;
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const result = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) result[w] = a[w] & b[w];
  return result;
}

function popcount(bits: Uint32Array): number {
  let count = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w];
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

/** Appends the rules of one frequent itemset: each non-empty proper subset as the antecedent. */
function addRules(
  itemset: Level,
  counts: Map<string, number>,
  names: string[],
  total: number,
  minConfidence: number,
  rules: AssociationRule[],
): void {
  const items = itemset.items;
  const size = items.length;
  for (let mask = 1; mask < (1 << size) - 1; mask++) {
    const antecedent: number[] = [];
    const consequent: number[] = [];
    for (let i = 0; i < size; i++) ((mask >> i) & 1 ? antecedent : consequent).push(items[i]);

    // Every subset of a frequent itemset is frequent, so both counts are known.
    const antecedentCount = counts.get(antecedent.join(','))!;
    if (itemset.count < minConfidence * antecedentCount - COUNT_TOLERANCE) continue;
    const consequentCount = counts.get(consequent.join(','))!;

    const confidence = itemset.count / antecedentCount;
    rules.push({
      antecedent: antecedent.map((id) => names[id]),
      consequent: consequent.map((id) => names[id]),
      support: itemset.count / total,
      confidence,
      lift: confidence / (consequentCount / total),
    });
  }
}
