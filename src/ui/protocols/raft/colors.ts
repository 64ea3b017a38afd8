/** Background of a log entry by its term; the term is always written in the cell too. */
const termColors = ['#e8eaed', '#cfe3fb', '#fbe3a6', '#c9efd9', '#f8d0e4', '#ddd5fb', '#fdd5b1', '#c6f0f4'];

export function termColor(term: number): string {
  return termColors[term % termColors.length] as string;
}
