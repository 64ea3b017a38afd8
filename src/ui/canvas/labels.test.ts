import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, boxesMeet, boxMeetsCircle, type LabelInput, type LabelSpace, layoutLabels, tether } from './labels';

/** Labels 8 units per character and 20 tall; two nodes, 100 units across, at (0, 0) and (400, 0). */
const space: LabelSpace = {
  measure: (text) => ({ width: text.length * 8 + 16, height: 20 }),
  dot: 6,
  gap: 4,
  circles: [
    { x: 0, y: 0, r: 50 },
    { x: 400, y: 0, r: 50 },
  ],
  boxes: [],
};

const east = { x: 1, y: 0 };
const message = (id: number, text: string, x: number, y = 7, dir = east): LabelInput => ({
  id,
  text,
  at: { x, y },
  dir,
});

const placed = (plans: ReturnType<typeof layoutLabels>) => plans.flatMap((p) => (p.box ? [p.box] : []));

describe('message labels', () => {
  it('sit beside their dot, clear of the nodes, when there is room', () => {
    const [plan] = layoutLabels([message(1, 'RequestVote t2', 200)], space);
    expect(plan?.box).not.toBeNull();
    const box = plan?.box as Box;
    for (const c of space.circles) expect(boxMeetsCircle(box, c)).toBe(false);
    // Near its dot: within a label's length of it.
    expect(Math.abs(box.x + box.width / 2 - 200)).toBeLessThanOrEqual(box.width);
    expect(boxMeetsCircle(box, { x: 200, y: 7, r: space.dot })).toBe(false);
  });

  it('never cover a node, even for a message just leaving it', () => {
    const plans = layoutLabels([message(1, 'Append ✓ to 2', 54)], space);
    const box = plans[0]?.box as Box;
    expect(box).toBeTruthy();
    for (const c of space.circles) expect(boxMeetsCircle(box, c)).toBe(false);
  });

  it('merge messages with the same words close together into one label that counts them', () => {
    const heartbeats = [0, 1, 2, 3].map((i) => message(i + 1, 'Heartbeat', 150 + i * 12, 7 + i * 9));
    const plans = layoutLabels(heartbeats, space);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.text).toBe('Heartbeat ×4');
    expect(plans[0]?.members).toEqual([1, 2, 3, 4]);
  });

  it('never show ×1, and keep different words apart', () => {
    const plans = layoutLabels([message(1, 'Heartbeat', 150), message(2, 'Vote ✓', 160, -7)], space);
    expect(plans.map((p) => p.text).sort()).toEqual(['Heartbeat', 'Vote ✓']);
  });

  it('keep a pinned (selected) message on its own label, placed first', () => {
    const plans = layoutLabels(
      [message(1, 'Heartbeat', 150), { ...message(2, 'Heartbeat', 156), isPinned: true }],
      space,
    );
    expect(plans[0]?.key).toBe(2);
    expect(plans[0]?.box).not.toBeNull();
    expect(plans.map((p) => p.text)).toEqual(['Heartbeat', 'Heartbeat']);
  });

  it('leave a label out rather than cover something when there is no room', () => {
    const crowded: LabelSpace = { ...space, circles: [{ x: 100, y: 0, r: 400 }] };
    const [plan] = layoutLabels([message(1, 'Heartbeat', 100)], crowded);
    expect(plan?.box).toBeNull();
    expect(plan?.slot).toBe(-1);
  });

  it('stay inside the part of the canvas in view', () => {
    const bounds = { x: 0, y: -40, width: 400, height: 80 };
    const plans = layoutLabels([message(1, 'RequestVote t2', 200, 7), message(2, 'Vote ✓', 200, -7)], {
      ...space,
      bounds,
    });
    for (const box of placed(plans)) {
      expect(box.x).toBeGreaterThanOrEqual(bounds.x);
      expect(box.y).toBeGreaterThanOrEqual(bounds.y);
      expect(box.x + box.width).toBeLessThanOrEqual(bounds.x + bounds.width);
      expect(box.y + box.height).toBeLessThanOrEqual(bounds.y + bounds.height);
    }
    const none = layoutLabels([message(1, 'Heartbeat', 200)], {
      ...space,
      bounds: { x: 0, y: 0, width: 10, height: 10 },
    });
    expect(none[0]?.box).toBeNull();
  });

  it('keep last frame’s place while it is still free, so labels do not hop', () => {
    const first = layoutLabels([message(1, 'Heartbeat', 200)], space);
    const slot = 3;
    const again = layoutLabels([message(1, 'Heartbeat', 202)], { ...space, previous: new Map([[1, slot]]) });
    expect(first[0]?.slot).toBe(0);
    expect(again[0]?.slot).toBe(slot);
    // A label that had no place last frame looks for one afresh.
    const after = layoutLabels([message(1, 'Heartbeat', 200)], { ...space, previous: new Map([[1, -1]]) });
    expect(after[0]?.slot).toBe(0);
  });

  it('tie a label that slid away to its nearest dot with a line, and none when it sits beside it', () => {
    const box = { x: 100, y: 0, width: 60, height: 20 };
    expect(tether(box, [{ x: 95, y: 10 }], 12)).toBeNull();
    const line = tether(
      box,
      [
        { x: 20, y: 10 },
        { x: 60, y: 30 },
      ],
      12,
    );
    expect(line?.from).toEqual({ x: 60, y: 30 });
    expect(line?.to).toEqual({ x: 100, y: 20 });
  });

  it('never overlap one another, nor a node, nor any dot, for any messages on the link', () => {
    const arb = fc.array(
      fc.record({
        x: fc.integer({ min: 54, max: 346 }),
        text: fc.constantFrom('Heartbeat', 'Vote ✓', 'AppendEntries 3 entries', 'RequestVote t4'),
        back: fc.boolean(),
      }),
      { maxLength: 14 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const inputs = specs.map((s, i) =>
          message(i + 1, s.text, s.x, s.back ? -7 : 7, s.back ? { x: -1, y: 0 } : east),
        );
        const plans = layoutLabels(inputs, space);
        const boxes = placed(plans);
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) expect(boxesMeet(a, b)).toBe(false);
          for (const c of space.circles) expect(boxMeetsCircle(a, c)).toBe(false);
          for (const m of inputs) expect(boxMeetsCircle(a, { x: m.at.x, y: m.at.y, r: space.dot })).toBe(false);
        }
        // Every message is in exactly one plan.
        expect(plans.flatMap((p) => p.members).sort((a, b) => a - b)).toEqual(inputs.map((m) => m.id));
      }),
    );
  });
});
