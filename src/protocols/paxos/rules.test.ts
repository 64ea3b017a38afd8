import { describe, expect, it } from 'vitest';
import { onAccept, onPrepare } from './acceptor';
import { paxosConfigSchema } from './config';
import { freshProposer, onNack, onPromise, onRequest } from './proposer';
import type { Ballot, PaxosContext } from './types';

/** The rules one step at a time, on a node n2 of three (n1, n2, n3), as the paper states each. */
const b = (round: number, node: string): Ballot => ({ round, node });

function node(fields: Partial<PaxosContext> = {}): PaxosContext {
  return {
    id: 'n2',
    nodes: ['n1', 'n2', 'n3'],
    config: paxosConfigSchema.parse({ proposers: 3 }),
    bug: null,
    promised: null,
    accepted: null,
    round: 0,
    chosen: null,
    proposer: freshProposer(),
    tallies: [],
    ...fields,
  };
}

describe('the acceptor (§2.2, phase 1(b) and 2(b))', () => {
  it('promises a higher ballot and reports its accepted proposal', () => {
    const accepted = { ballot: b(1, 'n1'), value: 'A' };
    const r = onPrepare(node({ promised: b(1, 'n1'), accepted }), 'n3', b(2, 'n3'));
    expect(r.ctx.promised).toEqual(b(2, 'n3'));
    expect(r.sends).toEqual([{ to: 'n3', message: { type: 'Promise', ballot: b(2, 'n3'), accepted } }]);
  });

  it('refuses a lower ballot with a Nack naming its promise, and ignores the same ballot again', () => {
    const ctx = node({ promised: b(2, 'n3') });
    expect(onPrepare(ctx, 'n1', b(2, 'n1')).sends).toEqual([
      { to: 'n1', message: { type: 'Nack', ballot: b(2, 'n1'), promised: b(2, 'n3') } },
    ]);
    expect(onPrepare(ctx, 'n3', b(2, 'n3'))).toEqual({ ctx, sends: [] });
  });

  it('accepts unless promised above, tells every learner, and then promises the accepted ballot', () => {
    const r = onAccept(node({ promised: b(1, 'n1') }), 'n3', b(2, 'n3'), 'C');
    expect(r.ctx).toMatchObject({ promised: b(2, 'n3'), accepted: { ballot: b(2, 'n3'), value: 'C' } });
    expect(r.sends.map((s) => s.to)).toEqual(['n1', 'n2', 'n3']);
    expect(onAccept(node({ promised: b(3, 'n1') }), 'n3', b(2, 'n3'), 'C').sends[0]?.message.type).toBe('Nack');
  });
});

describe('the proposer (§2.2, phase 1(a) and 2(a); §2.5)', () => {
  it('starts a round above every round it tried or its acceptor promised, and prepares every acceptor', () => {
    const r = onRequest(node({ round: 4, promised: b(6, 'n3') }), 'B', 0);
    expect(r.ctx.round).toBe(7);
    expect(r.ctx.proposer).toMatchObject({ ballot: b(7, 'n2'), phase: 'prepare', own: 'B' });
    expect(r.sends.map((s) => [s.to, s.message.type])).toEqual([
      ['n1', 'Prepare'],
      ['n2', 'Prepare'],
      ['n3', 'Prepare'],
    ]);
  });

  it('proposes the highest-numbered accepted value among a majority of promises (P2c), else its own', () => {
    const started = onRequest(node(), 'B', 0).ctx;
    const one = onPromise(started, 'n1', b(1, 'n2'), { ballot: b(1, 'n1'), value: 'A' }).ctx;
    const low = onPromise(one, 'n3', b(1, 'n2'), { ballot: b(0, 'n3'), value: 'Z' });
    expect(low.ctx.proposer).toMatchObject({ phase: 'accept', proposing: 'A' });
    expect(low.sends.map((s) => s.message)).toContainEqual({ type: 'Accept', ballot: b(1, 'n2'), value: 'A' });
    const empty = onPromise(onPromise(started, 'n1', b(1, 'n2'), null).ctx, 'n3', b(1, 'n2'), null);
    expect(empty.ctx.proposer?.proposing).toBe('B');
  });

  it('with proposer-ignores-accepted-value proposes its own value anyway', () => {
    const started = onRequest(node({ bug: 'proposer-ignores-accepted-value' }), 'B', 0).ctx;
    const one = onPromise(started, 'n1', b(1, 'n2'), { ballot: b(1, 'n1'), value: 'A' }).ctx;
    expect(onPromise(one, 'n3', b(1, 'n2'), null).ctx.proposer?.proposing).toBe('B');
  });

  it('abandons its round on a Nack and notes the higher round for the next ballot', () => {
    const started = onRequest(node(), 'B', 0).ctx;
    const r = onNack(started, b(1, 'n2'), b(5, 'n3'));
    expect(r.ctx.proposer?.phase).toBe('idle');
    expect(onRequest({ ...r.ctx, proposer: { ...freshProposer() } }, 'B', 0).ctx.proposer?.ballot).toEqual(b(6, 'n2'));
  });

  it('answers a request at once with the chosen value after a choice', () => {
    expect(onRequest(node({ chosen: 'A' }), 'B', 0).actions).toEqual([
      { kind: 'reply', command: 'B', ok: true, note: 'chosen A' },
    ]);
  });
});
