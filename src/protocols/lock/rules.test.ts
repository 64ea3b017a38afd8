import { describe, expect, it } from 'vitest';
import { clientStep, idle } from './client';
import { lockConfigSchema } from './config';
import { overlapFact } from './facts';
import { lockMonitor } from './invariants';
import { masterStep } from './master';
import { clusterProblems } from './roles';
import { serviceStep } from './service';
import { storageStep } from './storage';
import type { ClientContext, LockContext, LockEvent, MasterContext, ServiceContext, StorageContext } from './types';
import { redlockValidity } from './validity';

const config = lockConfigSchema.parse({});
const meta = (localAt: number, at = localAt) => ({ at, localAt, entropy: 7 });
const msg = (m: object, from: string, localAt: number) => ({ ...m, from, ...meta(localAt) }) as LockEvent;

const service: ServiceContext = { id: 'n1', config, bug: null, role: 'service', holder: null, token: 32, expiresAt: 0 };
const storage: StorageContext = {
  id: 'n2',
  config,
  bug: null,
  role: 'storage',
  value: null,
  maxToken: 0,
  writes: [],
  rejected: [],
};

describe('the lock service (Chubby §2.4, Kleppmann 2016)', () => {
  it('grants the next token, and denies another client until the lease ends by its own clock', () => {
    const granted = serviceStep(service, msg({ type: 'Acquire', op: 1, attempt: 1 }, 'c1', 100));
    expect(granted.changes).toEqual({ holder: 'c1', token: 33, expiresAt: 1100 });
    const held = { ...service, ...granted.changes } as ServiceContext;
    const denied = serviceStep(held, msg({ type: 'Acquire', op: 2, attempt: 1 }, 'c2', 1099));
    expect(denied.actions).toEqual([
      { kind: 'send', to: 'c2', message: { type: 'Deny', holder: 'c1', op: 2, attempt: 1 } },
    ]);
    const regranted = serviceStep(held, msg({ type: 'Acquire', op: 2, attempt: 1 }, 'c2', 1100));
    expect(regranted.changes).toEqual({ holder: 'c2', token: 34, expiresAt: 2100 });
  });

  it('ignores a Release of an older token', () => {
    const held = { ...service, holder: 'c2', token: 34, expiresAt: 2100 };
    expect(serviceStep(held, msg({ type: 'Release', token: 33 }, 'c2', 1200)).changes).toBe(null);
    expect(serviceStep(held, msg({ type: 'Release', token: 34 }, 'c2', 1200)).changes).toEqual({ holder: null });
  });
});

describe('the storage (fencing)', () => {
  const after34 = storageStep(storage, msg({ type: 'Write', value: '2', token: 34, op: 2 }, 'c2', 1300));
  const s34 = { ...storage, ...after34.changes } as StorageContext;

  it('refuses a token below the highest it accepted', () => {
    const late = storageStep(s34, msg({ type: 'Write', value: '1', token: 33, op: 1 }, 'c1', 1600));
    expect(late.actions).toEqual([
      { kind: 'send', to: 'c1', message: { type: 'WriteRejected', token: 33, maxToken: 34, op: 1 } },
    ]);
    expect((late.changes as Partial<StorageContext>).writes).toBeUndefined();
  });

  it('takes the stale write with the no-fencing bug, and fenced-writes names it', () => {
    const buggy = { ...s34, bug: 'no-fencing' as const };
    const late = storageStep(buggy, msg({ type: 'Write', value: '1', token: 33, op: 1 }, 'c1', 1600));
    const after = { ...buggy, ...late.changes } as StorageContext;
    expect(after.value).toBe('1');
    const world = (ctx: LockContext) => ({
      nowMs: 1600,
      nodes: [{ id: 'n2', kind: 'storage', isUp: true, context: ctx, view: {} }],
    });
    const h = lockMonitor.check(lockMonitor.initial(world(buggy)), world(buggy), 'n2').history;
    expect(lockMonitor.check(h, world(after), 'n2').findings).toEqual([
      { invariant: 'fenced-writes', message: "the storage accepted c1's write of 1 with token 33 after token 34" },
    ]);
  });
});

