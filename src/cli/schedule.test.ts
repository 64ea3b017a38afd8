import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng';
import { getProtocol } from '../protocols';
import { fuzz } from './fuzz';
import { randomScenario } from './schedule';

const protocolOf = (id: string) => {
  const p = getProtocol(id);
  if (!p) throw new Error(id);
  return p;
};

const eventsOf = (file: Record<string, unknown>) => file.events as { type: string; [k: string]: unknown }[];
const draw = (protocol = protocolOf('raft'), seed = 7) =>
  eventsOf(randomScenario({ protocol, seed, nodes: 5, untilMs: 20_000, bug: null }));

describe('the fuzzer speaks through the protocol face', () => {
  it("writes each protocol's own client commands, from its command generator", () => {
    const raft = draw().filter((e) => e.type === 'request');
    const twoPc = draw(protocolOf('2pc')).filter((e) => e.type === 'request');
    expect(raft.length).toBeGreaterThan(0);
    expect(raft.every((e) => /^x=\d+$/.test(String(e.command)))).toBe(true);
    expect(twoPc.every((e) => /^t\d+$/.test(String(e.command)))).toBe(true);
  });

  it('aims faults at a selector the protocol declares, and at none when it declares none', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const named = (events: ReturnType<typeof draw>) => JSON.stringify(events).includes('"leader"');
    expect(seeds.some((seed) => named(draw(protocolOf('raft'), seed)))).toBe(true);
    const raft = protocolOf('raft');
    const blind = { ...raft, face: { ...raft.face, selectors: [] } };
    expect(seeds.some((seed) => named(draw(blind, seed)))).toBe(false);
  });
});

describe('time faults in fuzz runs (spec/protocols.md §1.9)', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const kinds = (protocol: ReturnType<typeof protocolOf>) =>
    new Set(seeds.flatMap((seed) => draw(protocol, seed).map((e) => e.type)));

  it('draws stalls and clock changes only for a protocol whose fuzzFaults lists them', () => {
    const raft = protocolOf('raft');
    expect(kinds(raft).has('stall') || kinds(raft).has('clock')).toBe(false);
    const stalls = kinds({ ...raft, fuzzFaults: ['stall'] });
    expect(stalls.has('stall')).toBe(true);
    expect(stalls.has('clock')).toBe(false);
    const clocks = draw({ ...raft, fuzzFaults: ['clock', 'stall'] }, 3).filter((e) => e.type === 'clock');
    expect(seeds.some((seed) => draw({ ...raft, fuzzFaults: ['clock'] }, seed).some((e) => e.type === 'clock'))).toBe(
      true,
    );
    for (const e of clocks) expect(['offsetMs', 'driftPpm', 'jumpMs'].filter((f) => f in e)).toHaveLength(1);
  });

  it('a protocol that declares none draws exactly the stream it always did', () => {
    const raft = protocolOf('raft');
    expect(draw({ ...raft, fuzzFaults: ['crash', 'partition'] }, 11)).toEqual(draw(raft, 11));
  });
});

describe('fuzz runs with time faults', () => {
  it('writes scenarios the parser accepts and the engine plays to the end', () => {
    const timed = { ...protocolOf('raft'), fuzzFaults: ['stall', 'clock'] as const };
    const result = fuzz({ protocol: timed, runs: 3, seed: 5, nodes: 3, untilMs: 3000, bug: null }, () => timed);
    expect(result.runs).toBe(3);
    expect(result.failures).toEqual([]);
    // The runs fuzz played (their seeds drawn as fuzz draws them) did hold stalls and clock changes.
    const seeds = Rng.fromSeed(5);
    const timeFaults = [0, 1, 2].flatMap(() =>
      eventsOf(randomScenario({ protocol: timed, seed: seeds.uint32(), nodes: 3, untilMs: 3000, bug: null })).filter(
        (e) => e.type === 'stall' || e.type === 'clock',
      ),
    );
    expect(timeFaults.length).toBeGreaterThan(0);
  });
});
