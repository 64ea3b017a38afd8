import { describe, expect, it } from 'vitest';
import type { Input } from '../engine/types';
import { getProtocol } from '../protocols';
import { preset } from '../testing/scenarios';
import { applyEdit } from './authoring';
import { embedCode, embedOptions, embedUrl } from './embed';
import { captionAt, nextPause, pausePoints, previousPause } from './lecture';

const story: Input[] = [
  { at: 0, type: 'caption', text: 'one' },
  { at: 500, type: 'pause', text: 'first?' },
  { at: 900, type: 'caption', text: 'two' },
  { at: 1500, type: 'pause' },
];

describe('pause points and captions', () => {
  it('steps from one pause point to the next and back', () => {
    const points = pausePoints(story);
    expect(nextPause(points, 0)).toEqual({ at: 500, text: 'first?' });
    expect(nextPause(points, 500)).toEqual({ at: 1500, text: '' });
    expect(nextPause(points, 1500)).toBeUndefined();
    expect(previousPause(points, 1500)).toEqual({ at: 500, text: 'first?' });
    expect(previousPause(points, 500)).toBeUndefined();
  });

  it('shows the caption in force', () => {
    expect(captionAt(story, 899)).toBe('one');
    expect(captionAt(story, 900)).toBe('two');
  });
});

describe('embed options', () => {
  it('reads autoplay, speed, panels and the start time', () => {
    const o = embedOptions('?embed&autoplay&speed=0.1&panels=caption,diagram&t=2.5');
    expect(o).toMatchObject({ isEmbed: true, autoplay: true, speed: 0.1, startMs: 2500, problems: [] });
    expect([...o.panels]).toEqual(['caption', 'diagram']);
  });

  it('falls back with a note on bad values', () => {
    const o = embedOptions('?embed&speed=fast&panels=caption,popcorn&t=-1');
    expect(o.speed).toBeNull();
    expect(o.startMs).toBe(0);
    expect(o.problems).toHaveLength(3);
  });

  it('builds an embed address and an escaped iframe snippet', () => {
    const url = embedUrl('https://x.org/app/?preset=raft/lecture#s=abc', {
      autoplay: true,
      speed: 0.05,
      panels: ['caption'],
    });
    expect(url).toBe('https://x.org/app/?embed&autoplay&speed=0.05&panels=caption&preset=raft%2Flecture#s=abc');
    expect(embedCode(url, 'A "quoted" <title>')).toContain('title="A &quot;quoted&quot; &lt;title&gt;"');
  });
});

describe('authoring', () => {
  const s = preset('raft/leader-crash');

  it('inserts a pause, edits a caption, moves and deletes inputs, renames: each a valid scenario in time order', () => {
    let result = applyEdit(s, s.events, { kind: 'insert-pause', at: 1000, text: 'think' }, getProtocol);
    if (!result.ok) throw new Error(result.errors.join());
    const withPause = result.scenario;
    expect(withPause.events.map((e) => e.at)).toEqual([...withPause.events.map((e) => e.at)].sort((a, b) => a - b));
    const captionIndex = withPause.events.findIndex((e) => e.type === 'caption');
    result = applyEdit(
      withPause,
      withPause.events,
      { kind: 'caption', index: captionIndex, text: 'edited' },
      getProtocol,
    );
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.scenario.events[captionIndex]).toMatchObject({ type: 'caption', text: 'edited' });
    result = applyEdit(result.scenario, result.scenario.events, { kind: 'move', index: 0, at: 4000 }, getProtocol);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.scenario.events.at(-1)?.at).toBe(4000);
    const count = result.scenario.events.length;
    result = applyEdit(result.scenario, result.scenario.events, { kind: 'delete', index: 0 }, getProtocol);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.scenario.events).toHaveLength(count - 1);
    result = applyEdit(result.scenario, result.scenario.events, { kind: 'rename', title: 'Mine' }, getProtocol);
    expect(result.ok && result.scenario.title).toBe('Mine');
  });

  it('rejects a bad edit naming the field', () => {
    const result = applyEdit(s, s.events, { kind: 'move', index: 0, at: -5 }, getProtocol);
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^events\[0\]\.at: /)] });
  });
});
