import { describe, expect, it } from 'vitest';
import { embedOptions } from './embed';
import { embedSnippet, layoutFrom, playerStart, startLink, startPlayer } from './player';
import { presetScenario } from './scenarios';
import { Store } from './store';

const PAGE = 'https://lab.example/netsplit/?preset=raft/lecture&speed=0.1';

describe('the embedded player and presenter mode', () => {
  it('chooses the layout from the address: embed beats present', () => {
    expect(layoutFrom('?embed&present', embedOptions('?embed&present'))).toBe('embed');
    expect(layoutFrom('?present', embedOptions('?present'))).toBe('presenter');
    expect(layoutFrom('?preset=raft/lecture', embedOptions(''))).toBe('workbench');
  });

  it('starts at t, else at a link’s time, and notes ignored options once', () => {
    const embed = embedOptions('?embed&autoplay&t=2.5&speed=fast&panels=caption,popcorn');
    const start = playerStart(embed, { nowMs: 700, problems: ['Speed "fast" is not a number between 0 and 1000.'] });
    expect(start).toMatchObject({ nowMs: 2500, isPlaying: true });
    expect(start.problems).toHaveLength(2);
    expect(start.problems[1]).toMatch(/^Ignored: panel "popcorn"/);
    expect(playerStart(embedOptions('?embed'), { nowMs: 700, problems: [] })).toMatchObject({
      nowMs: 700,
      isPlaying: false,
    });
  });

  it('plays from t once the seek has arrived, and stops at the next pause point', () => {
    const store = new Store(presetScenario('raft/lecture'), { speed: 1, playing: false });
    startPlayer(store, 500, true);
    for (let i = 0; i < 1000 && store.getState().seeking; i++) store.tick(16);
    expect(store.getState()).toMatchObject({ now: 500, playing: true });
    for (let i = 0; i < 200 && store.getState().playing; i++) store.tick(16);
    expect(store.getState().now).toBe(1100);
  });

  it('links to a preset as it ships by name, and to a changed run by its scenario', () => {
    const store = new Store(presetScenario('raft/lecture'), { presetId: 'raft/lecture', speed: 1 });
    expect(startLink(store, PAGE)).toBe('https://lab.example/netsplit/?preset=raft%2Flecture');
    store.play();
    store.tick(16);
    store.act({ type: 'crash', node: 'n2' });
    expect(startLink(store, PAGE)).toMatch(/^https:\/\/lab\.example\/netsplit\/#s=/);
  });

  it('gives an iframe snippet that autoplays the run at the current speed', () => {
    const store = new Store(presetScenario('raft/lecture'), { presetId: 'raft/lecture', speed: 0.1 });
    const snippet = embedSnippet(store, PAGE);
    expect(snippet).toContain(
      'src="https://lab.example/netsplit/?embed&amp;autoplay&amp;speed=0.1&amp;preset=raft%2Flecture"',
    );
    expect(snippet).toContain('title="netsplit: Lecture: Raft in ten minutes"');
  });
});
