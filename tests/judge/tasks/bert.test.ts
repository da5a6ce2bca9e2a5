import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/bert';
import { BERT_TOLERANCE } from '@/judge/tasks/bert/scratch';
import { BERT_EPSILON } from '@/judge/tasks/bert/scratch/generator';
import { bertMaskedLmModel } from '@/judge/tasks/bert/scratch/model';
import {
  bertMaskedLm,
  embeddingRows,
  erf,
  traceBert,
  type BertInput,
  type BertOptions,
  type BertWeights,
} from '@/judge/tasks/bert/scratch/reference';
import { attentionScores } from '@/judge/tasks/self-attention/scratch/reference';
import { largestScore, OVERFLOW_LOGIT } from '@/judge/tasks/self-attention/scratch/score-gaps';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';

type Args = [BertInput, BertWeights, BertOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

const round6 = (rows: number[][]) => rows.map((row) => row.map((value) => Number(value.toFixed(6))));

const statementPath = (locale: string) => path.join(import.meta.dirname, `../../../judge/tasks/bert/scratch/statement.${locale}.md`);

describe('bert reference', () => {
  it('returns the worked example', () => {
    const args = argsOf(task.samples()[0]);
    const trace = traceBert(...args);
    const table = {
      x: [[0.707107, -1.414214, 0.707107], [-0.267261, 1.336306, -1.069045]],
      attention: [[0.674671, -1.322653, 0.647981], [-0.234826, 1.244745, -1.009919]],
      y: [[0.713991, -1.414191, 0.7002], [-0.259438, 1.333679, -1.074241]],
      hidden: [[0.717536, -1.414162, 0.696626], [-0.422448, 1.38005, -0.957602]],
    };
    for (const [step, rows] of Object.entries(table)) expect(round6(trace[step as keyof typeof table]), step).toEqual(rows);
    expect(round6(bertMaskedLm(...args))).toEqual([[0, -0.692176, 2.828218, -0.221933]]);
    expect(round6(bertMaskedLmModel(...args))).toEqual([[0, -0.692176, 2.828218, -0.221933]]);

    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(statementPath(locale), 'utf8');
      for (const rows of Object.values(table)) for (const row of rows) expect(statement).toContain(`\`${JSON.stringify(row).replaceAll(',', ', ')}\``);
      expect(statement).toContain('$u = [-0.692176, 1.414109, -0.721933]$');
      expect(statement).toContain('`[[0, -0.692176, 2.828218, -0.221933]]`');
      expect(statement).toContain('`tokenIds = [1, 2]`');
      expect(statement).toContain('`outputBias = [0, 0, 0, 0.5]`');
    }
  });

  it('computes erf to double precision', () => {
    const known: [number, number][] = [
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [2.5, 0.999593047982555],
      [3, 0.9999779095030014],
      [5, 0.9999999999984626],
    ];
    for (const [x, value] of known) {
      expect(Math.abs(erf(x) - value), `erf(${x})`).toBeLessThan(1e-15);
      expect(erf(-x)).toBe(-erf(x));
    }
    // GELU(1) with the erf form against the tanh approximation, as the statement quotes them.
    expect((0.5 * (1 + erf(1 / Math.SQRT2))).toFixed(6)).toBe('0.841345');
    expect((0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * 1.044715))).toFixed(6)).toBe('0.841192');
  });

  it('agrees with the TensorFlow.js model', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        const used = toleranceUsed(bertMaskedLm(...args), bertMaskedLmModel(...args), BERT_TOLERANCE);
        expect(used, `${secret} ${test.name}`).toBeLessThan(0.5);
      }
    }
  });

  it('model leaves no tensor behind', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) bertMaskedLmModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('checker passes reference, fails nudge', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, bertMaskedLm(...argsOf(test)), expected), test.name).toEqual({ ok: true });
      const nudged = expected.map((row) => row.slice());
      nudged[0][0] += 1e-3 + 1e-4 * Math.abs(nudged[0][0]);
      expect(task.check(test.args, nudged, expected).ok, test.name).toBe(false);
    }
  });
});

