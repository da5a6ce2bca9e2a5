/**
 * Reader for a stack of dense layers, used by `validateArgs` of the autoencoder and GAN tasks on
 * custom input. Returns the layers or a message naming the first problem.
 */
import type { ShapeResult } from '../../../checkers/shape';
import { readDense } from '../../self-attention/scratch/validate';
import type { Dense } from './reference';

export interface StackLimits {
  maxLayers: number;
  maxUnits: number;
  /** Required units of the last layer; free when omitted. */
  lastUnits?: number;
}

/** 1 to `maxLayers` dense layers, each reading the previous layer's units, the first reading `inputDim`. */
export function readDenseStack(value: unknown, label: string, inputDim: number, limits: StackLimits): ShapeResult<Dense[]> {
  if (!Array.isArray(value) || value.length < 1 || value.length > limits.maxLayers) {
    return { ok: false, message: `${label} must be an array of 1 to ${limits.maxLayers} dense layers` };
  }
  const layers: Dense[] = [];
  let width = inputDim;
  for (let l = 0; l < value.length; l++) {
    const units = l === value.length - 1 ? limits.lastUnits : undefined;
    const layer = readDense(value[l], `${label}[${l}]`, width, limits.maxUnits, units);
    if (!layer.ok) return layer;
    layers.push(layer.value);
    width = layer.value.bias.length;
  }
  return { ok: true, value: layers };
}
