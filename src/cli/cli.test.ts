import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli';

const dir = mkdtempSync(join(tmpdir(), 'netsplit-cli-'));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const ok = { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 4, nodes: 3, until: 1500 };

describe('sim run', () => {
  it('prints exactly one JSON object with the contract fields and exits 0', async () => {
    const { code, stdout, stderr } = await cli('run', write('ok.json', ok), '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary)).toEqual([
      'protocol',
      'seed',
      'time',
      'events',
      'traceHash',
      'messages',
      'nodes',
      'violations',
      'skipped',
      'series',
    ]);
    expect(summary).toMatchObject({ protocol: 'raft', seed: 4, time: 1500 });
    // §1.8: one line per server and series, sampled every 100 ms from 0 through the end.
    expect(Object.keys(summary.series)).toEqual([
      'term.n1',
      'term.n2',
      'term.n3',
      'commitIndex.n1',
      'commitIndex.n2',
      'commitIndex.n3',
    ]);
    expect(summary.series['term.n1'].map(([t]: [number]) => t)).toEqual(Array.from({ length: 16 }, (_, i) => i * 100));
    expect(summary.nodes[0]).toMatchObject({
      id: 'n1',
      up: true,
      state: { role: expect.any(String), term: expect.any(Number) },
    });
  });

  it('honours --until over the file', async () => {
    expect(JSON.parse((await cli('run', write('ok.json', ok), '--json', '--until', '700')).stdout).time).toBe(700);
  });

  it('writes the trace as JSON lines, every line with t and kind', async () => {
    const trace = join(dir, 'trace.jsonl');
    const { stdout } = await cli('run', write('ok.json', ok), '--json', '--trace', trace);
    const lines = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines)
      expect(line).toEqual(expect.objectContaining({ t: expect.any(Number), kind: expect.any(String) }));
    const sends = lines.filter((l) => l.kind === 'send');
    expect(sends[0]).toMatchObject({ id: 1, type: 'RequestVote', message: { type: 'RequestVote' } });
    expect(JSON.parse(stdout).messages.sent).toBe(sends.length);
  });

  it('exits 1 when an invariant breaks', async () => {
    const { code, stdout } = await cli('run', 'src/protocols/raft/presets/figure-8-bug.json');
    expect(code).toBe(1);
    expect(stdout).toContain('VIOLATION state-machine-safety');
  });

  it('exits 2 with the field and the reason, and prints nothing on standard output', async () => {
    const bad = write('bad.json', { ...ok, events: [{ at: 3, type: 'crash', node: 'n9' }] });
    const { code, stdout, stderr } = await cli('run', bad, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('events[0].node: unknown node "n9"');
  });

  it.each([
    [['run'], 'expected one scenario file'],
    [['run', '/nonexistent.json'], 'cannot read (ENOENT)'],
    [['run', 'x.json', '--until', 'soon'], '--until: must be a whole number'],
    [['run', 'x.json', '--colour'], "Unknown option '--colour'"],
    [['fuzz'], '--protocol: required'],
    [['fuzz', '--protocol', 'zab'], '--protocol: unknown protocol "zab"'],
    [['fuzz', '--protocol', 'raft', '--bug', 'nope'], '--bug: unknown bug "nope"'],
    [['fuzz', '--protocol', 'raft', '--runs', '0'], '--runs: must be a whole number from 1'],
    [['fuzz', '--protocol', 'raft', '--clients', '2'], '--clients: raft has no clients'],
    [['fuzz', '--protocol', 'register', '--clients', 'many'], '--clients: must be a whole number from 0'],
    [['explode'], 'unknown command "explode"'],
  ])('%j exits 2: %s', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('exits 2 and never throws on fuzzed scenario files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (text) => {
          const { code, stdout, stderr } = await cli('run', write('fuzzed.json', text), '--json');
          expect(code).toBe(2);
          expect(stdout).toBe('');
          expect(stderr.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('sim fuzz', () => {
  it('reports no failure for correct Raft, as JSON', async () => {
    const { code, stdout } = await cli('fuzz', '--protocol', 'raft', '--runs', '20', '--json', '--out', dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ runs: 20, failures: [] });
  });

  it('writes a scenario file for each failure that replays the violation with run', async () => {
    const { code, stdout } = await cli(
      'fuzz',
      '--protocol',
      'raft',
      '--bug',
      'vote-without-log-check',
      '--runs',
      '40',
      '--json',
      '--out',
      dir,
    );
    expect(code).toBe(1);
    const { failures } = JSON.parse(stdout);
    expect(failures.length).toBeGreaterThan(0);
    const [failure] = failures;
    const replay = await cli('run', failure.scenario, '--json');
    expect(replay.code).toBe(1);
    expect(JSON.parse(replay.stdout).violations).toEqual(failure.violations);
  });
});

describe('npm run sim (a real process)', () => {
  it('runs from the project root and keeps standard output clean', async () => {
    const out = execFileSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'run', 'src/protocols/raft/presets/first-election.json', '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out).protocol).toBe('raft');
    const bad = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'run', '-', '--json'], {
      input: '{"format":"nope"}',
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('netsplit: stdin: format: must be "netsplit-scenario"');
  });
});

describe('sim run within a budget', () => {
  it('refuses a run that needs more events than its budget: exit 2, the budget named, stdout empty', async () => {
    const huge = write('huge.json', { ...ok, nodes: 64, until: 86_400_000 });
    const { code, stdout, stderr } = await cli('run', huge, '--json', '--max-events', '5000');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /huge\.json: the run stopped at \d+\.\d{3} s of virtual time: it reached its budget of 5,000 events/,
    );
    expect((await cli('run', huge, '--max-events', 'lots')).stderr).toMatch(/^--max-events: must be a whole number/);
  });

  it('refuses a run that would keep more trace records than its budget, naming it and --max-records', async () => {
    const huge = write('huge-records.json', { ...ok, nodes: 64, until: 86_400_000 });
    const { code, stdout, stderr } = await cli('run', huge, '--json', '--max-records', '4000');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/budget of 4,000 trace records \(raise it with --max-records, or shorten `until`\)/);
    expect((await cli('run', huge, '--max-records', '0')).stderr).toMatch(/^--max-records: must be a whole number/);
  });
});
