import { describe, expect, it } from 'vitest';
import { preset, simulate } from '../../testing/scenarios';
import { textWidth } from './labels';
import { buildModel } from './model';
import { buildScene } from './scene';
import { FONT_PX } from './style';

describe('the now label', () => {
  it('stays out of the corner kept for the zoom control, even at t = 0 where the line stands under it', () => {
    const sim = simulate(preset('raft/leader-crash'), 0);
    const model = buildModel({
      trace: sim.trace,
      traceLength: sim.traceLength,
      nowMs: 0,
      nodeIds: sim.nodeIds(),
      startMs: 0,
      endMs: 500,
      describeMessage: sim.protocol.describeMessage,
    });
    const reserved = 140;
    const scene = buildScene(model, {
      width: 700,
      height: 240,
      clocks: 'none',
      highlighted: null,
      reservedTopLeftPx: reserved,
    });
    const label = scene.cursor?.label;
    expect(label).toBeDefined();
    if (!label) return;
    const left = label.anchor === 'end' ? label.x - textWidth(label.text, FONT_PX.mark) : label.x;
    expect(left).toBeGreaterThanOrEqual(reserved);
  });
});
