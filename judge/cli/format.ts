/** Text helpers for the CLI's human-readable output. */

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
export type Style = keyof typeof ANSI;

/** Styles text with ANSI colours, only when writing to a terminal and NO_COLOR is unset. */
export function painter(stream: NodeJS.WriteStream): (style: Style, text: string) => string {
  const enabled = stream.isTTY === true && !process.env.NO_COLOR;
  return (style, text) => (enabled ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
}

/** Lays out rows as a table with columns padded to their widest cell; `right` columns align right. */
export function table(header: string[], rows: string[][], right: number[] = []): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (right.includes(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatMs(ms: number | null): string {
  return ms === null ? '–' : ms.toFixed(ms < 10 ? 2 : 1);
}

export function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
