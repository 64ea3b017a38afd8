import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli';

const root = mkdtempSync(join(tmpdir(), 'netsplit-merge-'));
// Raft with commit-old-term, sweep seed 21: runs 10 and 20 (shard 1/2) and 23 (shard 2/2) of 30 fail.
const sweep = ['fuzz', '--protocol', 'raft', '--bug', 'commit-old-term', '--runs', '30', '--seed', '21'];
const fuzzInto = (dir: string, ...more: string[]) => cli(...sweep, '--out', join(root, dir), ...more);
const filesIn = (dir: string) =>
  Object.fromEntries(readdirSync(join(root, dir)).map((name) => [name, readFileSync(join(root, dir, name), 'utf8')]));

describe('fuzz --jobs', () => {
  it('prints the same report, exit code and files with one job and two', async () => {
    for (const json of [[], ['--json']]) {
      const one = await fuzzInto('jobs', '--jobs', '1', '--no-shrink', ...json);
      const files = filesIn('jobs');
      rmSync(join(root, 'jobs'), { recursive: true });
      const two = await fuzzInto('jobs', '--jobs', '2', '--no-shrink', ...json);
      expect(one.code).toBe(1);
      expect(two).toEqual(one);
      expect(filesIn('jobs')).toEqual(files);
    }
    expect(Object.keys(filesIn('jobs'))).toHaveLength(3);
  }, 120_000);
});

describe('fuzz --shard and fuzz merge', () => {
  it('merges two halves into the report, exit code and scenario files of the unsharded sweep', async () => {
    const whole = await fuzzInto('whole', '--jobs', '1');
    const wholeJson = await fuzzInto('whole', '--jobs', '1', '--json');
    const halves = [
      await fuzzInto('half1', '--shard', '1/2', '--jobs', '1'),
      await fuzzInto('half2', '--shard', '2/2'),
    ];
    expect(halves.map((h) => h.code)).toEqual([1, 1]);
    expect(halves[0]?.stdout).toMatch(/^raft with bug commit-old-term, shard 1\/2: 15 runs, \d+ events, 2 failing/);
    const summary = JSON.parse(readFileSync(join(root, 'half2', 'fuzz-summary-2-of-2.json'), 'utf8'));
    expect(summary).toMatchObject({ format: 'netsplit-fuzz-shard', version: 1, protocol: 'raft', seed: 21 });
    expect(summary).toMatchObject({ runs: 30, nodes: 5, until: 5000, clients: 2, shard: { k: 2, n: 2 }, played: 15 });
    expect(summary.failures.map((f: { index: number }) => f.index)).toEqual([23]);

    const dirs = [join(root, 'half2'), join(root, 'half1')];
    const merged = await cli('fuzz', 'merge', ...dirs, '--out', join(root, 'merged'));
    const mergedJson = await cli('fuzz', 'merge', ...dirs, '--out', join(root, 'merged'), '--json');
    const same = (text: string) => text.replaceAll(join(root, 'merged'), join(root, 'whole'));
    expect({ ...merged, stdout: same(merged.stdout) }).toEqual(whole);
    expect({ ...mergedJson, stdout: same(mergedJson.stdout) }).toEqual(wholeJson);
    expect(whole.stdout).toContain('3 failing');
    // Shrunk failures: each shard's shrunk file and its original, copied as the whole sweep wrote them.
    expect(Object.keys(filesIn('whole')).filter((name) => name.endsWith('.original.json'))).toHaveLength(3);
    expect(filesIn('merged')).toEqual(filesIn('whole'));
  }, 120_000);

  it('reads shards that share one directory (a volume, artifacts downloaded together)', async () => {
    await fuzzInto('shared', '--shard', '1/2', '--jobs', '1', '--json', '--no-shrink');
    await fuzzInto('shared', '--shard', '2/2', '--jobs', '1', '--json', '--no-shrink');
    const one = await cli('fuzz', 'merge', join(root, 'shared'), '--out', join(root, 'shared'), '--json');
    const whole = await fuzzInto('shared', '--jobs', '1', '--json', '--no-shrink');
    expect(one).toEqual(whole);
  }, 120_000);
});

