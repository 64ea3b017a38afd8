import { describe, expect, it } from 'vitest';
import { registerOps } from '../../protocols/shared/registerOps';
import { opFields } from './opFields';

describe('the request form fields of an operation grammar', () => {
  it('reads each operation’s key and values from the usage', () => {
    expect(opFields(registerOps, 'read')).toEqual({ key: 'K', values: [] });
    expect(opFields(registerOps, 'write')).toEqual({ key: 'K', values: ['V'] });
    expect(opFields(registerOps, 'cas')).toEqual({ key: 'K', values: ['V1', 'V2'] });
  });
});
