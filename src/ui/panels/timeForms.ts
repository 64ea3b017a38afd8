import { MAX_DRIFT_PPM } from '../../engine/inputs/clock';
import { MAX_TIME_MS } from '../../engine/inputs/fields';

/**
 * What the pause and clock forms turn typed text into: the input's fields exactly as a scenario file states
 * them (spec/protocols.md §1.2), or the reason the text is not one. Pure, so the forms stay thin.
 */
export type ClockKind = 'offsetMs' | 'driftPpm' | 'jumpMs';

export const CLOCK_KINDS: readonly { readonly id: ClockKind; readonly label: string; readonly unit: string }[] = [
  { id: 'offsetMs', label: 'Set offset', unit: 'ms' },
  { id: 'driftPpm', label: 'Set drift', unit: 'ppm' },
  { id: 'jumpMs', label: 'Jump by', unit: 'ms' },
];

export function stallFields(text: string): { durationMs: number } | string {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_TIME_MS) {
    return `The pause is a number of ms above 0 and at most ${MAX_TIME_MS}.`;
  }
  return { durationMs: n };
}

export function clockFields(kind: ClockKind, text: string): Partial<Record<ClockKind, number>> | string {
  const n = Number(text);
  const bound = kind === 'driftPpm' ? MAX_DRIFT_PPM : MAX_TIME_MS;
  if (text.trim() === '' || !Number.isFinite(n) || Math.abs(n) > bound) {
    return `${kind === 'driftPpm' ? 'Drift' : 'Offsets and jumps'} must be a number within ±${bound} ${kind === 'driftPpm' ? 'ppm' : 'ms'}.`;
  }
  return { [kind]: n };
}
