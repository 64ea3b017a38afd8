import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { getPresetFile, getProtocol, loadProtocol } from '../protocols';
import { toFileText } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import { createSimulation } from '../scenario/run';
import { readSharedScenario, shareLink } from './share';

const fileText = () => {
  const parsed = parseScenario(getPresetFile('raft/leader-crash'), getProtocol);
  if (!parsed.ok) throw new Error('preset');
  return { text: toFileText(parsed.scenario), scenario: parsed.scenario };
};

describe('share links', () => {
  it('carry the scenario exactly: the same run, the same trace hash', async () => {
    const { text, scenario } = fileText();
    const link = shareLink('https://example.org/netsplit/?embed', text);
    expect(link.startsWith('https://example.org/netsplit/?embed#s=')).toBe(true);
    const read = await readSharedScenario(new URL(link).hash, loadProtocol);
    if (!read.ok) throw new Error(read.errors.join());
    expect(read.scenario).toEqual(scenario);
    const a = createSimulation(scenario, getProtocol);
    const b = createSimulation(read.scenario, getProtocol);
    a.runUntil(4000);
    b.runUntil(4000);
    expect(b.traceHash).toBe(a.traceHash);
  });

  it('say what is wrong with a damaged link', async () => {
    expect(await readSharedScenario('#x=1', loadProtocol)).toEqual({
      ok: false,
      errors: ['link: carries no scenario (no "#s=" part)'],
    });
    const cut = shareLink('https://x.org/', fileText().text).split('#s=')[1]?.slice(0, 40);
    const result = await readSharedScenario(`#s=${cut}`, loadProtocol);
    expect(result.ok).toBe(false);
    const bad = `#s=${compressToEncodedURIComponent('{"format":"netsplit-scenario","version":1,"protocol":"raft","seed":1,"nodes":2,"events":[{"at":1,"type":"crash","node":"n7"}]}')}`;
    expect(await readSharedScenario(bad, loadProtocol)).toEqual({
      ok: false,
      errors: ['link: events[0].node: unknown node "n7"'],
    });
  });

  it('never throw on a thousand fuzzed links, and every error starts with "link:"', async () => {
    const { text } = fileText();
    const packed = shareLink('https://x.org/', text).split('#s=')[1] as string;
    const mutatedLink = fc
      .tuple(fc.nat({ max: packed.length }), fc.nat({ max: 50 }), fc.string({ maxLength: 20 }))
      .map(([at, cut, insert]) => `#s=${packed.slice(0, at)}${insert}${packed.slice(at + cut)}`);
    const anyLink = fc.oneof(
      mutatedLink,
      fc.string().map((s) => `#s=${s}`),
      fc.jsonValue().map((v) => `#s=${compressToEncodedURIComponent(JSON.stringify(v))}`),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(anyLink, async (hash) => {
        const result = await readSharedScenario(hash, loadProtocol);
        if (!result.ok) for (const e of result.errors) expect(e).toMatch(/^link: \S/);
      }),
      { numRuns: 1000 },
    );
  });
});
