import { describe, expect, it } from 'vitest';
import type { InputBase, InputRecord, InputsHost } from './kind';
import { type Input, inputKindNamed, inputKindOf, inputKinds, inputTypes } from './table';

/** A host that records what an input did to it, with n1..n3 (n3 down) and `leader` naming n1. */
function fakeHost() {
  const did: string[] = [];
  const records: InputRecord[] = [];
  const host: InputsHost = {
    nowMs: 42,
    network: {
      partition: (groups) => did.push(`partition ${JSON.stringify(groups)}`),
      heal: () => did.push('heal'),
      cut: (from, to, oneWay) => did.push(`cut ${from} ${to} ${oneWay}`),
      mend: (from, to, oneWay) => did.push(`mend ${from} ${to} ${oneWay}`),
      setLink: (a, b, change, oneWay) => did.push(`link ${a} ${b} ${JSON.stringify(change)} ${oneWay}`),
      setModel: (change) => did.push(`model ${JSON.stringify(change)}`),
    },
    record: (r) => records.push(r),
    skip: (input: InputBase, reason) => did.push(`skip ${input.type}: ${reason}`),
    resolve: (input, ref) => {
      if (ref === 'leader') return 'n1';
      if (['n1', 'n2', 'n3'].includes(ref)) return ref;
      host.skip(input, `unknown node "${ref}"`);
      return null;
    },
    entryPoint: () => 'n1',
    isUp: (id) => id !== 'n3',
    hasTimer: () => true,
    crash: (id) => did.push(`crash ${id}`),
    restart: (id) => did.push(`restart ${id}`),
    fireEarliestTimer: (id) => did.push(`fire ${id}`) > 0,
    deliverTo: (id, payload) => did.push(`deliver ${id} ${JSON.stringify(payload)}`),
    isClient: (id) => id === 'c1',
    requestOp: (client, request) => did.push(`op ${client} ${JSON.stringify(request)}`),
    dropByUser: () => false,
    duplicateByUser: () => true,
    isStalled: (id) => id === 'n2' && did.includes('stall n2 100'),
    stall: (id, durationMs) => did.push(`stall ${id} ${durationMs}`),
    setClock: (id, change) => did.push(`clock ${id} ${JSON.stringify(change)}`),
  };
  return { host, did, records };
}

const apply = (input: Input) => {
  const f = fakeHost();
  inputKindOf(input).apply(input, f.host);
  return f;
};

describe('inputs as a table', () => {
  it('keys every kind by its own type, in the order the file format lists them', () => {
    for (const [key, kind] of Object.entries(inputKinds)) expect(kind.type).toBe(key);
    expect(inputTypes.join(', ')).toBe(
      'crash, restart, partition, heal, cut, mend, link, network, request, timeout, stall, clock, drop, duplicate, caption, pause',
    );
  });

  it('each schema reads its own kind and refuses an unknown field', () => {
    expect(inputKinds.crash.schema.safeParse({ at: 1, type: 'crash', node: 'n1' }).success).toBe(true);
    expect(inputKinds.crash.schema.safeParse({ at: 1, type: 'crash', node: 'n1', extra: 1 }).success).toBe(false);
    expect(inputKinds.pause.schema.safeParse({ at: 1, type: 'pause' }).success).toBe(true);
  });

  it('names every node reference with its field, for the parser to check', () => {
    expect(inputKindOf({ at: 0, type: 'partition', groups: [['n1'], ['n2', 'n9']] }).refs).toBeDefined();
    const partition = { at: 0, type: 'partition', groups: [['n1'], ['n2', 'n1']] } as const;
    expect(inputKinds.partition.refs(partition).map((r) => `${r.field}=${r.ref}`)).toEqual([
      'groups[0][0]=n1',
      'groups[1][0]=n2',
      'groups[1][1]=n1',
    ]);
    expect(inputKinds.partition.problems?.(partition)).toEqual(['groups[1][1]: "n1" is in more than one group']);
    expect(inputKinds.link.refs({ at: 0, type: 'link', from: 'a', to: 'b' }).map((r) => r.field)).toEqual([
      'from',
      'to',
    ]);
  });

  it('applies through the host alone: resolves selectors, records the fault, then acts', () => {
    const crash = apply({ at: 0, type: 'crash', node: 'leader' });
    expect(crash.records).toEqual([{ t: 42, kind: 'fault', type: 'crash', node: 'n1' }]);
    expect(crash.did).toEqual(['crash n1']);
    expect(apply({ at: 0, type: 'crash', node: 'n3' }).did).toEqual(['skip crash: n3 is already crashed']);
    expect(apply({ at: 0, type: 'cut', from: 'n1', to: 'n9' }).did).toEqual(['skip cut: unknown node "n9"']);
    expect(apply({ at: 0, type: 'request', command: 'x' }).did).toEqual([
      'deliver n1 {"type":"request","command":"x"}',
    ]);
    expect(apply({ at: 0, type: 'drop', message: 7 }).did).toEqual(['skip drop: message 7 is not in flight']);
  });

  it('gives each fault its timeline label, glyph and drawn effect', () => {
    const cut = inputKinds.cut.fault;
    expect(cut?.label({ t: 1, type: 'cut', from: 'n1', to: 'n2' })).toBe('cut n1↔n2');
    expect(cut?.glyph).toEqual({ name: 'fault', shape: 'triangle' });
    expect(inputKinds.crash.fault?.effect?.({ t: 1, type: 'crash', node: 'n2' })).toEqual({ kind: 'down', node: 'n2' });
    expect(inputKinds.request.fault).toBeUndefined();
  });
});

