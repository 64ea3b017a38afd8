import { describe, expect, it } from 'vitest';
import { presetScenario } from '../scenarios';
import { nodeOf } from '../selectors';
import { Store } from '../store';
import { PairStore, partnerOf } from './compare';

const A = 'raft/disruptive-rejoin';
const B = 'raft/prevote-rejoin';

/** The Raft PreVote pair, side by side, at full speed (1 virtual ms per wall ms). */
function pair(options: { playing?: boolean } = {}) {
  const store = new PairStore(presetScenario(A), { presetId: A, speed: 1, ...options });
  const side = store.compareWith(presetScenario(B), B);
  return { store, side };
}

const times = (p: ReturnType<typeof pair>) => [p.store.getState().now, p.side.getState().now];
const termOf = (store: PairStore | ReturnType<typeof pair>['side'], id: string) =>
  (nodeOf(store.getState().frame, id)?.view as { term?: number } | undefined)?.term;

describe('comparing two runs on one clock', () => {
  it('plays both runs to the same virtual time, frame after frame', () => {
    const p = pair();
    for (let i = 0; i < 40; i++) {
      p.store.tick(16);
      const [a, b] = times(p);
      expect(b).toBe(a);
    }
    expect(p.store.getState().now).toBeGreaterThan(500);
  });

  it('stops both at the pause point, and there the cut-off server has raised its term only without PreVote', () => {
    const p = pair();
    for (let i = 0; i < 1000 && p.store.getState().playing; i++) p.store.tick(16);
    expect(times(p)).toEqual([2500, 2500]);
    expect(p.store.getState().notice).toMatch(/^Paused: /);
    expect(p.side.getState().notice).toMatch(/^Paused: /);
    const disruptive = termOf(p.store, 'n2') ?? 0;
    const withPreVote = termOf(p.side, 'n2') ?? 0;
    expect(disruptive).toBeGreaterThan(withPreVote + 2);
  });

  it('seeks both runs to the same time, back and forth, even past what was computed (in slices)', () => {
    const p = pair({ playing: false });
    p.store.seek(3200);
    for (let i = 0; i < 500 && (p.store.getState().seeking || p.side.getState().seeking); i++) p.store.tick(16);
    expect(times(p)).toEqual([3200, 3200]);
    p.store.seek(700);
    expect(times(p)).toEqual([700, 700]);
    // Asked of the side (its canvas, its panels), the seek moves the pair.
    p.side.seek(1200);
    for (let i = 0; i < 500 && (p.store.getState().seeking || p.side.getState().seeking); i++) p.store.tick(16);
    expect(times(p)).toEqual([1200, 1200]);
  });

  it('steps to the nearer next event of either run, and back, both runs at one time after each step', () => {
    const p = pair({ playing: false });
    p.store.runTo(1000);
    expect(times(p)).toEqual([1000, 1000]);
    for (let i = 0; i < 30; i++) {
      const before = p.store.getState().now;
      const next = Math.min(p.side.nextEventAt() ?? Number.POSITIVE_INFINITY, nextOfLead(p.store));
      p.store.stepEvent();
      const [a, b] = times(p);
      expect(b).toBe(a);
      expect(a).toBeLessThanOrEqual(next);
      expect(a).toBeGreaterThanOrEqual(before);
    }
    for (let i = 0; i < 10; i++) {
      const before = p.store.getState().now;
      p.store.stepForward();
      const [a, b] = times(p);
      expect(b).toBe(a);
      expect(a).toBeGreaterThan(before);
    }
    for (let i = 0; i < 10; i++) {
      const before = p.store.getState().now;
      p.store.stepBack();
      const [a, b] = times(p);
      expect(b).toBe(a);
      expect(a).toBeLessThan(before);
    }
    expect(p.store.getState().playing).toBe(false);
  });

  it('applies a fault from one side to that side only, both still at one time', () => {
    const p = pair({ playing: false });
    p.store.runTo(600.4);
    p.side.act({ type: 'crash', node: 'n1' });
    const [a, b] = times(p);
    expect(b).toBe(a);
    expect(nodeOf(p.side.getState().frame, 'n1')?.isUp).toBe(false);
    expect(nodeOf(p.store.getState().frame, 'n1')?.isUp).toBe(true);
    expect(p.side.getState().frame.inputs).toContainEqual({ type: 'crash', node: 'n1', at: 601 });
  });

  it('puts both runs on one timeline: the end is the later end, the markers are both runs’', () => {
    const p = pair({ playing: false });
    p.store.seek(3000);
    const markers = p.store.timelineMarkers();
    const ts = markers.map((m) => m.t);
    expect(ts).toEqual([...ts].sort((x, y) => x - y));
    const sideOnly = p.side.timelineMarkers().filter((m) => m.kind === 'caption');
    for (const m of sideOnly) expect(markers).toContainEqual(m);
    expect(p.store.endMs()).toBe(Math.max(p.side.endMs(), 4000));
  });

  it('leaves each run as it would be alone: the same trace, event for event', () => {
    const p = pair();
    for (let i = 0; i < 1000 && p.store.getState().now < 3500; i++) {
      p.store.tick(16);
      if (!p.store.getState().playing) p.store.play();
    }
    const now = p.store.getState().now;
    for (const [id, store] of [
      [A, p.store],
      [B, p.side],
    ] as const) {
      const alone = new Store(presetScenario(id), { playing: false });
      // runTo stops at pause points as play does: on again from each.
      for (let i = 0; i < 10 && alone.getState().now < now; i++) alone.runTo(now);
      expect(alone.getState().now).toBe(now);
      expect(store.getState().frame.trace.hash).toBe(alone.getState().frame.trace.hash);
    }
  });

  it('ends the comparison when another run is opened in its place', () => {
    const p = pair();
    expect(partnerOf(p.store)).toBe(p.side);
    p.store.load(presetScenario('raft/first-election'), 'raft/first-election');
    expect(partnerOf(p.store)).toBeNull();
    p.store.tick(16);
    expect(p.store.getState().now).toBe(16);
  });

  it('is the plain store while it shows one run', () => {
    const store = new PairStore(presetScenario(A), { presetId: A, speed: 1 });
    for (let i = 0; i < 300 && store.getState().playing; i++) store.tick(16);
    expect(store.getState().now).toBe(2500);
    store.stepEvent();
    expect(store.getState().now).toBeGreaterThan(2500);
  });
});

function nextOfLead(store: PairStore): number {
  // The lead's next event, as the engine takes it: a plain store of the same run, one event on.
  const probe = new Store(store.getState().scenario, { playing: false });
  probe.runTo(store.getState().now);
  probe.stepEvent();
  return probe.getState().now;
}
