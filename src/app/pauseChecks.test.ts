import { describe, expect, it } from 'vitest';
import { getProtocol, presets } from '../protocols';
import { pausePoints } from './lecture';
import { presetScenario } from './scenarios';
import { Store } from './store';

/** One frame of the page's clock at real-time speed: the run stops by itself at each pause point. */
const FRAME_MS = 16;

/**
 * Every preset's pause points, played the way the app plays them: at each stop, the facts the preset
 * declares for that pause (its protocol's `pauseChecks`) must hold, so a later change to a protocol cannot
 * silently turn a caption or a question false.
 */
describe('each preset tells the truth at its pause points', () => {
  for (const entry of presets) {
    const scenario = presetScenario(entry.id);
    const points = pausePoints(scenario.events);
    if (points.length === 0) continue;
    const name = entry.id.slice(entry.protocol.length + 1);

    it(`${entry.id}: ${points.length} pause point(s)`, () => {
      const checks = getProtocol(entry.protocol)?.pauseChecks?.[name] ?? [];
      for (const point of points)
        expect(
          checks.filter((c) => c.at === point.at).length,
          `a fact for the pause at ${point.at} ms`,
        ).toBeGreaterThan(0);
      const store = new Store(scenario, { playing: true, speed: 1 });
      const stoppedAt: number[] = [];
      const end = Math.max(...points.map((p) => p.at));
      for (let frame = 0; store.getState().now <= end && frame < 100_000; frame++) {
        store.tick(FRAME_MS);
        const { playing, notice, now, frame: shown, alert } = store.getState();
        if (!playing && notice?.startsWith('Paused')) {
          stoppedAt.push(now);
          const scene = { nowMs: now, nodes: shown.nodes, inFlight: shown.messages };
          for (const check of checks.filter((c) => c.at === now))
            expect(check.holds(scene), `at ${now} ms: ${check.says}`).toBe(true);
        }
        if (!playing && (alert || notice)) store.play();
      }
      expect(stoppedAt).toEqual(points.map((p) => p.at));
    });
  }
});
