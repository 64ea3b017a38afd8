import { describe, expect, it } from 'vitest';
import { inputRow } from './inputRow';

describe('a script row says what an input does and to what', () => {
  it('names the node, the link or the request', () => {
    expect(inputRow({ at: 5, type: 'crash', node: 'leader' })).toEqual({
      kind: 'crash',
      target: 'leader',
      hasText: false,
    });
    expect(inputRow({ at: 5, type: 'cut', from: 'n1', to: 'n2', oneWay: true }).target).toBe('n1 → n2');
    expect(inputRow({ at: 5, type: 'partition', groups: [['n1', 'n2'], ['n3']] }).target).toBe('n1 n2 | n3');
    expect(inputRow({ at: 5, type: 'request', command: 'x=1', node: 'n3' }).target).toBe('x=1 to n3');
    expect(inputRow({ at: 5, type: 'link', from: 'n1', to: 'n2', loss: 0.5 }).target).toBe('n1 – n2: loss 0.5');
    expect(inputRow({ at: 5, type: 'drop', message: 12 }).target).toBe('message 12');
  });

  it('marks captions and pauses as having text to edit', () => {
    expect(inputRow({ at: 5, type: 'caption', text: 'hi' }).hasText).toBe(true);
    expect(inputRow({ at: 5, type: 'pause' }).hasText).toBe(true);
    expect(inputRow({ at: 5, type: 'heal' }).hasText).toBe(false);
  });
});
