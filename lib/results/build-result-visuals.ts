import { matchLabels } from './match-labels';
import { projectPoints, type Point2 } from './project-points';
import {
  isRecord,
  readDisplayNumber,
  readFiniteNumber,
  readLabels,
  readMatrix,
  readNumberList,
  readStringList,
  type DisplayNumber,
} from './read-json-values';

/** A sample test as the submission page has it: hidden tests never get here. */
export interface SampleResult {
  name: string;
  detail: { args: unknown; expected: unknown; actual: unknown } | null;
}

export interface ClusterPicture {
  test: string;
  points: Point2[];
  axes: 'raw' | 'line' | 'pca';
  varianceShare: Point2 | null;
  /** The reference's cluster of each point; -1 is noise. */
  reference: number[];
  /** The candidate's clusters renumbered to match the reference's colours; null when the output has no usable labels. */
  candidate: number[] | null;
  /** Points whose (renumbered) candidate cluster differs from the reference's. */
  differing: number;
}

export interface PcaPicture {
  test: string;
  /** Explained variance per component, expected and the candidate's. */
  scree: { component: number; expected: number; candidate: number | null }[];
  expected: Point2[];
  /** The candidate's projection with each column's sign aligned to the expected one; null when unusable. */
  candidate: Point2[] | null;
  /** Whether the projection has one component only, drawn on the x axis. */
  oneComponent: boolean;
}

export interface RuleMetrics {
  support: DisplayNumber | null;
  confidence: DisplayNumber | null;
  lift: DisplayNumber | null;
}

export interface RuleRow {
  antecedent: string[];
  consequent: string[];
  expected: RuleMetrics | null;
  candidate: RuleMetrics | null;
  /** 'missing': only the reference has the rule; 'extra': only the candidate; 'differs': a metric is off. */
  status: 'match' | 'differs' | 'missing' | 'extra';
}

export interface RulesTable {
  test: string;
  rows: RuleRow[];
  itemsets: { expected: number; candidate: number | null };
  /** Whether rows were cut at MAX_RULE_ROWS. */
  truncated: boolean;
}

export type ResultVisuals =
  | { kind: 'clusters'; pictures: ClusterPicture[] }
  | { kind: 'pca'; pictures: PcaPicture[] }
  | { kind: 'rules'; tables: RulesTable[] };

/** Largest sample drawn as a picture; sample tests are far smaller (at most 60 points today). */
export const MAX_PICTURE_POINTS = 2000;
export const MAX_RULE_ROWS = 500;

/** The checker's tolerance for support, confidence and lift: 1e-9 absolute plus relative. */
const RULE_TOLERANCE = 1e-9;

/** Label reader of each clustering task: K-means and agglomerative return `{ labels }`, DBSCAN the labels themselves. */
const CLUSTER_LABELS: Record<string, (output: unknown) => unknown> = {
  kmeans: (output) => (isRecord(output) ? output.labels : null),
  agglomerative: (output) => (isRecord(output) ? output.labels : null),
  dbscan: (output) => output,
};

function clusterPicture(test: SampleResult, labelsOf: (output: unknown) => unknown): ClusterPicture | null {
  if (!test.detail || !Array.isArray(test.detail.args)) return null;
  const points = readMatrix(test.detail.args[0]);
  if (!points || points.length > MAX_PICTURE_POINTS) return null;
  const reference = readLabels(labelsOf(test.detail.expected), points.length);
  if (!reference) return null;

  const projection = projectPoints(points);
  const raw = readLabels(labelsOf(test.detail.actual), points.length);
  const candidate = raw ? matchLabels(reference, raw) : null;
  const differing = candidate ? candidate.filter((label, index) => label !== reference[index]).length : points.length;
  return { test: test.name, points: projection.points, axes: projection.axes, varianceShare: projection.varianceShare, reference, candidate, differing };
}

/** First two columns of a projection (one column is drawn on the x axis). */
function firstTwoColumns(matrix: number[][]): Point2[] {
  return matrix.map((row) => [row[0], row[1] ?? 0]);
}

