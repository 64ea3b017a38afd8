import type { TrialValue } from './cdf';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180), its quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An experiment's measurements as CSV, one row a trial: `parameter,trial,value`, in the parameters' order and
 * then by trial, whatever order the workers answered in; a trial that measured nothing has an empty value.
 */
export function cdfCsv(values: readonly TrialValue[], parameters: readonly string[] = []): string {
  const order = new Map<string, number>(parameters.map((p, i) => [p, i]));
  for (const v of values) if (!order.has(v.parameter)) order.set(v.parameter, order.size);
  const rows = [...values].sort(
    (a, b) => (order.get(a.parameter) as number) - (order.get(b.parameter) as number) || a.trial - b.trial,
  );
  const lines = ['parameter,trial,value'];
  for (const r of rows) lines.push(`${field(r.parameter)},${r.trial},${r.value === null ? '' : String(r.value)}`);
  return `${lines.join('\n')}\n`;
}