describe("the client's one check (Kleppmann's pause falls after it)", () => {
  const client: ClientContext = {
    id: 'c1',
    config,
    bug: null,
    role: 'client',
    servers: ['n1'],
    storage: 'n2',
    startedAt: 0,
    ...idle,
  } as ClientContext;

  it('counts the lease from sending Acquire, then writes after holdMs without looking at its clock again', () => {
    const invoked = clientStep(client, { type: 'invoke', op: 1, command: 'update 9', ...meta(100) });
    const acquiring = { ...client, ...invoked.changes } as ClientContext;
    const granted = clientStep(
      acquiring,
      msg({ type: 'Grant', token: 33, leaseMs: 1000, op: 1, attempt: 1 }, 'n1', 130),
    );
    const working = { ...acquiring, ...granted.changes } as ClientContext;
    expect([working.holding, working.token, working.validUntil]).toEqual([true, 33, 1100]);
    // The work timer fires at local 5000, long after validUntil (a pause): the write goes out all the same.
    const wrote = clientStep(working, { type: 'work', op: 1, ...meta(5000) });
    expect(wrote.actions).toEqual([
      { kind: 'send', to: 'n2', message: { type: 'Write', value: '9', token: 33, op: 1 } },
    ]);
  });
});

describe('Redlock (redis.io; redlock-rb)', () => {
  it('computes validity = TTL - elapsed - (TTL * 0.01 + 2 ms), and the bug takes the whole TTL', () => {
    expect(redlockValidity(config, 30, null)).toBe(1000 - 30 - 12);
    expect(redlockValidity(config, 1500, null)).toBeLessThan(0);
    expect(redlockValidity(config, 1500, 'redlock-ignores-elapsed')).toBe(1000);
  });

  it('a master expires a key by its own clock: a clock read past the expiry lets another value in', () => {
    const master: MasterContext = { id: 'n1', config, bug: null, role: 'master', key: { value: 'a', expiresAt: 1000 } };
    const refused = masterStep(master, msg({ type: 'Set', value: 'b', ttlMs: 1000 }, 'c2', 999));
    expect(refused.actions[0]).toEqual({ kind: 'send', to: 'c2', message: { type: 'SetFail', value: 'b' } });
    const taken = masterStep(master, msg({ type: 'Set', value: 'b', ttlMs: 1000 }, 'c2', 1000));
    expect(taken.changes).toEqual({ key: { value: 'b', expiresAt: 2000 } });
  });
});

describe('a Redlock client counts each master once', () => {
  it('does not take a duplicated SetOk for a majority (found by the fuzzer: duplication 0.15)', () => {
    const client = {
      id: 'c2',
      config: lockConfigSchema.parse({ variant: 'redlock', redisCount: 3 }),
      bug: null,
      role: 'client',
      servers: ['n1', 'n2', 'n3'],
      storage: 'n4',
      startedAt: 0,
      ...idle,
    } as ClientContext;
    const invoked = clientStep(client, { type: 'invoke', op: 1, command: 'update 1', ...meta(0) });
    let ctx = { ...client, ...invoked.changes } as ClientContext;
    const value = ctx.lockValue as string;
    for (const answer of [
      { type: 'SetOk', from: 'n3' },
      { type: 'SetOk', from: 'n3' },
      { type: 'SetFail', from: 'n2' },
    ]) {
      ctx = { ...ctx, ...clientStep(ctx, msg({ type: answer.type, value }, answer.from, 30)).changes } as ClientContext;
    }
    expect([ctx.granted, ctx.refused, ctx.holding]).toEqual([['n3'], ['n2'], false]);
  });
});

describe('the cluster a variant runs', () => {
  it('names the nodes field when the count is wrong', () => {
    expect(clusterProblems(config, ['n1', 'n2'])).toEqual([]);
    expect(clusterProblems(config, ['n1', 'n2', 'n3'])[0]).toMatch(/^nodes: lock's lease variant runs 2 servers/);
    const redlock = lockConfigSchema.parse({ variant: 'redlock', redisCount: 3 });
    expect(clusterProblems(redlock, ['n1', 'n2', 'n3', 'n4'])).toEqual([]);
    expect(clusterProblems(redlock, ['n1', 'n2'])[0]).toMatch(/redisCount \+ 1 = 4 servers/);
  });
});

describe('the overlap fact', () => {
  it('measures the time two clients both held the lock', () => {
    const state = (t: number, node: string, holding: boolean) =>
      ({ t, kind: 'state', node, state: { holding, token: null, validUntil: null } }) as const;
    const trace = [state(0, 'c1', true), state(400, 'c2', true), state(700, 'c1', false), state(900, 'c2', false)];
    expect(overlapFact({ trace, history: [], series: {}, endMs: 1000 })).toEqual({ ms: 300, clients: ['c1', 'c2'] });
  });
});
