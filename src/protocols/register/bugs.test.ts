import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { TraceRecord } from '../../engine/types';
import { parseScenario } from '../../scenario/parse';
import { runScenario } from '../../scenario/run';
import type { LooseView } from '../../testing/scenarios';
import { register } from '.';
import type { RegisterMessage } from './types';

/** The `stale-backup-reads` bug and its preset, run as a student would: through the runner's JSON. */
const lookup = (id: string) => (id === 'register' ? register : undefined);
const PRESET = fileURLToPath(new URL('./presets/stale-read.json', import.meta.url));
const presetFile = () => JSON.parse(readFileSync(PRESET, 'utf8')) as Record<string, unknown>;

async function runJson(path: string): Promise<{ code: number; summary: LooseView }> {
  let stdout = '';
  const code = await main(
    ['run', path, '--json'],
    (text) => (stdout += text),
    () => {},
  );
  return { code, summary: JSON.parse(stdout) };
}

function run(file: Record<string, unknown>) {
  const parsed = parseScenario(file, lookup);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return runScenario(parsed.scenario, lookup);
}

type Sent = Extract<TraceRecord, { kind: 'send' }>;
const sendsOf = (trace: readonly TraceRecord[]) => trace.filter((r): r is Sent => r.kind === 'send');

describe('register/stale-read (the stale-backup-reads bug)', () => {
  it("is refused by the checker: c2's nil read from the backup cannot follow c1's acknowledged write", async () => {
    const { code, summary } = await runJson(PRESET);
    expect(code).toBe(1);
    // Pinned when it first ran (the register's presets pin their own; hashes.test.ts pins the Library's).
    expect(summary.traceHash).toBe('921752030a936c50');
    expect(summary.violations).toEqual([
      expect.objectContaining({ invariant: 'linearizable', key: 'x', ops: [1, 2], time: 361 }),
    ]);
    const [write, read, later] = summary.history;
    expect(write).toMatchObject({ client: 'c1', op: 'write x 1', result: 'ok', completeAt: 162 });
    // The read starts after the write was acknowledged and still returns the initial value.
    expect(read).toMatchObject({ client: 'c2', op: 'read x', result: 'ok', value: null });
    expect(read.invokeAt).toBeGreaterThan(write.completeAt);
    // Once the copy arrived the backup answers 1: the history is sequentially consistent, not linearizable.
    expect(later).toMatchObject({ client: 'c2', op: 'read x', value: 1 });
    expect(summary.consistency).toMatchObject({
      linearizable: { verdict: 'violation' },
      sequential: { verdict: 'ok' },
    });
    expect(summary.nodes.find((n: LooseView) => n.id === 'n2').state).toEqual({ role: 'backup', values: { x: 1 } });
  });

  it('the same scenario without the bug is linearizable: the backup answers NotPrimary and nothing is replicated', () => {
    const { sim, summary } = run({ ...presetFile(), bug: null });
    expect(summary.history?.map((e) => [e.client, e.op, e.result, e.value])).toEqual([
      ['c1', 'write x 1', 'ok', null],
      ['c2', 'read x', 'fail', null],
      ['c2', 'read x', 'fail', null],
      ['c1', 'read x', 'ok', 1],
    ]);
    expect(sendsOf(sim.trace).map((r) => r.type)).not.toContain('Replicate');
    expect(summary.nodes.find((n) => n.id === 'n2')?.state).toEqual({ role: 'backup', values: {} });
  });

  it('with the bug the primary copies a write and a successful cas to every backup, after its answer', () => {
    const file = {
      ...presetFile(),
      nodes: 3,
      events: [
        { at: 100, type: 'request', client: 'c1', command: 'write x 1' },
        { at: 300, type: 'request', client: 'c1', command: 'cas x 1 5' },
        { at: 500, type: 'request', client: 'c2', command: 'cas x 1 7' },
        { at: 700, type: 'request', client: 'c2', command: 'read x', node: 'n3' },
      ],
    };
    const { sim, summary } = run(file);
    const sends = sendsOf(sim.trace);
    const copies = sends.filter((r) => r.type === 'Replicate');
    expect(copies.map((r) => [r.from, r.to, (r.message as RegisterMessage & { value: number }).value])).toEqual([
      ['n1', 'n2', 1],
      ['n1', 'n3', 1],
      ['n1', 'n2', 5],
      ['n1', 'n3', 5],
    ]);
    // The answer leaves first: each copy follows the WriteOk or CasOk that acknowledged it.
    const first = sends.findIndex((r) => r.type === 'WriteOk');
    expect(sends.indexOf(copies[0] as Sent)).toBeGreaterThan(first);
    expect(summary.history?.map((e) => [e.op, e.result, e.value])).toEqual([
      ['write x 1', 'ok', null],
      ['cas x 1 5', 'ok', null],
      ['cas x 1 7', 'fail', null],
      ['read x', 'ok', 5],
    ]);
  });
});
