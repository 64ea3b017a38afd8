import { describe, expect, it } from 'vitest';
import { embedOptions } from '../app/embed';
import { startOptions } from '../app/url';
import { main } from '../cli/main';
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

  it('in the runner’s own argument errors', async () => {
    const err: string[] = [];
    const run = (...argv: string[]) =>
      main(
        argv,
        () => {},
        (t) => err.push(t),
      );
    expect(await run(huge('z'))).toBe(2);
    expect(await run('fuzz', '--protocol', huge('q'))).toBe(2);
    expect(await run('fuzz', '--protocol', 'raft', '--bug', huge('b'))).toBe(2);
    expect(await run('run', 'x.json', '--until', huge('9'))).toBe(2);
    expect(await run('run', 'x.json', `--${huge('o')}`)).toBe(2);
    expect(err[0]).toBe(`unknown command "${'z'.repeat(32)}…" (1048576 characters): use run or fuzz`);
    expect(err[1]).toContain(`--protocol: unknown protocol "${'q'.repeat(32)}…" (1048576 characters)`);
    for (const line of err) expect(line.length).toBeLessThan(400);
  });

  it('in the page’s notes on a bad address', () => {
    const long = huge('s');
    const notes = [
      ...startOptions(`?preset=${long}&speed=${long}`).problems,
      ...embedOptions(`?embed&speed=${long}&panels=${long}&t=${long}`).problems,
    ];
    expect(notes).toHaveLength(5);
    expect(notes[0]).toBe(`There is no preset "${'s'.repeat(32)}…" (1048576 characters); opened the default one.`);
    for (const note of notes) expect(note.length).toBeLessThan(200);
  });
});
