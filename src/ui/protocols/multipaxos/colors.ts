/** Background of an accepted pvalue by its ballot (its place among the ballots on screen); the ballot is written in the cell too. */
const ballotColors = ['#cfe3fb', '#fbe3a6', '#c9efd9', '#f8d0e4', '#ddd5fb', '#fdd5b1', '#c6f0f4', '#e8eaed'];

export function ballotColor(index: number): string {
  return ballotColors[index % ballotColors.length] as string;
}
