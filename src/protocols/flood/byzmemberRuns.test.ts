import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presetScenario } from '../../app/scenarios';
import { readSharedScenario, shareLink } from '../../app/share';
import { Store } from '../../app/store';
import { fuzz } from '../../cli/fuzz';
import { randomScenario } from '../../cli/schedule';
import type { AnyProtocol } from '../../engine/protocol';
import { toFileText } from '../../scenario/encode';
import { parseScenario } from '../../scenario/parse';
import { createSimulation, runScenario } from '../../scenario/run';
import type { Scenario } from '../../scenario/types';
import { flood } from '.';

/** Byzantine nodes and membership (spec/protocols.md §1.6, §1.7, §1.9) beyond the engine: files, links, fuzzer, app. */
const lookup = (id: string): AnyProtocol | undefined => (id === 'flood' ? flood : undefined);

function parse(file: Record<string, unknown>): Scenario {
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'flood', seed: 1, nodes: 6, ...file },
    lookup,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const run = (file: Record<string, unknown>, untilMs: number) => {
  const sim = createSimulation(parse(file), lookup);
  sim.runUntil(untilMs);
  return sim;
};

const presetFile = (name = 'ring') =>
  JSON.parse(readFileSync(new URL(`./presets/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('files and links', () => {
  it('a file with standby, Byzantine and membership events survives export and a share link, to the same run', async () => {
    const scenario = parse(presetFile('liar-and-newcomer'));
    const text = toFileText(scenario);
    expect(JSON.parse(text).standby).toEqual(['n6']);
    const link = shareLink('https://example.org/', text);
    const back = await readSharedScenario(new URL(link).hash, async (id) => lookup(id));
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.scenario.standby).toEqual(['n6']);
    expect(runScenario(back.scenario, lookup).sim.traceHash).toBe(runScenario(scenario, lookup).sim.traceHash);
  });
});

describe('the fuzzer (§1.9)', () => {
  const files = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) =>
    randomScenario({ protocol: flood, seed, nodes: 6, untilMs: 5000, bug: null }),
  );
  const events = files.flatMap((f) => f.events as { type: string; node?: string }[]);

  it('draws Byzantine nodes, at most faultTolerance(n) of them a run, and joins and leaves', () => {
    expect(events.some((e) => e.type === 'byzantine')).toBe(true);
    expect(events.some((e) => e.type === 'leave')).toBe(true);
    expect(events.some((e) => e.type === 'join')).toBe(true);
    for (const f of files) {
      const turned = new Set(
        (f.events as { type: string; node: string }[]).filter((e) => e.type === 'byzantine').map((e) => e.node),
      );
      expect(turned.size).toBeLessThanOrEqual(1);
    }
  });

  it('finds no violation in the correct protocol and catches the bug', () => {
    expect(fuzz({ protocol: flood, runs: 60, seed: 3, nodes: 6, untilMs: 4000, bug: null }, lookup).failures).toEqual(
      [],
    );
    const caught = fuzz(
      { protocol: flood, runs: 60, seed: 3, nodes: 6, untilMs: 4000, bug: 'deliver-every-copy', stopAfter: 1 },
      lookup,
    );
    expect(caught.failures[0]?.violations[0]?.invariant).toBe('integrity');
  });
});

describe('in the app', () => {
  it('a click that turns a node or has it leave is an input of the run, marked in the frame, and replays', () => {
    const store = new Store(presetScenario('flood/ring'), { playing: false });
    // The preset stops at its pause point (101 ms): the clicks apply there.
    store.runTo(300);
    const at = Math.ceil(store.getState().now);
    store.act({ type: 'byzantine', node: 'n3', mode: 'lie' });
    store.act({ type: 'leave', node: 'n2' });
    store.runTo(2000);
    const frame = store.getState().frame;
    expect(frame.nodes.find((n) => n.id === 'n3')?.byzantine).toBe('lie');
    expect(frame.nodes.find((n) => n.id === 'n2')?.member).toBe(false);
    expect(frame.nodes.find((n) => n.id === 'n1')?.member).toBe(true);
    const added = frame.inputs.filter((i) => i.type === 'byzantine' || i.type === 'leave');
    expect(added).toEqual([
      { type: 'byzantine', node: 'n3', mode: 'lie', at },
      { type: 'leave', node: 'n2', at },
    ]);
    // The run with those inputs written into the file is the same run.
    const replay = run({ ...presetFile(), events: [...frame.inputs] }, 2000);
    expect(replay.traceHash).toBe(frame.trace.hash);
  });
});
