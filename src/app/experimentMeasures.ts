import type { Face } from '../engine/face';
import { inputKindNamed } from '../engine/inputs/table';
import type { Measure } from '../experiment/types';
import type { FactField } from './factsProbe';

/** A scenario file's event as the experiment's `from` reads it. */
interface FileEvent {
  readonly at: number;
  readonly type: string;
  readonly node?: unknown;
}

/** An event in a few words, without its time (an experiment may draw that afresh per trial): `crash leader`. */
export function eventWords(event: FileEvent): string {
  const node = typeof event.node === 'string' ? ` ${event.node}` : '';
  return `${event.type}${node}`;
}

const wordOf = (face: Face, kind: string) => face.milestones.find((m) => m.kind === kind)?.word ?? kind;

/** A measure in as few words as an axis has room for: `Time to a new leader`. */
export function measureAxis(measure: Measure, face: Face): string {
  switch (measure.kind) {
    case 'milestone':
      return `Time to a ${wordOf(face, measure.milestone)}`;
    case 'messages-per-milestone':
      return `Messages per ${wordOf(face, measure.milestone)}`;
    case 'fact':
      return `${measure.fact}.${measure.field}`;
    default: {
      const never: never = measure;
      return String(never);
    }
  }
}

/** What a measure measures, in the protocol's words (its face names the milestones). */
export function measureTitle(measure: Measure, events: readonly FileEvent[], face: Face): string {
  const word = (kind: string) => wordOf(face, kind);
  switch (measure.kind) {
    case 'milestone': {
      const from = events[measure.from];
      return `Time from ${from ? eventWords(from) : `events[${measure.from}]`} to a ${word(measure.milestone)}`;
    }
    case 'messages-per-milestone':
      return `Messages per ${word(measure.milestone)}`;
    case 'fact':
      return `${measure.fact}.${measure.field} at the end of the run`;
    default: {
      const never: never = measure;
      return String(never);
    }
  }
}

/** One way to measure "this run over N seeds". */
export interface RunMeasure {
  readonly id: string;
  readonly title: string;
  readonly measure: Measure;
}

const eventsOf = (file: Readonly<Record<string, unknown>>): FileEvent[] =>
  Array.isArray(file.events) ? (file.events as FileEvent[]) : [];

/**
 * What "this run over N seeds" can measure: for each milestone the protocol's face declares, the time from the
 * run's first fault (else its first input that is not a caption or a pause) to the first such milestone after
 * it, when the run has such an input; then the messages sent per such milestone; then each numeric fact the
 * protocol measures at the end of the run (`facts`, as a facts probe found them: factsProbe.ts).
 */
export function runMeasures(
  file: Readonly<Record<string, unknown>>,
  face: Face,
  facts: readonly FactField[] = [],
): RunMeasure[] {
  const events = eventsOf(file);
  const firstFault = events.findIndex((e) => inputKindNamed(e.type)?.fault !== undefined);
  const from = firstFault >= 0 ? firstFault : events.findIndex((e) => e.type !== 'caption' && e.type !== 'pause');
  const out: RunMeasure[] = [];
  const add = (id: string, measure: Measure) => out.push({ id, measure, title: measureTitle(measure, events, face) });
  if (from >= 0) for (const m of face.milestones) add(`time:${m.kind}`, { kind: 'milestone', from, milestone: m.kind });
  for (const m of face.milestones) add(`per:${m.kind}`, { kind: 'messages-per-milestone', milestone: m.kind });
  for (const f of facts) add(`fact:${f.fact}.${f.field}`, { kind: 'fact', fact: f.fact, field: f.field });
  return out;
}

/**
 * "This run over N seeds" as an experiment file (docs/experiments.md): the run's own scenario file, its seed
 * as the experiment's (so trial i's seed is the i-th draw of the run's seed's stream), N trials, no sweep.
 * The same file runs in the CLI: `npm run sim -- experiment <file>`.
 */
export function runExperimentFile(
  file: Readonly<Record<string, unknown>>,
  trials: number,
  measure: Measure,
  title: string,
): Record<string, unknown> {
  return {
    format: 'netsplit-experiment',
    version: 1,
    title,
    seed: typeof file.seed === 'number' ? file.seed : 0,
    trials,
    scenario: file,
    measure,
  };
}
