import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../app/scenarios';
import { Store } from '../../app/store';
import { cardWidthFor, labelFontOf, labelSize, nodeObstacles } from './messageLook';
import { displayCentres, IDENTITY_STAGE } from './stage';

const role = (word: string) => ({ role: { word, color: '#0072b2', shape: 'circle' as const } });

describe('what the canvas measures for its labels and cards', () => {
  it('widens a card for a long role or badge, never narrows it', () => {
    const stage = { ...IDENTITY_STAGE, font: 16, cardWidth: 90 };
    expect(cardWidthFor(stage, role('node'), true)).toBe(90);
    const long = cardWidthFor(stage, { ...role('participant'), badge: { label: 't2', value: 'collecting' } }, true);
    expect(long).toBeGreaterThan(90);
  });

  it('reads labels a little smaller than the nodes’ words, never below 11 px, in boxes that fit their words', () => {
    expect(labelFontOf({ ...IDENTITY_STAGE, font: 12 })).toBe(11);
    expect(labelFontOf({ ...IDENTITY_STAGE, font: 30 })).toBe(24);
    const short = labelSize('Vote ✓', 14);
    const longer = labelSize('AppendEntries 3 entries', 14);
    expect(longer.width).toBeGreaterThan(short.width);
    expect(short.height).toBeGreaterThan(14);
  });

  it('keeps labels clear of every card', () => {
    const store = new Store(presetScenario('raft/leader-crash'), { playing: false });
    store.runTo(500);
    const { frame, positions } = store.getState();
    const { circles } = nodeObstacles(frame, displayCentres(IDENTITY_STAGE, positions), IDENTITY_STAGE);
    expect(circles).toHaveLength(frame.nodes.length);
    for (const c of circles) expect(c.r).toBeGreaterThanOrEqual(IDENTITY_STAGE.cardWidth / 2);
  });
});
