import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ackedWritesLost, lostWrites } from './lost';
import { pbPauseChecks } from './pauseChecks';
import { commands, completions, playFile, scenario, server } from './testkit';
import type { PbContext } from './types';

const file = (name: string) =>
  JSON.parse(readFileSync(new URL(`./presets/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('failover after the primary crashes, one schedule in each mode', () => {
  it('async: the promoted backup lacks a write n1 acknowledged, and the fact names op 2', () => {
    const sim = playFile(file('async-loses-acked'));
    expect(completions(sim)).toEqual([
      'c1 write x 1 -> ok',
      'c1 write x 2 -> ok',
      'c2 read x -> ok 1',
      'c2 write x 3 -> ok',
      'c1 read x -> ok 3',
    ]);
    expect(ackedWritesLost(sim.trace)).toEqual({ count: 1, ops: [2] });
    expect(lostWrites(sim.trace)[0]).toMatchObject({ ackedBy: 'n1', epoch: 1, missingAt: 'n2', missingEpoch: 2 });
    // n1 came back believing it was primary, saw epoch 2 and truncated its log to n2's.
    expect(server(sim, 'n1')).toMatchObject({ role: 'backup', epoch: 2, primaryId: 'n2' });
    for (const n of ['n1', 'n2', 'n3']) expect(commands(sim, n)).toEqual(['write x 1', 'write x 3']);
    // Async mode reports the loss as a fact; no invariant breaks.
    expect(sim.violations).toEqual([]);
  });

  it('sync: the same schedule loses nothing acknowledged; x = 2 ends unknown, and x = 3 waits for n1', () => {
    const sim = playFile(file('sync-survives'));
    expect(completions(sim)).toEqual([
      'c1 write x 1 -> ok',
      'c1 write x 2 -> info',
      'c2 read x -> ok 1',
      'c2 write x 3 -> ok',
      'c1 read x -> ok 3',
    ]);
    expect(ackedWritesLost(sim.trace)).toEqual({ count: 0, ops: [] });
    expect(sim.violations).toEqual([]);
    // c2's write x 3 (invoked at 4800) is acknowledged only once n1, restarted at 5000, holds it too.
    const done = sim.trace.find((r) => r.kind === 'complete' && r.op === 4);
    expect(done?.t).toBeGreaterThan(5000);
  });

  it('sync with ack-before-replicate: the invariant breaks and names the op', () => {
    const sim = playFile({ ...file('sync-survives'), bug: 'ack-before-replicate' });
    expect(sim.violations.map((v) => [v.invariant, v.message])).toEqual([
      [
        'no-acked-write-lost',
        'op 2 (c1 write x 2) was acknowledged by n1 in epoch 1, but n2, primary of epoch 2, does not have it',
      ],
    ]);
  });
});

describe('semi-sync', () => {
  const writes = [
    { at: 100, type: 'request', client: 'c1', command: 'write x 1' },
    { at: 300, type: 'crash', node: 'n2' },
    { at: 400, type: 'request', client: 'c1', command: 'write x 2' },
    { at: 2000, type: 'restart', node: 'n2' },
    { at: 2500, type: 'request', client: 'c1', command: 'write x 3' },
  ];
  const run = (config: Record<string, unknown>) =>
    playFile({ ...scenario({ mode: 'semi-sync', clientTimeoutMs: 3000, ...config }, writes, 3000), nodes: 2 });

  it('falls back to async after semiSyncTimeoutMs with its backup down, and back once it catches up', () => {
    const sim = run({ semiSyncTimeoutMs: 500 });
    expect(completions(sim)).toEqual(['c1 write x 1 -> ok', 'c1 write x 2 -> ok', 'c1 write x 3 -> ok']);
    const ok2 = sim.trace.find((r) => r.kind === 'complete' && r.op === 2);
    // Logged at about 420 ms, acknowledged when the 500 ms wait runs out.
    expect(ok2?.t).toBeGreaterThan(900);
    expect(ok2?.t).toBeLessThan(1000);
    const states = sim.trace.flatMap((r) =>
      r.kind === 'state' && r.node === 'n1' ? [[r.t, (r.state as { semiSyncOn: boolean }).semiSyncOn] as const] : [],
    );
    const off = states.find(([, on]) => !on);
    const backOn = states.find(([t, on]) => on && t > (off?.[0] ?? 0));
    expect(off?.[0]).toBeGreaterThan(900);
    expect(backOn?.[0]).toBeGreaterThan(2000);
    expect(server(sim, 'n1').semiSyncOn).toBe(true);
  });

  it('waits for one backup while it is up: x = 1 is acknowledged only after n2 has it', () => {
    const sim = run({});
    const ack = sim.trace.find((r) => r.kind === 'send' && r.type === 'Ack' && r.from === 'n2');
    const ok = sim.trace.find((r) => r.kind === 'send' && r.type === 'WriteOk');
    expect(ack && ok && ack.t <= ok.t).toBe(true);
  });
});

describe('split brain', () => {
  it('under a partition two primaries acknowledge writes; the old one truncates them when it heals', () => {
    const sim = playFile(file('split-brain'), 4300);
    const primaries = sim
      .world()
      .nodes.filter((n) => n.isUp && (n.context as PbContext).kind === 'server' && n.view.role === 'primary')
      .map((n) => [n.id, n.view.epoch]);
    expect(primaries).toEqual([
      ['n1', 1],
      ['n2', 2],
    ]);
    const end = playFile(file('split-brain'));
    expect(ackedWritesLost(end.trace)).toEqual({ count: 2, ops: [2, 4] });
    expect(commands(end, 'n1')).toEqual(['write y 1', 'write x 2']);
    expect(end.violations).toEqual([]);
  });
});

describe('clients', () => {
  it('a backup answers NotPrimary naming the primary, and the client tries it there', () => {
    const sim = playFile(
      scenario({}, [{ at: 100, type: 'request', client: 'c1', command: 'write x 5', node: 'n3' }], 1000),
    );
    expect(completions(sim)).toEqual(['c1 write x 5 -> ok']);
    const hints = sim.trace.flatMap((r) => (r.kind === 'send' && r.type === 'NotPrimary' ? [r.from] : []));
    expect(hints).toEqual(['n3']);
  });

  it('a cas takes effect only on the value it expects, and a read sees the acknowledged writes', () => {
    const events = [
      { at: 100, type: 'request', client: 'c1', command: 'write x 1' },
      { at: 300, type: 'request', client: 'c1', command: 'cas x 2 3' },
      { at: 500, type: 'request', client: 'c2', command: 'cas x 1 4' },
      { at: 700, type: 'request', client: 'c2', command: 'read x' },
    ];
    const sim = playFile(scenario({ mode: 'sync' }, events, 1200));
    expect(completions(sim)).toEqual([
      'c1 write x 1 -> ok',
      'c1 cas x 2 3 -> fail',
      'c2 cas x 1 4 -> ok',
      'c2 read x -> ok 4',
    ]);
    expect(commands(sim, 'n3')).toEqual(['write x 1', 'cas x 1 4']);
  });

  it('replays to the same trace hash', () => {
    expect(playFile(file('split-brain')).traceHash).toBe(playFile(file('split-brain')).traceHash);
  });
});

describe('the lecture', () => {
  it('holds at each pause what its question relies on', () => {
    const lecture = file('lecture');
    for (const check of pbPauseChecks.lecture ?? []) {
      const sim = playFile(lecture, check.at);
      const scene = {
        nowMs: sim.now,
        nodes: sim.world().nodes.map((n) => ({ ...n, context: n.context as PbContext })),
        inFlight: [],
      };
      expect(check.holds(scene), check.says).toBe(true);
    }
  });

  it('ends with the write acknowledged after the fallback lost, and nothing else', () => {
    const sim = playFile(file('lecture'));
    expect(ackedWritesLost(sim.trace)).toEqual({ count: 1, ops: [3] });
    expect(sim.violations).toEqual([]);
  });
});
