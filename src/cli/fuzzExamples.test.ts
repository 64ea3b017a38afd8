import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli';

/**
 * The campaign examples (docs/fuzzing.md) run as their schedulers would run them, scaled down: the fuzz and
 * merge commands are read from the files themselves, so an example that drifts from the CLI fails here.
 */
const read = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const root = mkdtempSync(join(tmpdir(), 'netsplit-examples-'));
const RUNS = '12';
/** The matrix value as the workflow writes it (a GitHub expression, not a template). */
const MATRIX_K = ['$', '{{ matrix.k }}'].join('');

/** Every `npm run -s sim -- fuzz ...` command in the text, up to the end of its line or shell command. */
const commandsIn = (text: string) =>
  [...text.matchAll(/npm run -s sim -- (fuzz[^\n|;]*)/g)].map((m) => (m[1] as string).trim());

/** Splits a command into words, its `--runs` scaled down and on one job, its paths inside `machine`. */
function argv(command: string, machine: string): string[] {
  const words = command.split(/\s+/);
  const isMerge = words[1] === 'merge';
  const scaled = words.map((word, i) => {
    const flag = words[i - 1];
    if (flag === '--runs') return RUNS;
    if (flag === '--out' || (isMerge && i > 1 && !word.startsWith('--') && flag !== '--out')) {
      return join(machine, word);
    }
    return word;
  });
  return isMerge ? scaled : [...scaled, '--jobs', '1'];
}
const flagValue = (words: readonly string[], flag: string) => words[words.indexOf(flag) + 1] as string;
const withoutShard = (words: readonly string[]) =>
  words.filter((w, i) => w !== '--shard' && words[i - 1] !== '--shard');
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('examples/fuzz-matrix.yml (GitHub Actions)', () => {
  it('its matrix jobs and merge job print the report of the unsharded sweep', async () => {
    const text = read('fuzz-matrix.yml');
    const ks = JSON.parse(/^\s+k: (\[[^\]]*\])$/m.exec(text)?.[1] ?? 'null') as number[];
    const [shard, merge, ...rest] = commandsIn(text);
    expect(rest).toEqual([]);
    const n = Number(/--shard \$\{\{ matrix\.k \}\}\/(\d+)/.exec(shard ?? '')?.[1]);
    expect(ks).toEqual(range(n));
    // What a shard job uploads is its --out; what the merge job downloads (all artifacts into one) it merges.
    const uploaded = /upload-artifact@v4[\s\S]*?path: (\S+)/.exec(text)?.[1];
    const downloaded = /download-artifact@v4[\s\S]*?merge-multiple: true\s+path: (\S+)/.exec(text)?.[1];
    const mergeWords = argv(merge ?? '', '');
    expect(mergeWords.slice(0, 3)).toEqual(['fuzz', 'merge', join('', downloaded ?? '?')]);

    const codes: number[] = [];
    for (const k of ks) {
      const job = join(root, 'gh', `job-${k}`);
      const words = argv((shard ?? '').replace(MATRIX_K, String(k)), job);
      expect(flagValue(words, '--out')).toBe(join(job, uploaded ?? '?'));
      codes.push((await cli(...words)).code);
      cpSync(join(job, uploaded ?? '?'), join(root, 'gh', 'merge', downloaded ?? '?'), { recursive: true });
    }
    expect(codes.every((c) => c === 0 || c === 1)).toBe(true);
    const merged = await cli(...argv(merge ?? '', join(root, 'gh', 'merge')));
    const machine = join(root, 'gh', 'one');
    const oneOut = join(machine, flagValue(mergeWords, '--out'));
    const single = withoutShard(argv((shard ?? '').replace(MATRIX_K, '1'), machine));
    const one = await cli(...single.map((w, i) => (single[i - 1] === '--out' ? oneOut : w)));
    expect(one.stdout).toMatch(new RegExp(`^raft: ${RUNS} runs, \\d+ events, \\d+ failing`));
    expect({ ...merged, stdout: merged.stdout.replaceAll(join(root, 'gh', 'merge'), machine) }).toEqual(one);
  }, 120_000);
});

describe('examples/fuzz-indexed-job.yaml (Kubernetes)', () => {
  it('its indexed pods and merge job print the report of the unsharded sweep', async () => {
    const text = read('fuzz-indexed-job.yaml');
    expect(text).toMatch(/^\s+completionMode: Indexed$/m);
    const completions = Number(/^\s+completions: (\d+)$/m.exec(text)?.[1]);
    const [shard, merge, ...rest] = commandsIn(text);
    expect(rest).toEqual([]);
    // Pod i (JOB_COMPLETION_INDEX, from 0) plays shard i + 1 of `completions`; the merge waits for them all.
    expect(shard).toContain(`--shard $((JOB_COMPLETION_INDEX+1))/${completions} `);
    const wait = /fuzz-summary-\*-of-(\d+)\.json.*-eq (\d+)/.exec(text);
    expect([Number(wait?.[1]), Number(wait?.[2])]).toEqual([completions, completions]);
    expect(text).toContain('|| [ $? -eq 1 ]');

    const volume = join(root, 'k8s');
    for (let index = 0; index < completions; index++) {
      const words = argv((shard ?? '').replace('$((JOB_COMPLETION_INDEX+1))', String(index + 1)), volume);
      expect([0, 1]).toContain((await cli(...words)).code);
    }
    const merged = await cli(...argv(merge ?? '', volume));
    const machine = join(root, 'k8s-one');
    const mergeOut = flagValue(argv(merge ?? '', ''), '--out');
    const single = withoutShard(argv((shard ?? '').replace('$((JOB_COMPLETION_INDEX+1))', '1'), machine));
    const one = await cli(...single.map((w, i) => (single[i - 1] === '--out' ? join(machine, mergeOut) : w)));
    expect(one.stdout).toMatch(new RegExp(`^raft: ${RUNS} runs, \\d+ events, \\d+ failing`));
    expect({ ...merged, stdout: merged.stdout.replaceAll(volume, machine) }).toEqual(one);
  }, 120_000);
});
