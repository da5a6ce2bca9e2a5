import type { Random } from '../../../data/random';
import type { Dense } from './reference';

/**
 * Rounds to 4 decimals, so that test data stays short in JSON. The float32 reference model reads
 * each value within 6e-8 relative of the float64 value a candidate reads, far below the tolerances.
 */
export function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4 + 0;
}

/** rows × columns values uniform in [−scale, scale), rounded to 4 decimals. */
export function uniformMatrix(random: Random, rows: number, columns: number, scale: number): number[][] {
  return Array.from({ length: rows }, () => uniformVector(random, columns, scale));
}

export function uniformVector(random: Random, length: number, scale: number): number[] {
  return Array.from({ length }, () => round4(random.uniform(-scale, scale)));
}

/** rows × columns standard normal values times `scale`, rounded to 4 decimals. */
export function normalMatrix(random: Random, rows: number, columns: number, scale = 1): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => round4(scale * random.normal())));
}

/**
 * Draws a dense layer with a Glorot-like kernel (variance 1/inputDim, so outputs keep the inputs' scale)
 * times `scale`, and a bias uniform in [−biasScale, biasScale).
 */
export function randomDense(random: Random, inputDim: number, units: number, scale = 1, biasScale = 0.5): Dense {
  return {
    kernel: uniformMatrix(random, inputDim, units, scale * Math.sqrt(3 / inputDim)),
    bias: biasScale === 0 ? new Array<number>(units).fill(0) : uniformVector(random, units, biasScale),
  };
}

export function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}

export function identity(size: number): number[][] {
  return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j ? 1 : 0)));
}
