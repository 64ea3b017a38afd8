import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli';
import { scriptedExperiment } from '../testing/experimentFiles';

const dir = mkdtempSync(join(tmpdir(), 'netsplit-experiment-'));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const shipped = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'experiments', name), 'utf8')) as {
    until: number;
    sweep: { values: { label: string }[] };
  };

/** A shipped Figure 16 file with only the named values and a shorter end. */
function subset(name: string, labels: readonly string[], until: number): string {
  const file = shipped(name);
  file.until = until;
  file.sweep.values = file.sweep.values.filter((v) => labels.includes(v.label));
  return write(`${labels.join('+')}.json`, file);
}

interface Figures {
  label: string;
  n: number;
  unfinished: number;
  median: number | null;
  values: number[];
}
const figuresOf = (stdout: string) => (JSON.parse(stdout) as { parameters: Figures[] }).parameters;

describe('experiment', () => {
  it('refuses bad input with exit 2, the field named, nothing on stdout', async () => {
    const bad = write('bad.json', scriptedExperiment({ measure: { kind: 'milestone', from: 1, milestone: 'x' } }));
    const run = await cli('experiment', bad);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/bad\.json: measure\.milestone: raft has no milestone "x"/);
    const jobs = await cli('experiment', write('ok.json', scriptedExperiment()), '--jobs', '0');
    expect([jobs.code, jobs.stdout, jobs.stderr]).toEqual([
      2,
      '',
      '--jobs: must be a whole number from 1 to 256, got "0"\n',
    ]);
  });

  it('prints a table per parameter value, and the CSV and SVG it is asked for', async () => {
    const csv = join(dir, 'scripted.csv');
    const svg = join(dir, 'scripted.svg');
    const run = await cli(
      'experiment',
      write('scripted.json', scriptedExperiment()),
      '--jobs',
      '1',
      '--csv',
      csv,
      '--svg',
      svg,
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('scripted: 6 trials (ms)');
    expect(lines[2]?.split(/\s+/)).toEqual(['at', '150', '4', '52', '52', '52', '52', '52', '52', '0']);
    expect(lines[3]?.split(/\s+/)).toEqual(['at', '120', '2', '22', '22', '22', '22', '22', '22', '0']);
    expect(readFileSync(csv, 'utf8').split('\n').slice(0, 2)).toEqual([
      'parameter,trial,seed,value,violations',
      expect.stringMatching(/^at 150,0,\d+,52,0$/),
    ]);
    expect(readFileSync(svg, 'utf8')).toContain('<path ');
  });

  it('gives the same results on one job and on two', async () => {
    const file = subset('raft-figure16-scale.json', ['12-24ms', '100-200ms'], 5000);
    const [one, two] = [join(dir, 'one.csv'), join(dir, 'two.csv')];
    const a = await cli('experiment', file, '--trials', '12', '--jobs', '1', '--json', '--csv', one);
    const b = await cli('experiment', file, '--trials', '12', '--jobs', '2', '--json', '--csv', two);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    expect(figuresOf(a.stdout).map((p) => p.n)).toEqual([12, 12]);
  }, 60_000);

  it('orders a scaled-down Figure 16 as the paper does', async () => {
    // Top graph: with no randomness every trial splits its votes past the end; more randomness, a faster election.
    const top = await cli(
      'experiment',
      subset('raft-figure16-randomness.json', ['150-150ms', '150-151ms', '150-155ms', '150-200ms'], 4000),
      '--trials',
      '40',
      '--jobs',
      '1',
      '--json',
    );
    const [none, one, five, fifty] = figuresOf(top.stdout) as [Figures, Figures, Figures, Figures];
    expect(none.unfinished).toBe(none.n);
    expect(one.median === null || one.median > (five.median as number)).toBe(true);
    expect(five.median).toBeGreaterThan(fifty.median as number);
    expect(fifty.unfinished).toBe(0);
    // Bottom graph: a shorter timeout, a shorter downtime, at least half the minimum timeout.
    const bottom = await cli(
      'experiment',
      subset('raft-figure16-scale.json', ['12-24ms', '25-50ms', '50-100ms', '100-200ms', '150-300ms'], 4000),
      '--trials',
      '40',
      '--jobs',
      '1',
      '--json',
    );
    const medians = figuresOf(bottom.stdout).map((p) => p.median as number);
    expect(medians).toEqual([...medians].sort((x, y) => x - y));
    expect(new Set(medians).size).toBe(5);
    figuresOf(bottom.stdout).forEach((p, i) => {
      expect(p.values[0]).toBeGreaterThanOrEqual(([12, 25, 50, 100, 150][i] as number) / 2);
    });
  }, 120_000);
});
