import type { Random } from './random';

/**
 * Procedurally drawn digit-like glyphs for the image tasks: ten stroke templates, each drawn with
 * a random affine distortion (rotation, scale, shear, shift) and a random stroke width, rendered
 * with anti-aliased edges onto a square grid. Nothing is downloaded or shipped: a `Random` and a
 * class fully determine an image.
 */

/** Side of the square grid, in pixels. */
export const GLYPH_SIZE = 12;

/** Number of glyph classes. Class c is drawn from `TEMPLATES[c]`. */
export const GLYPH_CLASSES = 10;

type Point = readonly [number, number];
type Stroke = readonly Point[];

/** Points on an ellipse around (cx, cy), closed (the first point is repeated at the end). */
function ellipse(cx: number, cy: number, rx: number, ry: number, points = 14): Stroke {
  return Array.from({ length: points + 1 }, (_, i): Point => {
    const angle = (2 * Math.PI * i) / points;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)];
  });
}

/** Stroke templates of the ten classes in unit coordinates: x to the right, y downwards. */
const TEMPLATES: readonly (readonly Stroke[])[] = [
  [ellipse(0.5, 0.5, 0.27, 0.38)],
  [
    [
      [0.36, 0.26],
      [0.52, 0.12],
      [0.52, 0.88],
    ],
  ],
  [
    [
      [0.26, 0.3],
      [0.36, 0.15],
      [0.56, 0.12],
      [0.72, 0.22],
      [0.72, 0.4],
      [0.26, 0.88],
      [0.78, 0.88],
    ],
  ],
  [
    [
      [0.25, 0.15],
      [0.7, 0.15],
      [0.45, 0.45],
      [0.7, 0.56],
      [0.72, 0.76],
      [0.55, 0.88],
      [0.25, 0.84],
    ],
  ],
  [
    [
      [0.65, 0.88],
      [0.65, 0.12],
      [0.22, 0.62],
      [0.8, 0.62],
    ],
  ],
  [
    [
      [0.75, 0.12],
      [0.3, 0.12],
      [0.27, 0.45],
      [0.55, 0.42],
      [0.73, 0.58],
      [0.7, 0.8],
      [0.5, 0.88],
      [0.25, 0.82],
    ],
  ],
  [
    [
      [0.68, 0.14],
      [0.4, 0.3],
      [0.28, 0.6],
      [0.35, 0.85],
      [0.6, 0.87],
      [0.72, 0.68],
      [0.6, 0.52],
      [0.3, 0.58],
    ],
  ],
  [
    [
      [0.22, 0.14],
      [0.78, 0.14],
      [0.42, 0.88],
    ],
  ],
  [ellipse(0.5, 0.3, 0.19, 0.17, 12), ellipse(0.5, 0.68, 0.24, 0.2, 12)],
  [
    [
      [0.7, 0.45],
      [0.4, 0.5],
      [0.28, 0.32],
      [0.4, 0.14],
      [0.62, 0.14],
      [0.72, 0.3],
      [0.68, 0.6],
      [0.45, 0.88],
    ],
  ],
];

/** Distance from (px, py) to the segment from a to b. */
function segmentDistance(px: number, py: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((px - a[0]) * dx + (py - a[1]) * dy) / lengthSquared));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/**
 * Draws one glyph of class `digit` as `size`·`size` intensities in [0, 1], row-major, rounded to
 * 3 decimals. Background is 0, stroke centres are 1, and edges fall off linearly over one pixel.
 */
export function drawGlyph(random: Random, digit: number, size = GLYPH_SIZE): number[] {
  if (!Number.isInteger(digit) || digit < 0 || digit >= GLYPH_CLASSES) throw new Error(`drawGlyph: class ${digit} is not in 0..9`);

  const angle = random.uniform(-0.2, 0.2);
  const scaleX = random.uniform(0.8, 1.05);
  const scaleY = random.uniform(0.8, 1.05);
  const shear = random.uniform(-0.2, 0.2);
  const shiftX = random.uniform(-0.08, 0.08);
  const shiftY = random.uniform(-0.08, 0.08);
  const halfWidth = random.uniform(0.45, 0.8);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);

  // The affine map acts around the centre of the unit square, then maps units to pixels.
  const place = ([x, y]: Point): Point => {
    const u = (x - 0.5) * scaleX + shear * (y - 0.5) * scaleY;
    const v = (y - 0.5) * scaleY;
    return [(0.5 + cos * u - sin * v + shiftX) * size, (0.5 + sin * u + cos * v + shiftY) * size];
  };
  const strokes = TEMPLATES[digit].map((stroke) => stroke.map(place));

  const pixels = new Array<number>(size * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const px = column + 0.5;
      const py = row + 0.5;
      let distance = Infinity;
      for (const stroke of strokes) {
        for (let i = 1; i < stroke.length; i++) distance = Math.min(distance, segmentDistance(px, py, stroke[i - 1], stroke[i]));
      }
      const intensity = Math.min(1, Math.max(0, halfWidth + 0.5 - distance));
      pixels[row * size + column] = Math.round(intensity * 1000) / 1000;
    }
  }
  return pixels;
}

export interface GlyphSet {
  /** [count, size·size] intensities in [0, 1]. */
  images: number[][];
  /** [count] classes in 0..9. */
  labels: number[];
}

/**
 * Draws `count` glyphs with classes as balanced as `count` allows (class i % 10 for the i-th
 * glyph), in shuffled order.
 */
export function drawGlyphSet(random: Random, count: number, size = GLYPH_SIZE): GlyphSet {
  const labels = random.shuffle(Array.from({ length: count }, (_, i) => i % GLYPH_CLASSES));
  return { images: labels.map((label) => drawGlyph(random, label, size)), labels };
}
