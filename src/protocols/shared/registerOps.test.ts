import { describe, expect, it } from 'vitest';
import { registerOps } from './registerOps';

describe('the register grammar', () => {
  it('reads read, write and cas with integer values', () => {
    expect(registerOps.parse('read x')).toEqual({ name: 'read', key: 'x', args: [] });
    expect(registerOps.parse('write k_1 -3')).toEqual({ name: 'write', key: 'k_1', args: [-3] });
    expect(registerOps.parse('  cas x 1   2 ')).toEqual({ name: 'cas', key: 'x', args: [1, 2] });
  });

  it('refuses what is not an operation of it', () => {
    for (const bad of [
      'wrte x 1',
      'read',
      'read X',
      'write x',
      'write x 1.5',
      'cas x 1',
      'read x 1',
      'write x 9007199254740993',
      `read ${'k'.repeat(17)}`,
      '',
    ]) {
      expect(registerOps.parse(bad), bad).toBeNull();
    }
  });

  it('states a workload draw as read K, write K seq, cas K last seq', () => {
    expect(registerOps.workloadOp('read', 'x', 4, 2)).toBe('read x');
    expect(registerOps.workloadOp('write', 'x', 4, 2)).toBe('write x 4');
    expect(registerOps.workloadOp('cas', 'y', 7, 3)).toBe('cas y 3 7');
    expect(registerOps.parse(registerOps.workloadOp('cas', 'y', 7, 3))).toEqual({
      name: 'cas',
      key: 'y',
      args: [3, 7],
    });
  });
});
