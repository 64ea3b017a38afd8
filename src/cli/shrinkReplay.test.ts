import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../engine/protocol';
import type { Input } from '../engine/types';
import { getProtocol } from '../protocols';
import { fuzz } from './fuzz';
import { PrefixReplay } from './shrinkReplay';
import { firstViolation } from './shrinkRun';

type File = Record<string, unknown>;

/** A change the shrinker makes: inputs dropped, one moved earlier, a shorter or longer end, a setting dropped. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), keep: fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }) }),
  fc.record({ kind: fc.constant('dropOne' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), index: fc.nat(), by: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('until' as const), until: fc.integer({ min: 50, max: 8000 }) }),
  fc.record({ kind: fc.constant('knob' as const), index: fc.nat() }),
);

type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

function applyChange(file: File, c: Change): File {
  const events = (file.events as Input[]) ?? [];
  switch (c.kind) {
    case 'drop':
      return { ...file, events: events.filter((_, i) => c.keep[i % c.keep.length]) };
    case 'dropOne':
      return { ...file, events: events.filter((_, i) => i !== c.index % Math.max(1, events.length)) };
    case 'move': {
      if (events.length === 0) return file;
      const i = c.index % events.length;
      const event = events[i] as Input;
      return { ...file, events: events.with(i, { ...event, at: Math.max(0, event.at - c.by) }) };
    }
    case 'until':
      return { ...file, until: c.until };
    case 'knob': {
      const config = (file.config ?? {}) as Record<string, unknown>;
      const keys = Object.keys(config);
      if (keys.length === 0) return file;
      const { [keys[c.index % keys.length] as string]: _, ...rest } = config;
      return { ...file, config: rest };
    }
  }
}

function failureOf(id: string, bug: string): File {
  const protocol = getProtocol(id) as AnyProtocol;
  const options = { protocol, seed: 2026, nodes: 5, untilMs: 5000, bug, runs: 3000, stopAfter: 1 };
  const failure = fuzz(options, getProtocol).failures[0];
  if (!failure) throw new Error(`${id} ${bug}: no failure`);
  return failure.file;
}

describe('playing shrink attempts from the checkpoints of the current file', () => {
  for (const [id, bug] of [
    ['raft', 'commit-old-term'],
    ['register', 'stale-backup-reads'],
    ['2pc', 'participant-decides-alone'],
  ] as const) {
    it(`${id} ${bug}: gives every attempt the first violation a fresh run gives it`, () => {
      const protocol = getProtocol(id) as AnyProtocol;
      const original = failureOf(id, bug);
      const target = firstViolation(original, protocol, getProtocol, 5000)?.invariant;
      let fromCheckpoint = 0;
      fc.assert(
        fc.property(fc.array(change, { minLength: 4, maxLength: 10 }), (changes) => {
          const replay = new PrefixReplay(protocol, getProtocol, 5000);
          let current = original;
          replay.rebase(current);
          for (const c of changes) {
            const attempt = applyChange(current, c);
            const fresh = firstViolation(attempt, protocol, getProtocol, 5000);
            expect(replay.firstViolation(attempt)).toEqual(fresh);
            // As the shrinker does: an attempt that still fails the same way becomes the current file.
            if (fresh?.invariant === target) {
              current = attempt;
              replay.rebase(current);
            }
          }
          fromCheckpoint += replay.fromCheckpoint;
        }),
        { numRuns: 4, seed: 12 },
      );
      expect(fromCheckpoint).toBeGreaterThan(0);
    });
  }
});
