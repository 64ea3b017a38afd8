/**
 * The runner's bundle (vite.cli.config.ts): whether it is fresh, and building it when it is not. Plain
 * JavaScript, so deciding whether to build needs no build.
 *
 * Layout: `dist-cli/<fingerprint>/` holds one whole build (main.mjs, worker.mjs, sweep.mjs, pool.mjs and their
 * chunks, all in one folder, since pool.ts loads `./worker.mjs` beside itself); `dist-cli/current.json` names
 * the build in use. A build is written to a temporary folder, renamed into place, and only then named in
 * current.json, itself replaced by a rename: a process starting meanwhile runs the old build or the new one,
 * never half of one. A lock (`dist-cli/.lock`) only saves a second process from building the same thing twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the bundle is built from, relative to the project root: a change to any of them rebuilds it. */
export const SOURCES = ['src', 'package.json', 'package-lock.json', 'vite.cli.config.ts'];
export const OUT_DIR = 'dist-cli';
/** Builds kept besides the current one, for processes still running them (a protocol chunk loads late). */
const KEEP_OLD_BUILDS = 2;
/** A temporary folder or a lock older than this belongs to a build that died. */
const ABANDONED_MS = 120_000;

/** Tests next to the code are never part of the bundle: editing one rebuilds nothing (adding one does, once). */
const isTest = (name) => /\.test\.tsx?$/.test(name);

/**
 * A fingerprint of the sources: the path, size and modification time of every file and folder under them.
 * An edit changes a file's time; adding, removing or renaming one changes its folder's. Cheap: one stat a file.
 */
export function fingerprint(root, sources = SOURCES) {
  const hash = createHash('sha1');
  const visit = (path) => {
    if (isTest(path)) return;
    let stat;
    try {
      stat = statSync(join(root, path));
    } catch {
      hash.update(`${path}\0missing\n`);
      return;
    }
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    if (stat.isDirectory()) for (const name of readdirSync(join(root, path)).sort()) visit(`${path}/${name}`);
  };
  for (const source of sources) visit(source);
  return hash.digest('hex').slice(0, 16);
}

function readCurrent(root) {
  try {
    return JSON.parse(readFileSync(join(root, OUT_DIR, 'current.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The folder of the build made from exactly these sources, or undefined when there is none (stale or missing). */
export function freshBuild(root, print = fingerprint(root)) {
  const current = readCurrent(root);
  if (current?.fingerprint !== print) return undefined;
  const dir = join(root, OUT_DIR, print);
  return existsSync(join(dir, 'main.mjs')) ? dir : undefined;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** Takes the build lock, waiting while a live process holds it; returns its release. */
async function lock(root) {
  const path = join(root, OUT_DIR, '.lock');
  mkdirSync(join(root, OUT_DIR), { recursive: true });
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    let ageMs = 0;
    try {
      holder = Number(readFileSync(join(path, 'pid'), 'utf8'));
      ageMs = Date.now() - statSync(path).mtimeMs;
    } catch {
      // Taken a moment ago (no pid yet) or released meanwhile: look again.
    }
    if ((Number.isInteger(holder) && holder > 0 && !isAlive(holder)) || ageMs > ABANDONED_MS) {
      rmSync(path, { recursive: true, force: true });
    } else {
      await sleep(50);
    }
  }
}

/** Removes builds older than the last few, and temporary folders of builds that died. */
function prune(out, keep) {
  const entries = readdirSync(out, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== keep && e.name !== '.lock')
    .map((e) => ({ name: e.name, mtimeMs: statSync(join(out, e.name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  let kept = 0;
  for (const { name, mtimeMs } of entries) {
    const isTemporary = name.startsWith('.tmp-');
    if (isTemporary ? Date.now() - mtimeMs < ABANDONED_MS : kept++ < KEEP_OLD_BUILDS) continue;
    rmSync(join(out, name), { recursive: true, force: true });
  }
}

/** Builds the sources whose fingerprint is `print` into `dist-cli/<print>/` and makes it the current build. */
async function build(root, print) {
  const { build: viteBuild } = await import('vite');
  const out = join(root, OUT_DIR);
  const temporary = join(out, `.tmp-${process.pid}-${randomUUID().slice(0, 8)}`);
  const dir = join(out, print);
  try {
    await viteBuild({
      root,
      configFile: join(root, 'vite.cli.config.ts'),
      logLevel: 'silent',
      build: { outDir: temporary, emptyOutDir: true },
    });
    try {
      renameSync(temporary, dir);
    } catch (error) {
      // The same sources built by another process without the lock (it judged ours abandoned): theirs will do.
      if (!existsSync(join(dir, 'main.mjs'))) throw error;
    }
    const next = join(out, `.current-${process.pid}.json`);
    writeFileSync(next, `${JSON.stringify({ fingerprint: print })}\n`);
    renameSync(next, join(out, 'current.json'));
    prune(out, print);
    return dir;
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * The folder of a build of the current sources, building one first when they changed since the last build
 * (one line on `log` while it builds). Safe to call from many processes at once.
 */
export async function ensureBundle(root, log = (line) => process.stderr.write(`${line}\n`)) {
  const fresh = freshBuild(root);
  if (fresh) return fresh;
  const release = await lock(root);
  try {
    // Waiting for the lock, this process may have waited for another one's build of the same sources.
    const print = fingerprint(root);
    const built = freshBuild(root, print);
    if (built) return built;
    log('netsplit: building the runner (its sources changed since the last build)...');
    return await build(root, print);
  } finally {
    release();
  }
}
