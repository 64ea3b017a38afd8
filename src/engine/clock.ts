import type { VirtualMs } from './basics';

/**
 * A node's local clock (spec/protocols.md §1.4), as pure data and arithmetic:
 * `local(t) = t + o + (rho + sigma) * (t - s) / 1e6`, offset `o` (ms), hardware drift `rho` (ppm), the
 * protocol's slew `sigma` (ppm) and the anchor `s`. IEEE doubles in the order written, never rounded.
 */
export interface ClockState {
  readonly offsetMs: number;
  readonly driftPpm: number;
  readonly slewPpm: number;
  readonly anchorMs: VirtualMs;
}

/** A scenario's `clocks` entry: the clock at time 0. */
export interface ClockStart {
  readonly offsetMs?: number;
  readonly driftPpm?: number;
}

/** A `clock` input's change: `offsetMs` sets the offset, `jumpMs` adds to it, `driftPpm` sets the drift. */
export interface ClockChange {
  readonly offsetMs?: number;
  readonly driftPpm?: number;
  readonly jumpMs?: number;
}

/** A protocol's `adjustClock`: `stepMs` steps the offset, `slewPpm` sets the slew. */
export interface ClockAdjustment {
  readonly stepMs?: number;
  readonly slewPpm?: number;
}

/** The clock every node has unless the scenario says otherwise: it reads the virtual time. */
export const TRUE_CLOCK: ClockState = { offsetMs: 0, driftPpm: 0, slewPpm: 0, anchorMs: 0 };

/** §1.4: at time 0 `o` and `rho` come from `clocks` [0], `sigma = s = 0`. */
export function startClock(start: ClockStart | undefined): ClockState {
  if (start === undefined) return TRUE_CLOCK;
  return { offsetMs: start.offsetMs ?? 0, driftPpm: start.driftPpm ?? 0, slewPpm: 0, anchorMs: 0 };
}

export const isTrueClock = (c: ClockState): boolean => c.offsetMs === 0 && c.driftPpm === 0 && c.slewPpm === 0;

/** §1.4: the clock's reading at virtual time `t`. A true clock reads `t` itself (no arithmetic at all). */
export function localTime(c: ClockState, t: VirtualMs): VirtualMs {
  if (c === TRUE_CLOCK) return t;
  return t + c.offsetMs + ((c.driftPpm + c.slewPpm) * (t - c.anchorMs)) / 1e6;
}

/** §1.4: the rebase before any change: `o <- local(t) - t`, `s <- t`, so the reading is continuous. */
export function rebase(c: ClockState, t: VirtualMs): ClockState {
  return { ...c, offsetMs: localTime(c, t) - t, anchorMs: t };
}

/** §1.4: a `clock` event at `t`: rebase, then `offsetMs` sets `o`, `jumpMs` adds to `o`, `driftPpm` sets `rho`. */
export function changeClock(c: ClockState, t: VirtualMs, change: ClockChange): ClockState {
  const based = rebase(c, t);
  let offsetMs = based.offsetMs;
  if (change.offsetMs !== undefined) offsetMs = change.offsetMs;
  if (change.jumpMs !== undefined) offsetMs = offsetMs + change.jumpMs;
  return { ...based, offsetMs, driftPpm: change.driftPpm ?? based.driftPpm };
}

/** §1.4: a protocol's adjustment at `t`: `stepMs` steps `o` (after a rebase), `slewPpm` sets `sigma`. */
export function adjustClock(c: ClockState, t: VirtualMs, change: ClockAdjustment): ClockState {
  const based = rebase(c, t);
  const offsetMs = change.stepMs === undefined ? based.offsetMs : based.offsetMs + change.stepMs;
  return { ...based, offsetMs, slewPpm: change.slewPpm ?? based.slewPpm };
}

/**
 * §1.4: timers run at the clock's rate, as set when the timer is: a delay `d` lasts
 * `d * 1e6 / (1e6 + rho + sigma)` of virtual time (a fast clock's timers fire early). Rate 0 leaves `d` as it is.
 */
export function timerSpan(c: ClockState, delayMs: number): number {
  const rate = c.driftPpm + c.slewPpm;
  return rate === 0 ? delayMs : (delayMs * 1e6) / (1e6 + rate);
}

/** §1.4, runner JSON: `{ offsetMs: local(t) - t, driftPpm: rho + sigma }`. */
export function clockReading(c: ClockState, t: VirtualMs): { readonly offsetMs: number; readonly driftPpm: number } {
  return { offsetMs: localTime(c, t) - t, driftPpm: c.driftPpm + c.slewPpm };
}
