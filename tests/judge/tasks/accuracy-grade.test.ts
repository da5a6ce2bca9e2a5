import { describe, expect, it } from 'vitest';
import { accuracyMetric, gradeAccuracyWithin, majorityBaseline } from '@/judge/tasks/accuracy-grade';
import type { TrainingDataset } from '@/judge/tasks/training-types';

const dataset: TrainingDataset = { trainInput: {}, testInput: {}, testTargets: [0, 1, 2, 1] };

describe('accuracyMetric', () => {
  const metric = accuracyMetric({ classes: 3, label: 'class', item: 'test image' });

  it('counts correct labels', () => {
    expect(metric.evaluate([0, 1, 2, 1], [0, 1, 2, 1], dataset)).toBe(1);
    expect(metric.evaluate([0, 1, 0, 0], [0, 1, 2, 1], dataset)).toBe(0.5);
    expect(metric.evaluate([1, 0, 0, 0], [0, 1, 2, 1], dataset)).toBe(0);
  });

  it('rejects labels out of range', () => {
    expect(() => metric.evaluate([0, 1, 3, 1], [0, 1, 2, 1], dataset)).toThrow(
      'predict() output[2] = 3, expected at most 2 (predict() returns one class, 0 to 2, per test image)',
    );
  });

  it('rejects a wrong length and fractions', () => {
    expect(() => metric.evaluate([0, 1, 2], [0, 1, 2, 1], dataset)).toThrow('predict() output has length 3, expected 4');
    expect(() => metric.evaluate([0, 1, 1.5, 1], [0, 1, 2, 1], dataset)).toThrow('expected an integer');
  });
});

describe('majorityBaseline', () => {
  it('predicts the most frequent training label', () => {
    expect(majorityBaseline([2, 2, 1], [2, 1, 1, 1])).toBe(0.25);
  });

  it('breaks ties towards the smallest label', () => {
    expect(majorityBaseline([1, 0, 1, 0], [0, 0, 0, 1])).toBe(0.75);
    expect(majorityBaseline([3, 2], [2, 3, 3])).toBeCloseTo(1 / 3, 12);
  });
});

describe('gradeAccuracyWithin', () => {
  const grade = gradeAccuracyWithin(0.02);

  it('accepts an accuracy at the bar', () => {
    expect(grade(0.88, 0.9, 0.1)).toMatchObject({ accepted: true, score: 100 });
  });

  it('gives partial credit below the bar', () => {
    const below = grade(0.5, 0.9, 0.1);
    expect(below.accepted).toBe(false);
    // The score is 100 × (0.5 − 0.1) / (0.88 − 0.1), rounded down: the fraction of the way from the baseline to the bar.
    expect(below.score).toBe(51);
    expect(below.message.en).toContain("the reference model's 90.0% minus 2 points");
    expect(below.message['zh-CN']).toContain('参考模型的 90.0% 减去 2 个百分点');
  });

  it('scores the baseline zero', () => {
    expect(grade(0.1, 0.9, 0.1)).toMatchObject({ accepted: false, score: 0 });
  });
});
