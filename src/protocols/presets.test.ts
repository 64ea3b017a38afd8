import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { parseScenario } from '../scenario/parse';
import type { LooseView } from '../testing/scenarios';
import { getProtocol } from '.';
import { presets } from './presets';

/** Where a preset's file lives, for the runner: `raft/figure-8` -> src/protocols/raft/presets/figure-8.json. */
const pathOf = (id: string) => {
  const [protocol, name] = id.split('/');
  return fileURLToPath(new URL(`./${protocol}/presets/${name}.json`, import.meta.url));
};

function runJson(path: string): { code: number; summary: LooseView } {
  let stdout = '';
  const code = main(
    ['run', path, '--json'],
    (text) => (stdout += text),
    () => {},
  );
  return { code, summary: JSON.parse(stdout) };
}

describe.each(presets.map((p) => [p.id, p] as const))('preset %s', (id, preset) => {
  it('parses, with a title and a description', () => {
    const result = parseScenario(preset.file, getProtocol);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.scenario.protocol).toBe(preset.protocol);
    expect(result.scenario.title.length).toBeGreaterThan(0);
    expect(result.scenario.description.length).toBeGreaterThan(20);
  });

  it('prints the same trace hash on every run, and breaks an invariant only when it sets a bug', () => {
    const first = runJson(pathOf(id));
    const second = runJson(pathOf(id));
    expect(second.summary.traceHash).toBe(first.summary.traceHash);
    expect(second.summary).toEqual(first.summary);
    const hasBug = (preset.file as { bug?: string | null }).bug != null;
    expect(first.code).toBe(hasBug ? 1 : 0);
    expect(first.summary.violations.length > 0).toBe(hasBug);
  });
});