describe('stall, clock and one-way links (spec/protocols.md §1.2)', () => {
  it('a stall records its fault and pauses the node; a crashed node is skipped', () => {
    const stalled = apply({ at: 0, type: 'stall', node: 'leader', durationMs: 100 });
    expect(stalled.records).toEqual([{ t: 42, kind: 'fault', type: 'stall', node: 'n1', durationMs: 100 }]);
    expect(stalled.did).toEqual(['stall n1 100']);
    expect(apply({ at: 0, type: 'stall', node: 'n3', durationMs: 5 }).did).toEqual(['skip stall: n3 is crashed']);
  });

  it('a timeout on a stalled node is skipped', () => {
    const f = fakeHost();
    inputKinds.stall.apply({ at: 0, type: 'stall', node: 'n2', durationMs: 100 }, f.host);
    inputKinds.timeout.apply({ at: 0, type: 'timeout', node: 'n2' }, f.host);
    expect(f.did).toEqual(['stall n2 100', 'skip timeout: n2 is stalled']);
  });

  it('a clock change records exactly the fields written and hands them to the host', () => {
    const changed = apply({ at: 0, type: 'clock', node: 'n3', driftPpm: 200, jumpMs: -5 });
    expect(changed.records).toEqual([{ t: 42, kind: 'fault', type: 'clock', node: 'n3', driftPpm: 200, jumpMs: -5 }]);
    expect(changed.did).toEqual(['clock n3 {"driftPpm":200,"jumpMs":-5}']);
    expect(inputKinds.clock.row({ at: 0, type: 'clock', node: 'n1', offsetMs: 50 }).target).toBe('n1: offset +50 ms');
  });

  it('the clock schema needs a change and refuses an offset with a jump, or out-of-bounds values', () => {
    const parse = (e: object) => inputKinds.clock.schema.safeParse({ at: 0, type: 'clock', node: 'n1', ...e });
    expect(parse({ offsetMs: 1 }).success).toBe(true);
    expect(parse({}).error?.issues[0]?.message).toBe('clock needs offsetMs, driftPpm or jumpMs');
    expect(parse({ offsetMs: 1, jumpMs: 2 }).error?.issues[0]?.message).toBe(
      'clock takes offsetMs or jumpMs, not both',
    );
    expect(parse({ driftPpm: 100_001 }).error?.issues[0]?.message).toBe('must be within ±100000 ppm');
    const stall = inputKinds.stall.schema.safeParse({ at: 0, type: 'stall', node: 'n1', durationMs: 0 });
    expect(stall.error?.issues[0]?.message).toBe('must be more than 0');
  });

  it('a one-way link override applies in one direction only, and says so', () => {
    const one = apply({ at: 0, type: 'link', from: 'n1', to: 'n2', latencyMs: [50, 50], oneWay: true });
    expect(one.did).toEqual(['link n1 n2 {"latencyMs":[50,50]} true']);
    expect(one.records[0]).toMatchObject({ type: 'link', from: 'n1', to: 'n2', oneWay: true });
    const both = apply({ at: 0, type: 'link', from: 'n1', to: 'n2', loss: 0.5 });
    expect(both.did).toEqual(['link n1 n2 {"loss":0.5} false']);
    expect(both.records[0]).not.toHaveProperty('oneWay');
  });
});

describe('looking a kind up by name', () => {
  it('finds the kinds of the table and nothing an object inherits', () => {
    expect(inputKindNamed('crash')?.type).toBe('crash');
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(inputKindNamed(name)).toBeUndefined();
    }
  });
});
