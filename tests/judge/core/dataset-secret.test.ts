import { describe, expect, it } from 'vitest';
import { resolveDatasetSecret } from '../../../judge/core/dataset-secret';
import { DATASET_SECRET_DEFAULT } from '../../../lib/config/env';

describe('dataset secret', () => {
  it('uses HOLDOUT_DATASET_SECRET when set', () => {
    const warnings: string[] = [];
    expect(resolveDatasetSecret({ HOLDOUT_DATASET_SECRET: ' private ' }, (message) => warnings.push(message))).toBe('private');
    expect(warnings).toEqual([]);
  });

  it('falls back to the development default with one warning', () => {
    const warnings: string[] = [];
    expect(resolveDatasetSecret({}, (message) => warnings.push(message))).toBe(DATASET_SECRET_DEFAULT);
    expect(resolveDatasetSecret({ HOLDOUT_DATASET_SECRET: '' }, (message) => warnings.push(message))).toBe(DATASET_SECRET_DEFAULT);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/HOLDOUT_DATASET_SECRET is not set/);
  });
});
