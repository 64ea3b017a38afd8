import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { presetScenario } from '../app/scenarios';
import { openLinkInTab } from '../app/session';
import { linkExtras } from '../app/share';
import { Store } from '../app/store';
import { MAX_TIME_MS } from '../scenario/schema';

/**
 * The hostile probe for links (issue 10): a fragment of any shape pasted into an open tab either opens a run
 * or leaves the current one exactly as it was with a short message; its extras never ask for more than a day.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 30);
const huge = fc.integer({ min: 1000, max: 100_000 }).map((n) => 'q'.repeat(n));
const text = fc.oneof(fc.string(), huge, fc.constantFrom('1e12', '-1', 'NaN', '__proto__', 'raft/lecture'));
const file = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({
      protocol: fc.oneof(fc.constantFrom('raft', '2pc'), text),
      nodes: fc.oneof(fc.nat(70), text),
      title: text,
    })
    .map((f) => JSON.stringify({ format: 'netsplit-scenario', version: 1, seed: 1, ...f })),
);
const fragment = fc.oneof(
  fc.string().map((s) => `#${s}`),
  fc
    .tuple(file, text, text, text)
    .map(([f, t, speed, from]) => `#s=${compressToEncodedURIComponent(f)}&t=${t}&speed=${speed}&from=${from}`),
  fc.tuple(huge, text).map(([garbage, t]) => `#s=${garbage}&t=${t}`),
);

describe('hostile links end cleanly', () => {
  it("a pasted link opens a run or leaves the user's run untouched, with a short message", async () => {
    await fc.assert(
      fc.asyncProperty(fragment, async (hash) => {
        const store = new Store(presetScenario('raft/leader-crash'), { playing: false });
        const before = store.getState();
        const opened = await openLinkInTab(store, hash, async () => {});
        const after = store.getState();
        if (!opened) {
          expect(after.frame).toBe(before.frame);
          expect(after.scenario).toBe(before.scenario);
        }
        expect((after.message?.text ?? '').length).toBeLessThan(2000);
        const extras = linkExtras(hash, () => true);
        expect(extras.nowMs).toBeGreaterThanOrEqual(0);
        expect(extras.nowMs).toBeLessThanOrEqual(MAX_TIME_MS);
      }),
      { numRuns: RUNS },
    );
  });
});
