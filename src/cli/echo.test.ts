import { describe, expect, it } from 'vitest';
import { main } from './main';

/** A megabyte of one letter: what a hostile or broken file puts where a name belongs. */
const huge = (letter: string) => letter.repeat(1_048_576);

describe('the runner quotes what it was given briefly, with its length', () => {
  it('in its own argument errors', async () => {
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
    expect(err[0]).toBe(
      `unknown command "${'z'.repeat(32)}…" (1048576 characters): use run, fuzz, check-history or experiment`,
    );
    expect(err[1]).toContain(`--protocol: unknown protocol "${'q'.repeat(32)}…" (1048576 characters)`);
    for (const line of err) expect(line.length).toBeLessThan(400);
  });
});
