import { describe, expect, it } from 'vitest';
import { clusterShape } from '../engine/topology';
import { circleLayout, drawnLinks, gridLayout, layoutFor } from './layout';

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

  it('draws only the ring’s edges under the ring hint, even over a full mesh', () => {
    const shape = clusterShape({ machine, layout: 'ring' }, ['a', 'b', 'c', 'd', 'e']);
    expect(shape.links.length).toBe(20);
    expect(drawnLinks(shape)).toEqual([
      { a: 'a', b: 'b' },
      { a: 'a', b: 'e' },
      { a: 'b', b: 'c' },
      { a: 'c', b: 'd' },
      { a: 'd', b: 'e' },
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

describe('each layout hint (spec/protocols.md §1.8), and a view’s override of it', () => {
  const kinds = [
    { id: 'server', title: 'Server', machine },
    { id: 'client', title: 'Client', machine },
    { id: 'balancer', title: 'Balancer', machine },
  ];
  const kindOf = (id: string) => (id.startsWith('c') ? 'client' : id.startsWith('b') ? 'balancer' : 'server');

  it('ring: the servers make the ring and the clients sit in a row below it, linked to the servers they talk to', () => {
    const shape = clusterShape(
      { machine, nodeKinds: kinds, nodeKind: kindOf, topology: 'client-to-entry', layout: 'ring' },
      ['s1', 's2', 's3', 'c1'],
    );
    const at = layoutFor(shape);
    expect(at.c1?.y).toBeGreaterThan(Math.max(...['s1', 's2', 's3'].map((id) => at[id]?.y ?? 0)) + 120);
    expect(drawnLinks(shape)).toEqual([
      { a: 's1', b: 's2' },
      { a: 's1', b: 's3' },
      { a: 's1', b: 'c1' },
      { a: 's2', b: 's3' },
      { a: 's2', b: 'c1' },
      { a: 's3', b: 'c1' },
    ]);
  });

  it('circle: servers on a circle, the first at the top, and clients in a centred row below it', () => {
    const shape = clusterShape({ machine, nodeKinds: kinds, nodeKind: kindOf }, ['s1', 's2', 's3', 'c1', 'c2']);
    const at = layoutFor(shape);
    const serverYs = ['s1', 's2', 's3'].map((id) => at[id]?.y ?? 0);
    expect(at.s1?.y).toBe(Math.min(...serverYs));
    expect(at.c1?.y).toBe(at.c2?.y);
    expect(at.c1?.y).toBeGreaterThan(Math.max(...serverYs) + 120);
    // Centred under the circle: the row's middle is the circle's.
    expect(((at.c1?.x ?? 0) + (at.c2?.x ?? 0)) / 2).toBeCloseTo(at.s1?.x ?? 0, 0);
  });

  it('ring: every node on one circle in scenario order, clockwise from the top', () => {
    const at = layoutFor(clusterShape({ machine, topology: 'ring', layout: 'ring' }, ['a', 'b', 'c', 'd']));
    expect(at.a?.y).toBeLessThan(at.b?.y ?? 0);
    expect(at.b?.x).toBeGreaterThan(at.a?.x ?? 0);
    expect(at.c?.y).toBeGreaterThan(at.b?.y ?? 0);
    expect(at.d?.x).toBeLessThan(at.a?.x ?? 0);
  });

  it('pipeline: one column per kind, in the order the kinds first appear, each centred on the tallest', () => {
    const shape = clusterShape({ machine, nodeKinds: kinds, nodeKind: kindOf, layout: 'pipeline' }, [
      'c1',
      'c2',
      'b1',
      's1',
      's2',
      's3',
    ]);
    const at = layoutFor(shape);
    expect(at.c1?.x).toBeLessThan(at.b1?.x ?? 0);
    expect(at.b1?.x).toBeLessThan(at.s1?.x ?? 0);
    expect(at.s1?.x).toBe(at.s3?.x);
    expect(at.b1?.y).toBe(at.s2?.y);
  });

  it('grid: 25 nodes in 5 rows of 5, read left to right, top to bottom', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `n${i + 1}`);
    const at = layoutFor(clusterShape({ machine }, ids), 'grid');
    expect(new Set(Object.values(at).map((p) => p.x)).size).toBe(5);
    expect(at.n5?.y).toBe(at.n1?.y);
    expect(at.n6?.x).toBe(at.n1?.x);
    expect(at.n25?.y).toBeGreaterThan(at.n20?.y ?? 0);
  });

  it('an override wins over the protocol’s hint, and the hint holds without one', () => {
    const shape = clusterShape({ machine, layout: 'grid' }, ['n1', 'n2', 'n3', 'n4']);
    expect(layoutFor(shape)).toEqual(gridLayout(['n1', 'n2', 'n3', 'n4']));
    expect(layoutFor(shape, 'ring')).toEqual(circleLayout(['n1', 'n2', 'n3', 'n4']));
  });
});
