import { describe, expect, it } from 'vitest';
import { clusterShape } from '../engine/topology';
import { drawnLinks, layoutFor } from './layout';

const machine = {} as never;

describe('the canvas layout and its links', () => {
  it('draws a full mesh as one line per pair, in scenario order', () => {
    const shape = clusterShape({ machine }, ['n1', 'n2', 'n3']);
    expect(drawnLinks(shape)).toEqual([
      { a: 'n1', b: 'n2' },
      { a: 'n1', b: 'n3' },
      { a: 'n2', b: 'n3' },
    ]);
  });

  it('draws a ring as neighbours only, the last next to the first', () => {
    const shape = clusterShape({ machine, topology: 'ring', layout: 'ring' }, ['a', 'b', 'c', 'd']);
    expect(drawnLinks(shape)).toEqual([
      { a: 'a', b: 'b' },
      { a: 'a', b: 'd' },
      { a: 'b', b: 'c' },
      { a: 'c', b: 'd' },
    ]);
  });

  it('puts a grid in rows of ceil(sqrt(n)) and keeps 25 nodes apart', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `n${i + 1}`);
    const at = layoutFor(clusterShape({ machine, layout: 'grid' }, ids));
    expect(new Set(Object.values(at).map((p) => p.y)).size).toBe(5);
    expect(at.n6).toEqual({ x: 0, y: at.n2?.x });
  });

  it('puts clients in a column left of the servers', () => {
    const kinds = [
      { id: 'server', title: 'Server', machine },
      { id: 'client', title: 'Client', machine },
    ];
    const shape = clusterShape(
      {
        machine,
        nodeKinds: kinds,
        nodeKind: (id) => (id.startsWith('c') ? 'client' : 'server'),
        layout: 'clients-servers',
      },
      ['s1', 's2', 's3', 'c1'],
    );
    const at = layoutFor(shape);
    expect(at.c1?.x).toBeLessThan(at.s1?.x ?? 0);
    expect(at.s1?.x).toBe(at.s3?.x);
  });
});
