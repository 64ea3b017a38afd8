import { describe, expect, it } from 'vitest';
import { dict, own, withEntry } from './dict';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', '10', 't1'];

describe('records keyed by user text', () => {
  it('know only what was put in them', () => {
    const empty = dict<number>();
    for (const name of NAMES) expect(own(empty, name)).toBeUndefined();
    expect(own({} as Record<string, unknown>, 'constructor')).toBeUndefined();
  });

  it('keep every name as an ordinary key, in the order JSON writes plain objects', () => {
    let record = dict<number>();
    NAMES.forEach((name, i) => {
      record = withEntry(record, name, i);
    });
    for (const [i, name] of NAMES.entries()) expect(own(record, name)).toBe(i);
    const plain = JSON.parse('{"constructor":0,"toString":1,"__proto__":2,"hasOwnProperty":3,"10":4,"t1":5}');
    expect(JSON.stringify(record)).toBe(JSON.stringify(plain));
    expect(Object.keys(record)).toEqual(['10', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 't1']);
  });

  it('never change the record they were made from', () => {
    const first = withEntry(dict<number>(), 'a', 1);
    const second = withEntry(first, '__proto__', 2);
    expect(Object.keys(first)).toEqual(['a']);
    expect(Object.keys(second)).toEqual(['a', '__proto__']);
  });
});