describe('bad flags and bad shards', () => {
  it.each([
    [['--shard', '3/2'], '--shard: must be k/n with 1 <= k <= n'],
    [['--shard', 'x'], '--shard: must be k/n'],
    [['--shard', '0/2'], '--shard: must be k/n'],
    [['--jobs', '0'], '--jobs: must be a whole number from 1'],
    [['--jobs', 'many'], '--jobs: must be a whole number from 1'],
  ])('fuzz %j exits 2 naming the flag', async (flags, message) => {
    const { code, stdout, stderr } = await cli('fuzz', '--protocol', 'raft', '--runs', '2', ...flags);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  const shardDir = (name: string, summary: Record<string, unknown>, k = 1, n = 2) => {
    const dir = join(root, 'bad', name);
    mkdirSync(dir, { recursive: true });
    const base = { format: 'netsplit-fuzz-shard', version: 1, protocol: 'raft', bug: null, seed: 1, runs: 4 };
    const rest = { nodes: 5, until: 5000, clients: 2, shard: { k, n }, played: 2, events: 10, failures: [] };
    writeFileSync(join(dir, `fuzz-summary-${k}-of-${n}.json`), JSON.stringify({ ...base, ...rest, ...summary }));
    return dir;
  };

  it.each([
    [() => [], 'fuzz merge: expected one or more directories'],
    [() => [join(root, 'nowhere')], 'nowhere: cannot read (ENOENT)'],
    [() => [root], 'no shard summary'],
    [() => [shardDir('a1', {})], 'shard 2/2 missing: merge needs all 2'],
    [() => [shardDir('b1', {}), shardDir('b2', {})], 'shard 1/2 appears twice'],
    [() => [shardDir('c1', {}), shardDir('c2', { seed: 2 }, 2)], 'seed 2 differs from 1'],
    [() => [shardDir('d1', {}), shardDir('d2', {}, 1, 3)], 'shard count n 3 differs from 2'],
    [() => [shardDir('e1', { version: 2 })], 'fuzz-summary-1-of-2.json: version: must be 1'],
    [() => [shardDir('f1', { played: 1 }), shardDir('f2', {}, 2)], 'played: 1 runs, where shard 1/2 of 4 runs holds 2'],
    [
      () => [shardDir('g1', { failures: [{ index: 0, seed: 3, violations: [], scenario: 'x.json' }] })],
      'failures[0].violations: must be a list of violations',
    ],
    [
      () => [
        shardDir('h1', {
          failures: [{ index: 0, seed: 3, violations: [{ invariant: 'i', message: 'm' }], scenario: '../x.json' }],
        }),
      ],
      "failures[0].scenario: must be a file name in the summary's directory",
    ],
    [
      () => [
        shardDir('i1', {
          failures: [
            { index: 1, seed: 3, violations: [{ invariant: 'i', time: 1, message: 'm' }], scenario: 'x.json' },
          ],
        }),
        shardDir('i2', {}, 2),
      ],
      'failures: run 1 is not in shard 1/2 of 4 runs',
    ],
    [
      () => [
        shardDir('j1', {
          failures: [
            { index: 0, seed: 3, violations: [{ invariant: 'i', time: 1, message: 'm' }], scenario: 'x.json' },
          ],
        }),
        shardDir('j2', {}, 2),
      ],
      "x.json: cannot read the failing run's scenario file (ENOENT)",
    ],
  ])('merge %# exits 2 naming the problem', async (dirs, message) => {
    const { code, stdout, stderr } = await cli('fuzz', 'merge', ...dirs(), '--out', join(root, 'bad-out'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(() => readdirSync(join(root, 'bad-out'))).toThrow();
  });
});
