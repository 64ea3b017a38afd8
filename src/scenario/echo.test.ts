import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { parseScenario, parseScenarioText } from './parse';

/** A megabyte of one letter: what a hostile or broken file puts where a name belongs. */
const huge = (letter: string) => letter.repeat(1_048_576);
const base = { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 3 };
const errorsOf = (value: unknown) => {
  const result = parseScenario(value, getProtocol);
  return result.ok ? [] : result.errors;
};

describe('an error quotes user text briefly, with its length', () => {
  it.each([
    [
      'protocol',
      { ...base, protocol: huge('p') },
      `protocol: unknown protocol "${'p'.repeat(32)}…" (1048576 characters)`,
    ],
    ['bug', { ...base, bug: huge('b') }, `bug: unknown bug "${'b'.repeat(32)}…" (1048576 characters) for raft`],
    [
      'an event node',
      { ...base, events: [{ at: 1, type: 'crash', node: huge('n') }] },
      `events[0].node: unknown node "${'n'.repeat(32)}…" (1048576 characters)`,
    ],
    [
      'a partition group',
      { ...base, events: [{ at: 1, type: 'partition', groups: [[huge('g')], [huge('g')]] }] },
      `events[0].groups[1][0]: "${'g'.repeat(32)}…" (1048576 characters) is in more than one group`,
    ],
    [
      'a key of initial',
      { ...base, initial: { [huge('i')]: {} } },
      `initial["${'i'.repeat(32)}…" (1048576 characters)]: unknown node "${'i'.repeat(32)}…" (1048576 characters)`,
    ],
    [
      'a key of config',
      { ...base, config: { [huge('c')]: 1 } },
      `config["${'c'.repeat(32)}…" (1048576 characters)]: unknown field`,
    ],
  ])('%s', (_, file, message) => {
    const errors = errorsOf(file);
    expect(errors.join('\n')).toContain(message);
    for (const error of errors) expect(error.length).toBeLessThan(200);
  });

  it('in a file that is not JSON', () => {
    const result = parseScenarioText(`{"protocol": ${huge('x')}}`, getProtocol);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n').length).toBeLessThan(200);
  });
});
