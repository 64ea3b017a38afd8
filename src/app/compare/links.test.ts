import { describe, expect, it } from 'vitest';
import { getPreset, loadProtocol } from '../../protocols';
import { toFileText } from '../../scenario/encode';
import { presetScenario } from '../scenarios';
import { PairStore, partnerOf } from './compare';
import { comparisonLink, comparisonStartLink, partnerSource, readSharedPartner } from './links';
import { linkedRun, loadPartner, openComparisonLink } from './open';

const isPreset = (id: string) => getPreset(id) !== undefined;
const A = 'raft/disruptive-rejoin';
const B = 'raft/prevote-rejoin';
const at = (search: string, hash = '') => partnerSource({ search, hash }, isPreset);
const prepare = async () => {};

describe('the compare option of the address', () => {
  it('names a preset to show beside the run', () => {
    expect(at(`?preset=${A}&compare=${B}`)).toEqual({ kind: 'preset', presetId: B });
    expect(at(`?preset=${A}`)).toEqual({ kind: 'none' });
  });

  it('refuses a bad value with the field and the reason, and the page shows one run', async () => {
    expect(at('?compare=raft/nope')).toEqual({
      kind: 'bad',
      problem: 'compare: there is no preset "raft/nope"; showing one run.',
    });
    expect(at('?compare=')).toMatchObject({ kind: 'bad', problem: expect.stringMatching(/^compare: names no preset/) });
    expect(await loadPartner(at('?compare=nope'))).toEqual({
      partner: null,
      problem: 'compare: there is no preset "nope"; showing one run.',
    });
  });

  it('loads the named preset as the second run', async () => {
    const { partner, problem } = await loadPartner(at(`?compare=${B}`));
    expect(problem).toBeNull();
    expect(partner?.presetId).toBe(B);
    expect(partner?.scenario.title).toBe(presetScenario(B).title);
  });
});

describe('comparison links', () => {
  const shipped = (id: string) => ({ text: toFileText(presetScenario(id)), presetId: id, isAsShipped: true });

  it('name both presets while both are as shipped', () => {
    expect(comparisonStartLink('https://x.org/app/?embed#s=1', shipped(A), shipped(B))).toBe(
      `https://x.org/app/?preset=${encodeURIComponent(A)}&compare=${encodeURIComponent(B)}`,
    );
  });

  it('carry both files once either run changed, and read back to the same scenarios', async () => {
    const changed = { ...shipped(B), isAsShipped: false };
    const link = comparisonStartLink('https://x.org/', shipped(A), changed);
    const hash = new URL(link).hash;
    expect(hash).toMatch(/^#s=.+&c=.+&from=.+&cfrom=.+$/);
    expect(at('', hash)).toEqual({ kind: 'link', hash });
    const second = await readSharedPartner(hash, loadProtocol);
    expect(second.ok && second.scenario).toEqual(presetScenario(B));
    const played = comparisonLink('https://x.org/?preset=x', shipped(A), changed, 1500, 0.2);
    expect(played).toMatch(/^https:\/\/x\.org\/#s=.+&c=.+&t=1500&speed=0\.2$/);
  });

  it('say which part of a damaged link is wrong, naming c for the second run', async () => {
    const result = await readSharedPartner('#s=abc&c=zzzz', loadProtocol);
    expect(result).toEqual({
      ok: false,
      errors: ['c (second run): the scenario in it is damaged or cut off (it does not decompress)'],
    });
    expect(await readSharedPartner('#s=abc', loadProtocol)).toEqual({
      ok: false,
      errors: ['c: the link carries no second scenario'],
    });
  });

  it('pasted into an open tab, open both runs, or neither with the run unchanged', async () => {
    const store = new PairStore(presetScenario('raft/first-election'), { playing: false });
    store.runTo(300);
    const good = new URL(comparisonLink('https://x.org/', shipped(A), shipped(B), 700, null)).hash;
    const bad = good.replace(/&c=[^&]+/, '&c=broken');
    expect(await openComparisonLink(store, bad, prepare)).toBe(false);
    expect(store.getState().message?.text).toMatch(
      /^This link could not be opened: c \(second run\): .*Your run is unchanged\.$/,
    );
    expect(store.getState().scenario.title).toBe(presetScenario('raft/first-election').title);
    expect(store.getState().now).toBe(300);
    expect(partnerOf(store)).toBeNull();

    expect(await openComparisonLink(store, good, prepare)).toBe(true);
    for (let i = 0; i < 200 && (store.getState().seeking || partnerOf(store)?.isSeeking); i++) store.tick(16);
    expect(store.getState().presetId).toBe(A);
    expect(partnerOf(store)?.getState().presetId).toBe(B);
    expect([store.getState().now, partnerOf(store)?.nowMs]).toEqual([700, 700]);
    // Both still as shipped: the start link names the two presets again.
    const side = partnerOf(store);
    if (!side) throw new Error('no second run');
    expect(comparisonStartLink('https://x.org/', linkedRun(store), linkedRun(side))).toContain(`compare=`);
  });
});

describe('the player and the start link of a comparison', () => {
  it('keep both presets: the embed address names compare, the start link both runs', async () => {
    const { embedUrl } = await import('../embed');
    const { startLink } = await import('../player');
    const src = embedUrl(`https://x.org/app/?preset=${A}&compare=${B}&speed=3`, { autoplay: true });
    const params = new URL(src).searchParams;
    expect([params.get('preset'), params.get('compare'), params.has('embed'), params.has('speed')]).toEqual([
      A,
      B,
      true,
      false,
    ]);
    const store = new PairStore(presetScenario(A), { presetId: A, playing: false });
    store.compareWith(presetScenario(B), B);
    expect(startLink(store, 'https://x.org/app/?embed')).toBe(
      `https://x.org/app/?preset=${encodeURIComponent(A)}&compare=${encodeURIComponent(B)}`,
    );
    partnerOf(store)?.act({ type: 'crash', node: 'n3' });
    expect(new URL(startLink(store, 'https://x.org/app/')).hash).toMatch(/^#s=.+&c=.+&from=.+&cfrom=.+$/);
  });
});
