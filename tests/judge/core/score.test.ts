import { describe, expect, it } from 'vitest';
import { computeScore, speedBand } from '../../../judge/core/score';

describe('score rule', () => {
  it('bands speed ratios with inclusive upper bounds', () => {
    expect(speedBand(0.5)).toBe('fast');
    expect(speedBand(0.8)).toBe('fast');
    expect(speedBand(0.81)).toBe('on_par');
    expect(speedBand(1.5)).toBe('on_par');
    expect(speedBand(4)).toBe('slow');
    expect(speedBand(4.01)).toBe('very_slow');
  });

  it('scores accepted submissions by speed band', () => {
    const accepted = { verdict: 'accepted' as const, testsPassed: 10, testsTotal: 10 };
    expect(computeScore({ ...accepted, speedRatio: 0.7 })).toBe(100);
    expect(computeScore({ ...accepted, speedRatio: 1.2 })).toBe(90);
    expect(computeScore({ ...accepted, speedRatio: 3 })).toBe(75);
    expect(computeScore({ ...accepted, speedRatio: 12 })).toBe(60);
    expect(computeScore({ ...accepted, speedRatio: null })).toBe(100);
  });

  it('gives rejected submissions partial credit below any accepted score', () => {
    expect(computeScore({ verdict: 'wrong_answer', testsPassed: 9, testsTotal: 10, speedRatio: null })).toBe(45);
    expect(computeScore({ verdict: 'time_limit_exceeded', testsPassed: 0, testsTotal: 10, speedRatio: null })).toBe(0);
    expect(computeScore({ verdict: 'runtime_error', testsPassed: 29, testsTotal: 30, speedRatio: null })).toBeLessThan(50);
  });

  it('scores compile errors 0 and internal errors not at all', () => {
    expect(computeScore({ verdict: 'compile_error', testsPassed: 0, testsTotal: 0, speedRatio: null })).toBe(0);
    expect(computeScore({ verdict: 'internal_error', testsPassed: 5, testsTotal: 10, speedRatio: null })).toBeNull();
  });
});
