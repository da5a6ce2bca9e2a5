/**
 * Colours and marker shapes of clusters in the result pictures: the Okabe–Ito colour-blind-safe
 * palette, extended, with a different marker shape per cluster so that colour is not the only cue.
 */
export const CLUSTER_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#8C6D31', '#7F3C8D', '#11A579', '#3969AC'];

export const CLUSTER_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'star', 'wye', 'cross'] as const;

export const NOISE_COLOUR = 'var(--chart-muted)';

export const CANDIDATE_COLOUR = 'var(--accent)';
export const REFERENCE_COLOUR = '#E69F00';

export function clusterColour(label: number): string {
  return label < 0 ? NOISE_COLOUR : CLUSTER_COLOURS[label % CLUSTER_COLOURS.length];
}

export function clusterShape(label: number): (typeof CLUSTER_SHAPES)[number] {
  return label < 0 ? 'cross' : CLUSTER_SHAPES[label % (CLUSTER_SHAPES.length - 1)];
}

/** Picks a round step near `span / 4`: 1, 2 or 5 times a power of ten. */
function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 5, 10].find((candidate) => candidate * power >= raw) ?? 10;
  return multiple * power;
}

/**
 * Computes the axis domain that two pictures of the same points share: the data's range widened
 * to round numbers, so that the ticks read 0, 5, 10 rather than -0.6, 3.4, 7.4.
 */
export function sharedDomain(values: number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || Math.abs(high) || 1;
  const step = niceStep(span);
  // A tenth of a step of margin keeps markers at the extremes off the axis lines.
  const from = Math.floor((low - step / 10) / step) * step;
  const to = Math.ceil((high + step / 10) / step) * step;
  return [from, to];
}

/** Formats a tick label with at most 3 significant digits. */
export function shortNumber(value: number): string {
  return Number(value.toPrecision(3)).toString();
}
