import type { Measure, TrialOutcome } from '../../app/experimentSession';
import type { TrialValue } from './cdf';

/**
 * What a plan's results can chart: the measures the plan names, then every numeric fact field (`fact:…`)
 * the trials so far reported, in the order first seen.
 */
export function measuresOf(planned: readonly Measure[], outcomes: readonly TrialOutcome[]): Measure[] {
  const out = [...planned];
  const known = new Set(out.map((m) => m.key));
  for (const o of outcomes) {
    for (const key of Object.keys(o.measures)) {
      if (known.has(key) || !key.startsWith('fact:')) continue;
      known.add(key);
      out.push({ key, title: `Fact ${key.slice('fact:'.length)}`, unit: '' });
    }
  }
  return out;
}

/** Each trial's value of one measure (null where it measured nothing). */
export function valuesOf(outcomes: readonly TrialOutcome[], key: string): TrialValue[] {
  return outcomes.map((o) => ({ parameter: o.parameter, trial: o.trial, value: o.measures[key] ?? null }));
}
