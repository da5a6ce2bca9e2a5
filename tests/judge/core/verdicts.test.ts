import { describe, expect, it } from 'vitest';
import { HIDDEN_TEST_MESSAGES, VERDICTS, worstVerdict } from '../../../judge/core/verdicts';
import { Verdict as DatabaseVerdict } from '../../../lib/generated/prisma/enums';

describe('verdicts', () => {
  it('match the database enum', () => {
    expect([...VERDICTS].sort()).toEqual(Object.values(DatabaseVerdict).sort());
  });

  it('aggregate to the worst by fixed priority', () => {
    expect(worstVerdict([])).toBe('accepted');
    expect(worstVerdict(['accepted', 'wrong_answer', 'accepted'])).toBe('wrong_answer');
    expect(worstVerdict(['wrong_answer', 'time_limit_exceeded'])).toBe('time_limit_exceeded');
    expect(worstVerdict(['time_limit_exceeded', 'memory_limit_exceeded'])).toBe('memory_limit_exceeded');
    expect(worstVerdict(['memory_limit_exceeded', 'runtime_error'])).toBe('runtime_error');
    expect(worstVerdict(['runtime_error', 'compile_error'])).toBe('compile_error');
    expect(worstVerdict(['compile_error', 'internal_error', 'accepted'])).toBe('internal_error');
  });

  it('give hidden tests a message for every verdict', () => {
    for (const verdict of VERDICTS) expect(HIDDEN_TEST_MESSAGES[verdict].length).toBeGreaterThan(0);
  });
});
