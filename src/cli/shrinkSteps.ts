import type { Input } from '../engine/types';
import { ddmin } from './ddmin';
import type { ScenarioFile, ShrinkSearch } from './shrinkSearch';

/**
 * The shrinker's steps. Each takes a file that fails (search.fails holds) and returns one that still fails:
 * a change is kept only when its candidate fails the same way, so every step is safe to stop anywhere.
 */

const eventsOf = (file: ScenarioFile): readonly Input[] => (file.events as Input[] | undefined) ?? [];
const withEvents = (file: ScenarioFile, events: readonly Input[]): ScenarioFile => ({ ...file, events: [...events] });

/**
 * Delta debugging over the inputs: the fewest events that still break the invariant (ddmin.ts). First each
 * kind of input as a unit (every `network` change, every `timeout`): a failure seldom needs every kind, and
 * the kinds are spread over the whole run, where ddmin's halves of the run would each keep some.
 */
export function dropInputs(file: ScenarioFile, search: ShrinkSearch): ScenarioFile {
  let events = eventsOf(file);
  for (const type of [...new Set(events.map((e) => e.type))]) {
    const rest = events.filter((e) => e.type !== type);
    if (rest.length < events.length && search.fails(withEvents(file, rest))) events = rest;
  }
  const kept = ddmin(
    events,
    (subset) => search.fails(withEvents(file, subset)),
    () => search.isSpent,
  );
  return kept.length < eventsOf(file).length ? withEvents(file, kept) : file;
}

/**
 * The smallest integer in (lo, hi] at which `at(t)` still fails, by bisection, with `hi` known to fail; `hi`
 * itself when none below it does. The answers need not be monotone in t: whatever bisection settles on failed.
 */
function earliest(lo: number, hi: number, fails: (t: number) => boolean, search: ShrinkSearch): number {
  let low = Math.ceil(lo);
  let high = hi;
  while (low < high && !search.isSpent) {
    const mid = Math.floor((low + high) / 2);
    if (fails(mid)) high = mid;
    else low = mid + 1;
  }
  return high;
}

/**
 * Ends the run as early as it can still break the invariant: a shorter `until`. The tail the fuzzer added
 * (tail.ts) went with the inputs it did not need; what is left past the new end never applies, so it goes too.
 */
export function shortenUntil(file: ScenarioFile, search: ShrinkSearch): ScenarioFile {
  const until = file.until as number;
  const at = (t: number): ScenarioFile =>
    withEvents(
      { ...file, until: t },
      eventsOf(file).filter((e) => e.at <= t),
    );
  const end = earliest(0, until, (t) => search.fails(at(t)), search);
  if (end < until) return at(end);
  const trimmed = at(until);
  return eventsOf(trimmed).length < eventsOf(file).length && search.fails(trimmed) ? trimmed : file;
}

/**
 * Moves each input, first to last, as early as it can go and still break the invariant, never before the
 * input ahead of it: the order of the inputs, and so the order of equal times (file order), stays. First with
 * every input after it and the end (the gap before it closes, the timing after it stays), then alone.
 */
export function moveEarlier(file: ScenarioFile, search: ShrinkSearch): ScenarioFile {
  let current = file;
  for (const withRest of [true, false]) {
    for (let i = 0; i < eventsOf(current).length && !search.isSpent; i++) {
      const events = eventsOf(current);
      const event = events[i] as Input;
      const floor = i > 0 ? (events[i - 1] as Input).at : 0;
      if (event.at <= floor) continue;
      const moved = (t: number): ScenarioFile => {
        const by = event.at - t;
        if (!withRest) return withEvents(current, events.with(i, { ...event, at: t }));
        const later = events.map((e, j) => (j < i ? e : { ...e, at: e.at - by }));
        return withEvents({ ...current, until: (current.until as number) - by }, later);
      };
      const at = earliest(floor, event.at, (t) => search.fails(moved(t)), search);
      if (at < event.at) current = moved(at);
    }
  }
  return current;
}

/**
 * Drops the configuration and link-model settings the failure does not need (they fall back to their
 * defaults), then servers and clients it does not need (from the last: a file naming a node it no longer has
 * does not parse, so it is no candidate). One run per setting at most, and per node.
 */
export function dropKnobs(file: ScenarioFile, search: ShrinkSearch): ScenarioFile {
  let current = file;
  for (const field of ['config', 'network'] as const) {
    const knobs = current[field];
    if (typeof knobs !== 'object' || knobs === null || Object.keys(knobs).length === 0) continue;
    const { [field]: _, ...without } = current;
    if (search.fails(without)) {
      current = without;
      continue;
    }
    for (const key of Object.keys(knobs).sort()) {
      const { [key]: __, ...rest } = current[field] as Record<string, unknown>;
      const candidate = { ...current, [field]: rest };
      if (search.fails(candidate)) current = candidate;
    }
  }
  for (const field of ['nodes', 'clients'] as const) {
    let count = current[field];
    // A count only: a list of ids names them, and the file's author chose them.
    while (typeof count === 'number' && count > 1 && !search.isSpent) {
      const candidate = { ...current, [field]: count - 1 };
      if (!search.fails(candidate)) break;
      current = candidate;
      count = current[field];
    }
  }
  return current;
}
