import { describe, expect, it } from 'vitest';
import {
  arrowHead,
  arrowProgress,
  arrowSegment,
  LOST_AT,
  laneY,
  plotOf,
  timeTicks,
  timeToX,
  visibleWindow,
  xToTime,
} from './geometry';
import { isSparse, Placer } from './labels';
import type { MessageSpan } from './model';

const span = (fields: Partial<MessageSpan>): MessageSpan => ({
  id: 1,
  from: 'n1',
  to: 'n2',
  label: 'Ping',
  isReply: false,
  isDuplicate: false,
  sentAtMs: 100,
  endAtMs: 120,
  dueAtMs: 120,
  isLost: false,
  fate: 'delivered',
  ...fields,
});

describe('the time window', () => {
  it('starts at zero until now passes most of it, then follows now', () => {
    expect(visibleWindow(300, 1000)).toEqual({ startMs: 0, endMs: 1000 });
    expect(visibleWindow(5000, 1000)).toEqual({ startMs: 4080, endMs: 5080 });
  });

  it('maps time to x and back', () => {
    const plot = plotOf(900, 300);
    const window = { startMs: 1000, endMs: 2000 };
    expect(timeToX(plot, window, 1000)).toBe(plot.left);
    expect(timeToX(plot, window, 2000)).toBe(plot.right);
    expect(xToTime(plot, window, timeToX(plot, window, 1234))).toBe(1234);
    expect(xToTime(plot, window, -50)).toBe(1000);
    expect(xToTime(plot, window, 5000)).toBe(2000);
  });

  it('spaces lanes evenly inside the plot', () => {
    const plot = plotOf(900, 300);
    const ys = [0, 1, 2, 3, 4].map((i) => laneY(plot, i, 5));
    const gaps = ys.slice(1).map((y, i) => y - (ys[i] as number));
    expect(new Set(gaps.map((g) => g.toFixed(6))).size).toBe(1);
    expect(ys[0]).toBeGreaterThan(plot.top);
    expect(ys[4]).toBeLessThan(plot.bottom);
  });

  it('puts round ticks far enough apart to read', () => {
    const ticks = timeTicks({ startMs: 80, endMs: 1080 }, 820);
    expect(ticks.map((t) => t.atMs)).toEqual([200, 400, 600, 800, 1000]);
    expect(ticks[0]?.label).toBe('0.2 s');
  });
});

describe('arrow ends', () => {
  it('reach the receiver when delivered', () => {
    expect(arrowProgress(span({}))).toBe(1);
  });

  it('stop where a message in flight is now', () => {
    expect(arrowProgress(span({ fate: 'inFlight', endAtMs: 105 }))).toBeCloseTo(0.25);
  });

  it('stop half way for a message the network lost, as on the canvas', () => {
    const lost = span({ fate: 'dropped', reason: 'loss', isLost: true, dueAtMs: 110, endAtMs: 110 });
    expect(arrowProgress(lost)).toBe(LOST_AT);
  });

  it('keep a drop at the send or at the arrival clear of both lanes', () => {
    const atSend = span({ fate: 'dropped', reason: 'partition', endAtMs: 100, dueAtMs: 100 });
    const atArrival = span({ fate: 'dropped', reason: 'crashed', endAtMs: 120 });
    expect(arrowProgress(atSend)).toBeGreaterThan(0.1);
    expect(arrowProgress(atArrival)).toBeLessThan(1);
  });

  it('go from the sender lane at the send time to the receiver lane at the delivery time', () => {
    const plot = plotOf(900, 300);
    const window = { startMs: 0, endMs: 1000 };
    const lanes: Record<string, number> = { n1: 50, n2: 150 };
    const s = arrowSegment(plot, window, span({}), (n) => lanes[n]);
    expect(s).toEqual({ x1: timeToX(plot, window, 100), y1: 50, x2: timeToX(plot, window, 120), y2: 150 });
    expect(arrowSegment(plot, window, span({ to: 'n9' }), (n) => lanes[n])).toBeNull();
  });

  it('end in a head whose tip is the arrow end, symmetric about the shaft', () => {
    const [a, tip, b] = arrowHead({ x1: 0, y1: 0, x2: 0, y2: 100 }, 10);
    expect(tip).toEqual([0, 100]);
    expect(a?.[1]).toBeCloseTo(90);
    expect(b?.[1]).toBeCloseTo(90);
    expect((a?.[0] ?? 0) + (b?.[0] ?? 0)).toBeCloseTo(0);
  });
});

describe('density', () => {
  it('hides labels when arrows are crowded', () => {
    expect(isSparse(10, 820)).toBe(true);
    expect(isSparse(100, 820)).toBe(false);
  });

  it('never lets two labels overlap', () => {
    const placer = new Placer({ x: 0, y: 0, w: 900, h: 300 });
    expect(placer.tryPlace({ x: 10, y: 10, w: 80, h: 18 })).toBe(true);
    expect(placer.tryPlace({ x: 60, y: 20, w: 80, h: 18 })).toBe(false);
    expect(placer.tryPlace({ x: 200, y: 20, w: 80, h: 18 })).toBe(true);
    expect(placer.tryPlace({ x: 880, y: 20, w: 80, h: 18 })).toBe(false);
  });
});
