import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle } from '../../bin/bundle.mjs';

/**
 * The runner as users start it: real processes of the real bin (bin/netsplit.mjs, through npm run and npx), so
 * npm's own output and the pipe's behaviour are in the picture.
 */

const dir = mkdtempSync(join(tmpdir(), 'netsplit-process-'));

// Built once here, so no process below pays for a build (or prints the one line a build prints).
beforeAll(() => ensureBundle(process.cwd(), () => {}), 120_000);

describe('the README command, npm run -s sim -- run <file> --json', () => {
  it('prints nothing on standard output and exits 2 for a bad file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"netsplit-scenario","version":1,"protocol":"raft","seed":1,"nodes":"many"}');
    const result = spawnSync('npm', ['run', '-s', 'sim', '--', 'run', bad, '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nodes: must be a count from 1 to 64 or a list of node ids');
  });

  it('prints exactly one JSON object for a good file, even one saved with a byte-order mark', () => {
    const preset = join(dir, 'bom.json');
    writeFileSync(
      preset,
      '\uFEFF{"format":"netsplit-scenario","version":1,"protocol":"raft","seed":3,"nodes":3,"until":800}',
    );
    const result = spawnSync('npm', ['run', '-s', 'sim', '--', 'run', preset, '--json'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ protocol: 'raft', seed: 3, time: 800 });
  });
});

/** Runs the runner with its standard output closed at once, as `| head -c 120` closes it once it has enough. */
function runWithClosedOutput(file: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['bin/netsplit.mjs', 'run', file, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that stops early', () => {
  it.each([
    ['src/protocols/raft/presets/first-election.json', 0],
    ['src/protocols/raft/presets/figure-8-bug.json', 1],
  ])('%s ends quietly with the run’s own exit status (%i)', async (file, status) => {
    const { code, stderr } = await runWithClosedOutput(file);
    expect(stderr).toBe('');
    expect(code).toBe(status);
  });
});

describe('npx netsplit, from the project root', () => {
  it('runs a scenario file: exactly one JSON object, the same as npm run sim prints', () => {
    const file = 'src/protocols/raft/presets/first-election.json';
    const viaNpx = spawnSync('npx', ['netsplit', 'run', file, '--json'], { encoding: 'utf8' });
    expect(viaNpx.stderr).toBe('');
    expect(viaNpx.status).toBe(0);
    const viaNpm = spawnSync('npm', ['run', '-s', 'sim', '--', 'run', file, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(viaNpx.stdout)).toEqual(JSON.parse(viaNpm.stdout));
  });

  it('fuzzes, and names the failing runs of a bug variant with exit 1', () => {
    const args = ['netsplit', 'fuzz', '--protocol', 'raft', '--bug', 'commit-old-term', '--runs', '40', '--json'];
    const result = spawnSync('npx', [...args, '--seed', '1', '--out', join(dir, 'fuzz-out')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.runs).toBe(40);
    expect(report.failures.length).toBeGreaterThan(0);
  });

  it('prints nothing on standard output and exits 2 for a bad command', () => {
    const result = spawnSync('npx', ['netsplit', 'frobnicate'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('netsplit: unknown command "frobnicate": use run, fuzz, check-history or experiment');
  });
});