function pcaPicture(test: SampleResult): PcaPicture | null {
  if (!test.detail || !isRecord(test.detail.expected)) return null;
  const expectedVariance = readNumberList(test.detail.expected.explainedVariance);
  const expectedProjection = readMatrix(test.detail.expected.projected);
  if (!expectedVariance || !expectedProjection || expectedProjection.length > MAX_PICTURE_POINTS) return null;

  const actual = isRecord(test.detail.actual) ? test.detail.actual : {};
  const candidateVariance = Array.isArray(actual.explainedVariance) ? actual.explainedVariance : [];
  const scree = expectedVariance.map((expected, index) => ({ component: index + 1, expected, candidate: readFiniteNumber(candidateVariance[index]) }));

  const width = expectedProjection[0].length;
  const candidateMatrix = readMatrix(actual.projected);
  let candidate: Point2[] | null = null;
  if (candidateMatrix && candidateMatrix.length === expectedProjection.length && candidateMatrix[0].length === width) {
    // A component's sign is free, so each column is flipped to point the way the reference's does.
    const signs = Array.from({ length: Math.min(width, 2) }, (_, column) => {
      const dot = candidateMatrix.reduce((sum, row, index) => sum + row[column] * expectedProjection[index][column], 0);
      return dot < 0 ? -1 : 1;
    });
    candidate = firstTwoColumns(candidateMatrix.map((row) => row.slice(0, 2).map((value, column) => value * signs[column])));
  }

  return { test: test.name, scree, expected: firstTwoColumns(expectedProjection), candidate, oneComponent: width === 1 };
}

interface ParsedRule {
  antecedent: string[];
  consequent: string[];
  metrics: RuleMetrics;
}

function parseRules(output: unknown): ParsedRule[] | null {
  if (!isRecord(output) || !Array.isArray(output.rules)) return null;
  const rules: ParsedRule[] = [];
  for (const rule of output.rules) {
    if (!isRecord(rule)) return null;
    const antecedent = readStringList(rule.antecedent);
    const consequent = readStringList(rule.consequent);
    if (!antecedent || !consequent) return null;
    rules.push({
      antecedent: [...antecedent].sort(),
      consequent: [...consequent].sort(),
      metrics: { support: readDisplayNumber(rule.support), confidence: readDisplayNumber(rule.confidence), lift: readDisplayNumber(rule.lift) },
    });
  }
  return rules;
}

function ruleKey(rule: ParsedRule): string {
  return JSON.stringify([rule.antecedent, rule.consequent]);
}

function close(a: DisplayNumber | null, b: DisplayNumber | null): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  return Math.abs(a - b) <= RULE_TOLERANCE * (1 + Math.abs(b));
}

function sameMetrics(candidate: RuleMetrics, expected: RuleMetrics): boolean {
  return close(candidate.support, expected.support) && close(candidate.confidence, expected.confidence) && close(candidate.lift, expected.lift);
}

function rulesTable(test: SampleResult): RulesTable | null {
  if (!test.detail) return null;
  const expected = parseRules(test.detail.expected);
  if (!expected) return null;
  const candidate = parseRules(test.detail.actual);
  const expectedItemsets = isRecord(test.detail.expected) && Array.isArray(test.detail.expected.itemsets) ? test.detail.expected.itemsets.length : 0;
  const candidateItemsets = isRecord(test.detail.actual) && Array.isArray(test.detail.actual.itemsets) ? test.detail.actual.itemsets.length : null;

  const candidateByKey = new Map((candidate ?? []).map((rule) => [ruleKey(rule), rule]));
  const rows: RuleRow[] = expected.map((rule) => {
    const mine = candidateByKey.get(ruleKey(rule));
    candidateByKey.delete(ruleKey(rule));
    return {
      antecedent: rule.antecedent,
      consequent: rule.consequent,
      expected: rule.metrics,
      candidate: mine?.metrics ?? null,
      status: !mine ? 'missing' : sameMetrics(mine.metrics, rule.metrics) ? 'match' : 'differs',
    };
  });
  for (const extra of candidateByKey.values()) {
    rows.push({ antecedent: extra.antecedent, consequent: extra.consequent, expected: null, candidate: extra.metrics, status: 'extra' });
  }

  return {
    test: test.name,
    rows: rows.slice(0, MAX_RULE_ROWS),
    itemsets: { expected: expectedItemsets, candidate: candidateItemsets },
    truncated: rows.length > MAX_RULE_ROWS,
  };
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

/**
 * Builds the pictures of a submission's result from its sample tests' stored arguments, expected
 * and actual outputs: cluster scatter plots for K-means, DBSCAN and agglomerative clustering, a scree
 * plot and projections for PCA, a rules table for Apriori. Returns null for other tasks and when no
 * sample test has usable data. The caller passes sample tests only, so hidden data cannot reach a
 * picture.
 */
export function buildResultVisuals(judgeSlug: string, samples: SampleResult[]): ResultVisuals | null {
  const labelsOf = CLUSTER_LABELS[judgeSlug];
  if (labelsOf) {
    const pictures = samples.map((test) => clusterPicture(test, labelsOf)).filter(present);
    return pictures.length > 0 ? { kind: 'clusters', pictures } : null;
  }
  if (judgeSlug === 'pca') {
    const pictures = samples.map(pcaPicture).filter(present);
    return pictures.length > 0 ? { kind: 'pca', pictures } : null;
  }
  if (judgeSlug === 'apriori') {
    const tables = samples.map(rulesTable).filter(present);
    return tables.length > 0 ? { kind: 'rules', tables } : null;
  }
  return null;
}
