import { createHmac } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** A deterministic pseudo-random source for test data. Not for anything secret. */
export class Random {
  private spareNormal: number | undefined;

  constructor(private readonly generator: Generator) {}

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.float();
  }

  /** Uniform integer in [low, high], both inclusive. */
  int(low: number, high: number): number {
    return uniformInt(this.generator, low, high);
  }

  /** Standard normal draw (Box–Muller, caching the second value). */
  normal(mean = 0, deviation = 1): number {
    if (this.spareNormal !== undefined) {
      const value = this.spareNormal;
      this.spareNormal = undefined;
      return mean + deviation * value;
    }
    let u = 0;
    while (u === 0) u = this.float();
    const v = this.float();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return mean + deviation * radius * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** Returns a shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/** Seeds a Random from a small integer, for public data such as sample tests. */
export function randomFromSeed(seed: number): Random {
  return new Random(xoroshiro128plus(seed | 0));
}

/**
 * Derives a Random from a secret and labels with HMAC-SHA256, so that hidden test data is
 * reproducible by anyone holding the secret and unpredictable to everyone else.
 * Labels name the use, e.g. `randomFromSecret(secret, 'kmeans', 'v1', 'hidden')`.
 */
export function randomFromSecret(secret: string, ...labels: string[]): Random {
  const digest = createHmac('sha256', secret).update(labels.join('\u0000')).digest();
  const state: number[] = [digest.readInt32LE(0), digest.readInt32LE(4), digest.readInt32LE(8), digest.readInt32LE(12)];
  // xoroshiro128+ must not start from the all-zero state.
  if (state.every((word): boolean => word === 0)) state[0] = 1;
  return new Random(xoroshiro128plusFromState(state));
}