describe('bert tests', () => {
  it('samples independent of the secret', () => {
    const samples = task.samples();
    expect(samples).toEqual(task.samples());
    expect(samples.map((sample) => sample.name)).toEqual(['sample-1', 'sample-2']);
  });

  it('hidden tests deterministic per secret', () => {
    expect(hidden('alpha')).toEqual(hidden('alpha'));
    expect(hidden('alpha')).not.toEqual(hidden('beta'));
  });

  it('hidden test names and timing', () => {
    const tests = hidden('names');
    expect(tests.length).toBeGreaterThanOrEqual(12);
    expect(tests.length).toBeLessThanOrEqual(25);
    expect(tests.map((test) => test.name)).toEqual(tests.map((_, i) => `hidden-${String(i + 1).padStart(2, '0')}`));
    const timed = tests.filter((test) => test.timed);
    expect(timed).toHaveLength(3);
    expect(timed.every((test) => argsOf(test)[0].tokenIds.length >= 48)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    expect(tests.filter(([input]) => input.tokenIds.length === 1)).toHaveLength(2);
    expect(tests.some(([input]) => new Set(input.maskedPositions).size < input.maskedPositions.length)).toBe(true);
    expect(tests.some(([input]) => input.maskedPositions.length === input.tokenIds.length && input.tokenIds.length > 1)).toBe(true);
    expect(tests.some(([input]) => input.segmentIds.every((id) => id === 1))).toBe(true);
    expect(tests.some(([input]) => new Set(input.tokenIds).size === 1 && input.tokenIds.length > 1)).toBe(true);
    expect(tests.filter(([, , options]) => options.epsilon !== BERT_EPSILON)).toHaveLength(1);
    const large = tests.filter(([input, weights, options]) => {
      const x = embeddingRows(input, weights, options.epsilon);
      const scores = attentionScores(x, weights.encoder.attention, { numHeads: options.numHeads, causal: false, attentionMask: null });
      return largestScore(scores) > OVERFLOW_LOGIT;
    });
    expect(large.length).toBeGreaterThanOrEqual(2);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('bert validateArgs', () => {
  const [input, weights, options] = structuredClone(argsOf(task.samples()[0]));
  const withInput = (change: Partial<BertInput>) => [{ ...input, ...change }, weights, options];

  it('accepts valid input', () => {
    expect(task.validateArgs([input, weights, options])).toBeNull();
    expect(task.validateArgs(withInput({ maskedPositions: [1, 0, 1] }))).toBeNull();
  });

  it('rejects bad input with messages', () => {
    const shortPositions = structuredClone(weights);
    shortPositions.embeddings.position = [[0, 0, 1]];
    const threeSegments = structuredClone(weights);
    threeSegments.embeddings.segment.push([1, 1, 1]);
    const wrongBias = structuredClone(weights);
    wrongBias.head.outputBias = [0, 0, 0];
    const wideTransform = structuredClone(weights);
    wideTransform.head.transform = { kernel: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]], bias: [0, 0, 0, 0] };
    const cases: [unknown[], string][] = [
      [[input, weights], 'expected 3 arguments (input, weights, options), got 2'],
      [[{ tokenIds: [1, 2], segmentIds: [0, 1] }, weights, options], 'input is missing "maskedPositions"'],
      [withInput({ tokenIds: [1, 4] }), 'input.tokenIds[1] = 4, expected at most 3 (the vocabulary has 4 tokens)'],
      [withInput({ tokenIds: [1, 2.5] }), 'input.tokenIds[1] = 2.5, expected an integer'],
      [withInput({ segmentIds: [0, 2] }), 'input.segmentIds[1] = 2, expected 0 or 1 (segment ids are 0 or 1, one per token)'],
      [withInput({ maskedPositions: [2] }), 'input.maskedPositions[0] = 2, expected at most 1'],
      [withInput({ maskedPositions: [] }), 'input.maskedPositions has length 0, expected 1 to 64'],
      [[input, shortPositions, options], 'weights.embeddings.position has 1 rows, expected 2 (the sequence length) to 512'],
      [[input, threeSegments, options], 'weights.embeddings.segment has 3 rows, expected 2'],
      [[input, wrongBias, options], 'weights.head.outputBias has length 3, expected 4'],
      [[input, wideTransform, options], 'weights.head.transform.kernel[0] has length 4, expected 3 (weights.head.transform.kernel is [inputDim, units] with inputDim 3)'],
      [[input, weights, { numHeads: 2, epsilon: 1e-12 }], 'options.numHeads = 2 does not divide the 3 columns of weights.encoder.attention.query.kernel'],
      [[input, weights, { numHeads: 1 }], 'options is missing "epsilon"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('bert fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('bert-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('tanh GELU fails worked example', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-gelu-tanh-approximation.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.failures[0]).toEqual({ name: 'sample-1', message: 'logits[0][3] = -0.2220374607, expected -0.2219332457' });
  });
});
