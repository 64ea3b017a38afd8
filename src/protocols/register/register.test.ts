import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { historyOf } from '../../engine/history';
import type { TraceRecord } from '../../engine/types';
import { parseScenario } from '../../scenario/parse';
import { createSimulation, runScenario } from '../../scenario/run';
import type { Scenario } from '../../scenario/types';
import { register } from '.';

/** The register service run from scenario files, as a student would, reading histories. */
const lookup = (id: string) => (id === 'register' ? register : undefined);

function parse(file: Record<string, unknown>): Scenario {
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'register', seed: 1, nodes: 1, clients: 2, ...file },
    lookup,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const errorsOf = (file: Record<string, unknown>) => {
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'register', seed: 1, nodes: 1, ...file },
    lookup,
  );
  return parsed.ok ? [] : parsed.errors;
};

const req = (at: number, client: string, command: string, node?: string) => ({
  at,
  type: 'request',
  client,
  command,
  ...(node ? { node } : {}),
});

const kinds = (trace: readonly TraceRecord[], ...wanted: string[]) => trace.filter((r) => wanted.includes(r.kind));

describe('register with clients', () => {
  it('records a history: each op invoked, answered by the primary and completed with what a read returned', () => {
    const s = parse({ events: [req(100, 'c1', 'write x 3'), req(300, 'c2', 'read x'), req(500, 'c2', 'read y')] });
    const { sim, summary } = runScenario(s, lookup, 2000);
    expect(summary.history).toEqual([
      expect.objectContaining({ id: 1, client: 'c1', op: 'write x 3', invokeAt: 100, result: 'ok', value: null }),
      expect.objectContaining({ id: 2, client: 'c2', op: 'read x', invokeAt: 300, result: 'ok', value: 3 }),
      expect.objectContaining({ id: 3, client: 'c2', op: 'read y', invokeAt: 500, result: 'ok', value: null }),
    ]);
    for (const entry of summary.history ?? []) expect(entry.completeAt).toBeGreaterThan(entry.invokeAt);
    expect(summary.nodes.map((n) => [n.id, n.client ?? false])).toEqual([
      ['n1', false],
      ['c1', true],
      ['c2', true],
    ]);
    expect(kinds(sim.trace, 'invoke')[0]).toMatchObject({
      t: 100,
      kind: 'invoke',
      op: 1,
      client: 'c1',
      command: 'write x 3',
    });
    expect(summary.history).toEqual(historyOf(sim.trace));
  });

  it('hands servers the clients in their input while nodes and peers stay the servers', () => {
    const sim = createSimulation(parse({ nodes: 2 }), lookup);
    expect(sim.nodeIds()).toEqual(['n1', 'n2', 'c1', 'c2']);
    expect(sim.node('n2')?.kind).toBe('server');
    expect(sim.node('c1')?.kind).toBe('client');
    // client-to-entry: clients link to every server, never to each other.
    expect(sim.shape.links.filter((l) => l.from === 'c1').map((l) => l.to)).toEqual(['n1', 'n2']);
    expect(sim.view('n1')).toEqual({ role: 'primary', values: {} });
    expect(sim.view('n2')).toEqual({ role: 'backup', values: {} });
  });

  it('runs one op per client at a time: the next waits in the FIFO queue and is invoked when one completes', () => {
    const s = parse({ events: [req(100, 'c1', 'write x 1'), req(100, 'c1', 'write x 2'), req(100, 'c1', 'read x')] });
    const { summary } = runScenario(s, lookup, 2000);
    const h = summary.history ?? [];
    expect(h.map((e) => [e.op, e.result, e.value])).toEqual([
      ['write x 1', 'ok', null],
      ['write x 2', 'ok', null],
      ['read x', 'ok', 2],
    ]);
    expect(h[0]?.invokeAt).toBe(100);
    // Each op is invoked at the instant the one before completed.
    expect(h[1]?.invokeAt).toBe(h[0]?.completeAt);
    expect(h[2]?.invokeAt).toBe(h[1]?.completeAt);
  });

  it('a cas takes effect when the register holds its first value', () => {
    const s = parse({ events: [req(100, 'c1', 'write x 1'), req(100, 'c1', 'cas x 1 5'), req(100, 'c1', 'read x')] });
    const { summary } = runScenario(s, lookup, 2000);
    expect(summary.history?.map((e) => [e.op, e.result, e.value])).toEqual([
      ['write x 1', 'ok', null],
      ['cas x 1 5', 'ok', null],
      ['read x', 'ok', 5],
    ]);
  });

  it('runs up to clientConcurrency ops of one client at once', () => {
    const wide = { ...register, clientConcurrency: 2 };
    const parsed = parseScenario(
      {
        ...{ format: 'netsplit-scenario', version: 1, protocol: 'register', seed: 1, nodes: 1, clients: 1 },
        events: [req(100, 'c1', 'write x 1'), req(100, 'c1', 'write y 2'), req(100, 'c1', 'read x')],
      },
      () => wide,
    );
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { summary } = runScenario(parsed.scenario, () => wide, 2000);
    const h = summary.history ?? [];
    expect(h.map((e) => e.invokeAt)).toEqual([100, 100, Math.min(h[0]?.completeAt ?? 0, h[1]?.completeAt ?? 0)]);
  });

  it('a client crash completes its open op info and skips its queued requests; a crashed client issues nothing', () => {
    const s = parse({
      network: { latencyMs: [200, 200] },
      events: [
        req(100, 'c1', 'write x 1'),
        req(100, 'c1', 'write x 2'),
        { at: 150, type: 'crash', node: 'c1' },
        req(200, 'c1', 'read x'),
        { at: 300, type: 'restart', node: 'c1' },
        req(400, 'c1', 'read x'),
      ],
    });
    const { sim, summary } = runScenario(s, lookup, 2000);
    expect(summary.history?.map((e) => [e.id, e.op, e.result, e.completeAt, e.value])).toEqual([
      [1, 'write x 1', 'info', 150, null],
      // The write took effect after all (it was on the wire): info was the honest answer.
      [2, 'read x', 'ok', 800, 1],
    ]);
    expect(summary.skipped.map((k) => [k.at, k.reason])).toEqual([
      [100, 'c1 crashed before invoking'],
      [200, 'c1 is crashed'],
    ]);
    // The server's answer to the crashed incarnation's op reaches c1 after its restart and is ignored.
    expect(kinds(sim.trace, 'complete')).toHaveLength(2);
  });

  it('ends an unanswered op info after clientTimeoutMs, and a cas that finds another value fail', () => {
    const s = parse({
      config: { clientTimeoutMs: 500 },
      events: [
        req(100, 'c1', 'cas x 5 6'),
        { at: 400, type: 'partition', groups: [['n1']] },
        req(500, 'c2', 'write x 1'),
        { at: 2000, type: 'heal' },
      ],
    });
    const { summary } = runScenario(s, lookup, 3000);
    expect(summary.history?.map((e) => [e.op, e.result, e.completeAt])).toEqual([
      ['cas x 5 6', 'fail', expect.any(Number)],
      ['write x 1', 'info', 1000],
    ]);
  });

  it('a backup does not serve: the client completes fail (no effect); a request may name the server', () => {
    const s = parse({ nodes: 2, events: [req(100, 'c1', 'write x 1', 'n2'), req(100, 'c2', 'write x 2', 'n1')] });
    const { summary } = runScenario(s, lookup, 2000);
    expect(summary.history?.map((e) => [e.client, e.result])).toEqual([
      ['c1', 'fail'],
      ['c2', 'ok'],
    ]);
  });

  it('lists an op still open at the end with completeAt null and result info', () => {
    const s = parse({ network: { latencyMs: [300, 300] }, events: [req(100, 'c1', 'read x')] });
    const { summary } = runScenario(s, lookup, 200);
    expect(summary.history).toEqual([
      { id: 1, client: 'c1', op: 'read x', invokeAt: 100, completeAt: null, result: 'info', value: null },
    ]);
  });

  it('rewinds: a snapshot restores the queues and the open ops, and the run replays the same', () => {
    const s = parse({ events: [req(100, 'c1', 'write x 1'), req(100, 'c1', 'read x'), req(120, 'c2', 'read x')] });
    const sim = createSimulation(s, lookup);
    sim.runUntil(110);
    const snap = sim.snapshot();
    expect(sim.clientOps.queuedOf('c1')).toBe(1);
    sim.runUntil(2000);
    const hash = sim.traceHash;
    sim.restore(snap);
    expect(sim.clientOps.queuedOf('c1')).toBe(1);
    expect(sim.clientOps.openOf('c1').map((o) => o.command)).toEqual(['write x 1']);
    sim.runUntil(2000);
    expect(sim.traceHash).toBe(hash);
  });

  it('"leader" names the primary, never a client', () => {
    const s = parse({ events: [{ at: 100, type: 'crash', node: 'leader' }] });
    const { summary } = runScenario(s, lookup, 500);
    expect(summary.nodes.filter((n) => !n.up).map((n) => n.id)).toEqual(['n1']);
  });
});

