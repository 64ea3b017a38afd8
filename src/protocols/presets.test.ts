import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { parseScenario } from '../scenario/parse';
import type { LooseView } from '../testing/scenarios';
import { getPresetFile, getProtocol, manifest, presets } from '.';

/** Where a preset's file lives, for the runner: `raft/figure-8` -> src/protocols/raft/presets/figure-8.json. */
const pathOf = (id: string) => {
  const [protocol, name] = id.split('/');
  return fileURLToPath(new URL(`./${protocol}/presets/${name}.json`, import.meta.url));
};

async function runJson(path: string): Promise<{ code: number; summary: LooseView }> {
  let stdout = '';
  const code = await main(
    ['run', path, '--json'],
    (text) => (stdout += text),
    () => {},
  );
  return { code, summary: JSON.parse(stdout) };
}

describe('the manifest', () => {
  it.each(manifest.map((d) => [d.id, d] as const))('%s lists every preset file in its folder', (id, descriptor) => {
    const folder = fileURLToPath(new URL(`./${id}/presets/`, import.meta.url));
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    expect(descriptor.presets.map((p) => `${p.id.split('/')[1]}.json`).sort()).toEqual(files.sort());
  });

  it.each(manifest.map((d) => [d.id, d] as const))('%s describes the protocol it loads', (id, descriptor) => {
    const protocol = getProtocol(id);
    expect(protocol).toMatchObject({ id, title: descriptor.title, summary: descriptor.summary });
  });
});

describe('comparisons the Library offers', () => {
  it.each(presets.filter((p) => p.compare !== undefined).map((p) => [p.id, p.compare] as const))(
    '%s names a shipped preset to compare with, not itself',
    (id, partner) => {
      expect(presets.map((p) => p.id)).toContain(partner);
      expect(partner).not.toBe(id);
    },
  );
});

describe.each(presets.map((p) => [p.id, p] as const))('preset %s', (id, preset) => {
  it('parses, with a title and a description, and the Library says in one line what it shows', () => {
    const file = getPresetFile(id);
    const result = parseScenario(file, getProtocol);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.scenario.protocol).toBe(preset.protocol);
    expect(preset.title).toBe(result.scenario.title);
    expect(result.scenario.description.length).toBeGreaterThan(20);
    expect(preset.shows).toMatch(/^[A-Z'].{20,110}[.:]$/);
    expect(preset.shows).not.toContain('\n');
  });

  it('prints the same trace hash on every run, and breaks an invariant only when it sets a bug', async () => {
    const first = await runJson(pathOf(id));
    const second = await runJson(pathOf(id));
    expect(second.summary.traceHash).toBe(first.summary.traceHash);
    expect(second.summary).toEqual(first.summary);
    const hasBug = (getPresetFile(id) as { bug?: string | null }).bug != null;
    const breaks = hasBug || preset.breaksWithoutBug !== undefined;
    expect(first.code).toBe(breaks ? 1 : 0);
    expect(first.summary.violations.length > 0).toBe(breaks);
    if (preset.breaksWithoutBug !== undefined) {
      const broken = first.summary.violations.map((v: { invariant: string }) => v.invariant);
      expect(broken).toContain(preset.breaksWithoutBug);
    }
  });
});
