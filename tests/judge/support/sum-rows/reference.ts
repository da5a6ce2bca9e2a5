/** Returns the sum of each row of a matrix: rows[i] is a list of numbers, result[i] their sum. */
export function sumRows(rows: number[][]): number[] {
  const sums = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let sum = 0;
    const row = rows[i];
    for (let j = 0; j < row.length; j++) sum += row[j];
    sums[i] = sum;
  }
  return sums;
}
