import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_FILES, ensureBundle, freshBuild, OUT_DIR, recordBuild, sourceState } from './bundle.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The files of a small project that a build of it used (the rest are under src/ but not in the bundle). */
const USED = ['src/cli/main.ts', 'src/cli/used.ts', ...BUILD_FILES];

/** A small project, and a build made from it (what bundle.mjs leaves after a build). */
function project(): { dir: string; markBuilt: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'netsplit-bundle-'));
  mkdirSync(join(dir, 'src/cli'), { recursive: true });
  mkdirSync(join(dir, 'src/ui'), { recursive: true });
  for (const path of ['src/cli/main.ts', 'src/cli/used.ts', 'src/cli/main.test.ts', 'src/ui/page.tsx']) {
    writeFileSync(join(dir, path), 'export {};\n');
  }
  writeFileSync(join(dir, 'package.json'), '{}\n');
  writeFileSync(join(dir, 'vite.cli.config.ts'), 'export default {};\n');
  const markBuilt = () => {
    const build = join(dir, OUT_DIR, 'b1');
    mkdirSync(build, { recursive: true });
    writeFileSync(join(build, 'main.mjs'), '');
    recordBuild(dir, 'b1', sourceState(dir, USED));
    return build;
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
    writeFileSync(join(dir, OUT_DIR, 'current.json'), '{"build":"b1","stam');
    expect(freshBuild(dir)).toBeUndefined();
  });

  it('finds it stale once a file it was built from is newer: a module, package.json, the config', () => {
    const { dir, markBuilt } = project();
    for (const source of ['src/cli/used.ts', 'package.json', 'vite.cli.config.ts']) {
      markBuilt();
      touchLater(join(dir, source), 5);
      expect(freshBuild(dir), source).toBeUndefined();
    }
  });

  it('finds it stale once a file under src is added, removed or renamed, even one it does not use', () => {
    const { dir, markBuilt } = project();
    markBuilt();
    writeFileSync(join(dir, 'src/cli/new.ts'), 'export {};\n');
    utimesSync(join(dir, 'src/cli/new.ts'), new Date(0), new Date(0));
    expect(freshBuild(dir)).toBeUndefined();
    markBuilt();
    rmSync(join(dir, 'src/ui/page.tsx'));
    expect(freshBuild(dir)).toBeUndefined();
    markBuilt();
    cpSync(join(dir, 'src/cli/used.ts'), join(dir, 'src/cli/moved.ts'), { preserveTimestamps: true });
    rmSync(join(dir, 'src/cli/used.ts'));
    expect(freshBuild(dir)).toBeUndefined();
  });

  it('keeps it fresh when only files it does not use change: a test, the page, the README, the build folder', () => {
    const { dir, markBuilt } = project();
    const built = markBuilt();
    touchLater(join(dir, 'src/cli/main.test.ts'), 5);
    touchLater(join(dir, 'src/ui/page.tsx'), 5);
    writeFileSync(join(dir, 'README.md'), 'notes\n');
    writeFileSync(join(built, 'extra.mjs'), '');
    expect(freshBuild(dir)).toBe(built);
  });
});

describe('the real bundle', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await ensureBundle(root, () => {});
  }, 120_000);

  it('was judged by every module it holds, those loaded on demand too, and by no file it does not hold', () => {
    const { stamps } = JSON.parse(readFileSync(join(root, OUT_DIR, 'current.json'), 'utf8'));
    const files = Object.keys(stamps);
    const used = ['src/cli/main.ts', 'src/cli/worker.ts', 'src/cli/workerTasks.ts', 'src/protocols/raft/machine.ts'];
    expect(files).toEqual(expect.arrayContaining([...used, ...BUILD_FILES]));
    expect(files.filter((f) => f.startsWith('src/ui/') || f.endsWith('.test.ts'))).toEqual([]);
  });

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

describe('starting on changed sources (a copy of the project)', () => {
  const copy = mkdtempSync(join(tmpdir(), 'netsplit-bundle-copy-'));
  const bin = join(copy, 'bin/netsplit.mjs');
  const args = ['run', 'src/protocols/raft/presets/first-election.json', '--json'];
  const building = (...outputs: { stderr: string }[]) =>
    outputs.flatMap((o) => o.stderr.split('\n')).filter((line) => line.includes('building the runner'));
  beforeAll(() => {
    for (const path of ['src', 'bin', 'package.json', 'package-lock.json', 'tsconfig.json', 'vite.cli.config.ts']) {
      cpSync(join(root, path), join(copy, path), { recursive: true, filter: (p) => !p.endsWith('.test.ts') });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('two processes at once build once, both run, and leave one whole build', async () => {
    const [a, b] = await Promise.all([start(bin, args), start(bin, args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    expect(building(a, b)).toHaveLength(1);
    const { build } = JSON.parse(readFileSync(join(copy, OUT_DIR, 'current.json'), 'utf8'));
    expect(readdirSync(join(copy, OUT_DIR)).sort()).toEqual([build, 'current.json'].sort());
    expect(existsSync(join(copy, OUT_DIR, build, 'worker.mjs'))).toBe(true);
    expect(freshBuild(copy)).toBe(join(copy, OUT_DIR, build));
  }, 120_000);

  it('a lock left by a build that died does not hold a start up', async () => {
    const dead = spawnSync('node', ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    mkdirSync(join(copy, OUT_DIR, '.lock'), { recursive: true });
    writeFileSync(join(copy, OUT_DIR, '.lock', 'pid'), dead);
    touchLater(join(copy, 'src/cli/main.ts'), 5);
    const result = await start(bin, args);
    expect(result.code).toBe(0);
    expect(building(result)).toHaveLength(1);
    expect(existsSync(join(copy, OUT_DIR, '.lock'))).toBe(false);
  }, 30_000); // well under the 2 minutes after which any lock counts as abandoned

  it('a source that does not build: exit 1, the reason on standard error, nothing on standard output', async () => {
    writeFileSync(join(copy, 'src/cli/args.ts'), 'export const = ;\n');
    const result = await start(bin, args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('netsplit: could not build the runner');
    expect(readdirSync(join(copy, OUT_DIR)).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 30_000);
});
