import { describe, expect, it } from 'vitest';
import { distanceToSegment2, linkMarks } from './linkGeometry';

describe('linkMarks', () => {
  const p = { x: 0, y: 0 };
  const q = { x: 100, y: 0 };

  it('draws an open link whole, with no cross', () => {
    const marks = linkMarks(p, q, 'open');
    expect(marks.line).toBe('M 0 0 L 100 0');
    expect(marks.cross).toBeNull();
    expect(marks.mid).toEqual({ x: 50, y: 0 });
  });

  it('breaks a cut link in the middle with the cross there, and puts a one-way cross near the deaf end', () => {
    const cut = linkMarks(p, q, 'cut');
    expect(cut.line).toMatch(/^M 0 0 L 44 0 M 56(\.0*1)? 0 L 100 0$/);
    expect(cut.cross).toEqual({ x: 50, y: 0 });
    expect(linkMarks(p, q, 'cut-ab').cross?.x).toBeCloseTo(78);
    expect(linkMarks(p, q, 'cut-ba').cross?.x).toBeCloseTo(22);
    // Across a partition: broken, no cross.
    expect(linkMarks(p, q, 'partitioned').cross).toBeNull();
  });
});

describe('distanceToSegment2', () => {
  it('measures to the nearest point of the segment, ends included', () => {
    expect(distanceToSegment2({ x: 50, y: 3 }, { x: 0, y: 0 }, { x: 100, y: 0 })).toBe(9);
    expect(distanceToSegment2({ x: -3, y: 4 }, { x: 0, y: 0 }, { x: 100, y: 0 })).toBe(25);
    expect(distanceToSegment2({ x: 104, y: 0 }, { x: 0, y: 0 }, { x: 100, y: 0 })).toBe(16);
    // A link of no length (two cards at one place) is its point.
    expect(distanceToSegment2({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBe(25);
  });
});
