import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol, manifest } from '../protocols';
import { parseScenario } from './parse';

/**
 * spec/protocols.md §1.2, §1.5: `byzantine`, `join`, `leave` and `standby` may not name clients. No shipped
 * protocol has clients and Byzantine modes and membership at once, so the test lends one with Byzantine modes
 * and membership the client machine and grammar of one with clients (found by what they declare).
 */
const shipped = manifest.map((d) => getProtocol(d.id) as AnyProtocol);
const host = shipped.find((p) => (p.byzantineModes ?? []).length > 0 && p.membership) as AnyProtocol;
const lender = shipped.find((p) => p.clientMachine && p.ops) as AnyProtocol;
const both: AnyProtocol = { ...host, clientMachine: lender.clientMachine, ops: lender.ops };
const lookup = (id: string) => (id === host.id ? both : getProtocol(id));
const mode = host.byzantineModes?.[0]?.id ?? '';
const base = { format: 'netsplit-scenario', version: 1, protocol: host.id, seed: 1, nodes: 4, clients: 2 };
const errorsOf = (value: unknown) => {
  const result = parseScenario({ ...base, ...(value as object) }, lookup);
  return result.ok ? [] : result.errors;
};

describe('inputs that need a server refuse a client, naming the field', () => {
  it.each([
    [{ at: 1, type: 'byzantine', node: 'c1', mode }, 'events[0].node: "c1" is a client; byzantine needs a server'],
    [{ at: 1, type: 'join', node: 'c2' }, 'events[0].node: "c2" is a client; join needs a server'],
    [{ at: 1, type: 'leave', node: 'c1' }, 'events[0].node: "c1" is a client; leave needs a server'],
  ])('%o', (event, error) => {
    expect(errorsOf({ events: [event] })).toEqual([error]);
  });

  it('refuses a client in standby', () => {
    expect(errorsOf({ standby: ['n4', 'c1'], events: [] })).toEqual([
      'standby[1]: "c1" is a client; standby needs a server',
    ]);
  });

  it('still accepts the same inputs naming servers, and clients in the inputs that may name them', () => {
    const events = [
      { at: 1, type: 'byzantine', node: 'n2', mode },
      { at: 2, type: 'leave', node: 'n3' },
      { at: 3, type: 'join', node: 'n3' },
      { at: 4, type: 'crash', node: 'c1' },
      { at: 5, type: 'stall', node: 'c2', durationMs: 10 },
    ];
    expect(errorsOf({ standby: ['n4'], events })).toEqual([]);
  });
});