describe('the scenario fields of clients', () => {
  it('names the field and the reason for bad clients and requests', () => {
    expect(errorsOf({ nodes: 2, clients: ['c1', 'n2'] })).toEqual(['clients[1]: "n2" is already a server id']);
    expect(errorsOf({ clients: 17 })).toEqual(['clients: must be at most 16']);
    expect(errorsOf({ nodes: 60, clients: 5 })).toEqual(['clients: 60 servers and 5 clients make more than 64 nodes']);
    expect(errorsOf({ clients: ['c1', 'c1'] })).toEqual(['clients[1]: "c1" is listed twice']);
    expect(errorsOf({ clients: 1, events: [req(1, 'c1', 'wrte x 1')] })).toEqual([
      'events[0].command: "wrte x 1" is not an operation of register (read K, write K V, cas K V1 V2)',
    ]);
    expect(errorsOf({ clients: 1, events: [req(1, 'n1', 'read x')] })).toEqual([
      'events[0].client: "n1" is not a client',
    ]);
    expect(errorsOf({ clients: 1, events: [req(1, 'c1', 'read x', 'c1')] })).toEqual([
      'events[0].node: "c1" is a client; request needs a server',
    ]);
    expect(errorsOf({ clients: 1, events: [req(1, 'c9', 'read x')] })).toEqual(['events[0].client: unknown node "c9"']);
  });

  it('refuses clients for a protocol without a client machine', () => {
    const parsed = parseScenario(
      { format: 'netsplit-scenario', version: 1, protocol: 'plain', seed: 1, nodes: 3, clients: 2 },
      (id) => (id === 'plain' ? { ...register, id: 'plain', clientMachine: undefined } : undefined),
    );
    expect(parsed.ok ? [] : parsed.errors).toEqual(['clients: plain has no client machine']);
  });
});

describe('the register preset', () => {
  it('replays to its pinned trace hash, with one info op from the crash and its queued write skipped', () => {
    const file = JSON.parse(readFileSync(new URL('./presets/two-clients.json', import.meta.url), 'utf8'));
    const parsed = parseScenario(file, lookup);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { summary } = runScenario(parsed.scenario, lookup);
    expect(summary.traceHash).toBe('fcb3b91c6feab1ca');
    expect(summary.history?.filter((e) => e.result === 'info').map((e) => [e.client, e.op])).toEqual([
      ['c2', 'read x'],
    ]);
    expect(summary.skipped.map((k) => k.reason)).toEqual(['c2 crashed before invoking']);
  });
});
