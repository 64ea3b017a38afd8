import { describe, expect, it } from 'vitest';
import { getAt, PathError, parsePath, setAt } from './path';

describe('paths into a scenario file', () => {
  it('reads dotted names and list indices either way', () => {
    expect(parsePath('events[2].at')).toEqual({ ok: true, keys: ['events', 2, 'at'] });
    expect(parsePath('events.2.at')).toEqual({ ok: true, keys: ['events', 2, 'at'] });
    expect(parsePath('initial.n-1.log')).toEqual({ ok: true, keys: ['initial', 'n-1', 'log'] });
    expect(parsePath('a..b').ok).toBe(false);
    expect(parsePath('a[x]').ok).toBe(false);
  });

  it('sets a copy and leaves the original as it was, creating missing object fields', () => {
    const file = { config: { heartbeatMs: 50 }, events: [{ at: 1 }, { at: 2 }] };
    const changed = setAt(setAt(file, ['events', 1, 'at'], 9), ['network', 'latencyMs'], [2, 3]);
    expect(getAt(changed, ['events', 1, 'at'])).toBe(9);
    expect(getAt(changed, ['network', 'latencyMs'])).toEqual([2, 3]);
    expect(file).toEqual({ config: { heartbeatMs: 50 }, events: [{ at: 1 }, { at: 2 }] });
    expect((changed as typeof file).events[0]).toBe(file.events[0]);
  });

  it('says where a path breaks: no such entry, or not a container', () => {
    const file = { events: [{ at: 1 }], seed: 3 };
    expect(() => setAt(file, ['events', 4, 'at'], 0)).toThrow(new PathError('events has 1 entries, no entry 4'));
    expect(() => setAt(file, ['seed', 'x'], 0)).toThrow(new PathError('seed is not an object or a list'));
    expect(() => setAt(file, ['events', 'x'], 0)).toThrow(new PathError('events has 1 entries, no entry x'));
  });
});
