import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle, fingerprint, freshBuild, OUT_DIR } from './bundle.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** A project with a few sources, and a build made from exactly them (what bundle.mjs leaves after a build). */
function project(): { dir: string; markBuilt: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'netsplit-bundle-'));
  mkdirSync(join(dir, 'src/cli'), { recursive: true });
  writeFileSync(join(dir, 'src/cli/main.ts'), 'export {};\n');
  writeFileSync(join(dir, 'src/index.ts'), 'export {};\n');
  writeFileSync(join(dir, 'package.json'), '{}\n');
  writeFileSync(join(dir, 'vite.cli.config.ts'), 'export default {};\n');
  const markBuilt = () => {
    const print = fingerprint(dir);
    mkdirSync(join(dir, OUT_DIR, print), { recursive: true });
    writeFileSync(join(dir, OUT_DIR, print, 'main.mjs'), '');
    writeFileSync(join(dir, OUT_DIR, 'current.json'), JSON.stringify({ fingerprint: print }));
    return join(dir, OUT_DIR, print);
  };
  return { dir, markBuilt };
}

/** Sets a file's modification time `seconds` after its current one. */
const touchLater = (path: string, seconds: number) => {
  const { mtimeMs } = statSync(path);
  utimesSync(path, new Date(), new Date(mtimeMs + seconds * 1000));
};

describe('the staleness check', () => {
  it('finds the build of the same sources fresh, and a missing or unreadable build stale', () => {
    const { dir, markBuilt } = project();
    expect(freshBuild(dir)).toBeUndefined();
    const built = markBuilt();
    expect(freshBuild(dir)).toBe(built);
    rmSync(join(built, 'main.mjs'));
    expect(freshBuild(dir)).toBeUndefined();
    markBuilt();
    writeFileSync(join(dir, OUT_DIR, 'current.json'), '{"fingerp');
    expect(freshBuild(dir)).toBeUndefined();
  });

  it('finds it stale once a source is newer: a file under src, package.json, the config', () => {
    const { dir, markBuilt } = project();
    for (const source of ['src/cli/main.ts', 'package.json', 'vite.cli.config.ts']) {
      markBuilt();
      touchLater(join(dir, source), 5);
      expect(freshBuild(dir), source).toBeUndefined();
    }
  });

  it('finds it stale once a source file is added, removed or renamed, even with an old time', () => {
    const { dir, markBuilt } = project();
    markBuilt();
    writeFileSync(join(dir, 'src/cli/new.ts'), 'export {};\n');
    utimesSync(join(dir, 'src/cli/new.ts'), new Date(0), new Date(0));
    expect(freshBuild(dir)).toBeUndefined();
    markBuilt();
    rmSync(join(dir, 'src/cli/new.ts'));
    expect(freshBuild(dir)).toBeUndefined();
    markBuilt();
    cpSync(join(dir, 'src/index.ts'), join(dir, 'src/moved.ts'), { preserveTimestamps: true });
    rmSync(join(dir, 'src/index.ts'));
    expect(freshBuild(dir)).toBeUndefined();
  });

  it('ignores files that are not sources: the build itself, the README, an edited test', () => {
    const { dir, markBuilt } = project();
    writeFileSync(join(dir, 'src/cli/main.test.ts'), 'export {};\n');
    const built = markBuilt();
    writeFileSync(join(dir, 'README.md'), 'notes\n');
    writeFileSync(join(built, 'extra.mjs'), '');
    touchLater(join(dir, 'src/cli/main.test.ts'), 5);
    expect(freshBuild(dir)).toBe(built);
  });
});

describe('the real bundle', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await ensureBundle(root, () => {});
  }, 120_000);

  it('is not rebuilt while its sources stay the same', async () => {
    const lines: string[] = [];
    expect(await ensureBundle(root, (line) => lines.push(line))).toBe(dir);
    expect(lines).toEqual([]);
  });

  it('runs as a script from its own main.mjs, as from the bin', () => {
    const args = ['run', 'src/protocols/raft/presets/first-election.json', '--json'];
    const direct = spawnSync('node', [join(dir, 'main.mjs'), ...args], { encoding: 'utf8' });
    const viaBin = spawnSync('node', ['bin/netsplit.mjs', ...args], { encoding: 'utf8' });
    expect(direct.status).toBe(0);
    expect(JSON.parse(direct.stdout)).toEqual(JSON.parse(viaBin.stdout));
  });

  it('starts the worker pool’s threads from the worker.mjs beside the bundled pool', () => {
    const script = `const { runPool } = await import(${JSON.stringify(pathToFileURL(join(dir, 'pool.mjs')).href)});
      const seen = [];
      let n = 0;
      const next = () => (n < 6 ? ++n : undefined);
      await runPool({ kind: 'square', jobs: 2, next, onResult: (o) => { seen.push(o); } });
      console.log(JSON.stringify(seen.sort((a, b) => a - b)));`;
    const file = join(mkdtempSync(join(tmpdir(), 'netsplit-pool-')), 'pool.mjs');
    writeFileSync(file, script);
    const result = spawnSync('node', [file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([1, 4, 9, 16, 25, 36]);
  });
});

/** Starts the copy's bin; resolves with what it printed and its exit status. */
function start(bin: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two processes starting at once on changed sources', () => {
  it('build once, both run, and leave one whole build', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'netsplit-bundle-copy-'));
    for (const path of ['src', 'bin', 'package.json', 'package-lock.json', 'vite.cli.config.ts']) {
      cpSync(join(root, path), join(copy, path), { recursive: true, filter: (p) => !p.endsWith('.test.ts') });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    const args = ['run', 'src/protocols/raft/presets/first-election.json', '--json'];
    const [a, b] = await Promise.all([
      start(join(copy, 'bin/netsplit.mjs'), args),
      start(join(copy, 'bin/netsplit.mjs'), args),
    ]);
    expect([a?.code, b?.code]).toEqual([0, 0]);
    expect(JSON.parse(a?.stdout ?? '')).toEqual(JSON.parse(b?.stdout ?? ''));
    const building = `${a?.stderr}${b?.stderr}`.split('\n').filter((line) => line.includes('building the runner'));
    expect(building).toHaveLength(1);
    const left = readdirSync(join(copy, OUT_DIR)).sort();
    expect(left).toEqual([fingerprint(copy), 'current.json'].sort());
    expect(existsSync(join(copy, OUT_DIR, fingerprint(copy), 'worker.mjs'))).toBe(true);
    rmSync(copy, { recursive: true, force: true });
  }, 120_000);
});
