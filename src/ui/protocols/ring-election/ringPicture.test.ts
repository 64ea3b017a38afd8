import { describe, expect, it } from 'vitest';
import { chipsOf, countWords, placeOnCircle, progress } from './ringPicture';

const center = { x: 100, y: 100 };

describe('the ring panel picture', () => {
  it('places the first process at the top and the next ones clockwise', () => {
    const top = placeOnCircle(0, 4, center, 50);
    const right = placeOnCircle(1, 4, center, 50);
    expect(top.x).toBeCloseTo(100);
    expect(top.y).toBeCloseTo(50);
    expect(right.x).toBeCloseTo(150);
    expect(right.y).toBeCloseTo(100);
  });

  it('puts a message halfway along the arc to the next process halfway through its time on the wire', () => {
    const m = {
      id: 1,
      from: 'n4',
      to: 'n1',
      message: { type: 'Election' as const, uid: 7 },
      sentAtMs: 100,
      deliverAtMs: 200,
      isLost: false,
    };
    expect(progress(m, 150)).toBe(0.5);
    expect(progress(m, 500)).toBe(1);
    const [chip] = chipsOf([m], ['n1', 'n2', 'n3', 'n4'], 150, center, 50);
    // From n4 (left) towards n1 (top), clockwise: half way is up and to the left.
    expect(chip).toMatchObject({ id: 1, type: 'Election', uid: 7 });
    expect(chip?.x).toBeCloseTo(100 - 50 * Math.SQRT1_2);
    expect(chip?.y).toBeCloseTo(100 - 50 * Math.SQRT1_2);
  });

  it('says where a count stands against 2n - 1, n H_n and n(n + 1)/2', () => {
    expect(countWords(0, 11, 14.7, 21)).toBe('No Election message sent yet.');
    expect(countWords(11, 11, 14.7, 21)).toBe('11: the best case, 2n - 1.');
    expect(countWords(15, 11, 14.7, 21)).toBe('15: between the average and the worst case.');
    expect(countWords(21, 11, 14.7, 21)).toBe('21: the worst case, n(n + 1)/2.');
    expect(countWords(25, 9, 11.42, 15)).toMatch(/^25: past the worst case/);
  });
});
