/**
 * The runner's bundle (vite.cli.config.ts): whether it is fresh, and building it when it is not. Plain
 * JavaScript, so deciding whether to build needs no build.
 *
 * Fresh means: no file the bundle was built from (its modules, the chunks loaded on demand included, and
 * BUILD_FILES) changed size or modification time, and no file under src/ was added, removed or renamed (a new
 * file may change what an import resolves to). Editing a file the bundle does not use (a test, the page's UI)
 * rebuilds nothing.
 *
 * Layout: `dist-cli/<build>/` (named by a hash of what it was built from) holds one whole build (main.mjs,
 * worker.mjs, sweep.mjs, pool.mjs and their chunks, all in one folder, since pool.ts loads `./worker.mjs`
 * beside itself); `dist-cli/current.json` names the build in use and what it was built from. A build is
 * written to a temporary folder, renamed into place, and only then named in current.json, itself replaced by a
 * rename: a process starting meanwhile runs the old build or the new one, never half of one. A lock
 * (`dist-cli/.lock`) only saves a second process from building the same thing twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files every build depends on besides its modules, relative to the project root. */
export const BUILD_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'vite.cli.config.ts'];
/** The folder whose every file name is checked: a file added there may change what an import resolves to. */
const SOURCE_DIR = 'src';
export const OUT_DIR = 'dist-cli';
/** Builds kept besides the current one, for processes still running them (a protocol chunk loads late). */
const KEEP_OLD_BUILDS = 2;
/** A temporary folder or a lock older than this belongs to a build that died. */
const ABANDONED_MS = 120_000;

const digest = (text) => createHash('sha1').update(text).digest('hex').slice(0, 16);

/** Every file and folder name under src/, read without a stat: what adding, removing or renaming a file changes. */
function listing(root) {
  const names = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      names.push(path);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(SOURCE_DIR);
  return digest(names.sort().join('\n'));
}

/** A file's size and modification time, or 'missing': what an edit changes. */
function stamp(root, path) {
  const stat = statSync(join(root, path), { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : 'missing';
}

/**
 * What a build is judged by: the names under src/ and the stamp of each file it was built from (its modules,
 * on demand chunks included, and BUILD_FILES). One readdir a folder and one stat a file it uses: a few ms.
 */
export function sourceState(root, files) {
  return { listing: listing(root), stamps: Object.fromEntries(files.map((path) => [path, stamp(root, path)])) };
}

function readCurrent(root) {
  try {
    return JSON.parse(readFileSync(join(root, OUT_DIR, 'current.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Names `build` (a folder in dist-cli/) as the current build, made from sources in `state`, by one rename. */
export function recordBuild(root, build, state) {
  const next = join(root, OUT_DIR, `.current-${process.pid}-${randomUUID().slice(0, 8)}.json`);
  writeFileSync(next, `${JSON.stringify({ build, ...state })}\n`);
  renameSync(next, join(root, OUT_DIR, 'current.json'));
}

/**
 * The folder of the current build when no file it was built from changed and no file under src/ was added,
 * removed or renamed since; else undefined (stale, or no build).
 */
export function freshBuild(root) {
  const current = readCurrent(root);
  if (typeof current?.build !== 'string' || typeof current.stamps !== 'object' || current.stamps === null) return;
  const dir = join(root, OUT_DIR, current.build);
  if (!existsSync(join(dir, 'main.mjs')) || current.listing !== listing(root)) return;
  for (const [path, recorded] of Object.entries(current.stamps)) if (stamp(root, path) !== recorded) return;
  return dir;
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

const readOrEmpty = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
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
    // Just taken (no pid yet) or released meanwhile, these read as nothing: look again shortly.
    const holder = Number(readOrEmpty(join(path, 'pid')) || Number.NaN);
    const ageMs = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
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

/** Every file under src/ with its stamp, taken before a build: an edit during the build makes it stale. */
function stampAll(root) {
  const paths = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else paths.push(path);
    }
  };
  walk(SOURCE_DIR);
  return sourceState(root, [...paths, ...BUILD_FILES]);
}

/** The project's files among a build's modules, relative to the root. */
function modulesOf(root, outputs) {
  const prefix = `${root.replace(/\\/g, '/').replace(/\/$/, '')}/`;
  const files = new Set();
  for (const output of Array.isArray(outputs) ? outputs : [outputs]) {
    for (const chunk of output.output) {
      if (chunk.type !== 'chunk') continue;
      for (const id of chunk.moduleIds) {
        const path = id.replace(/\\/g, '/').split('?')[0];
        if (path.startsWith(prefix) && !path.includes('/node_modules/')) files.add(path.slice(prefix.length));
      }
    }
  }
  return [...files];
}

/** Builds the runner into a folder of its own in dist-cli/ and makes that the current build. */
async function build(root) {
  const { build: viteBuild } = await import('vite');
  const out = join(root, OUT_DIR);
  const before = stampAll(root);
  const temporary = join(out, `.tmp-${process.pid}-${randomUUID().slice(0, 8)}`);
  try {
    const outputs = await viteBuild({
      root,
      configFile: join(root, 'vite.cli.config.ts'),
      logLevel: 'silent',
      build: { outDir: temporary, emptyOutDir: true },
    });
    const files = [...modulesOf(root, outputs), ...BUILD_FILES].sort();
    const state = {
      listing: before.listing,
      stamps: Object.fromEntries(files.map((f) => [f, before.stamps[f] ?? stamp(root, f)])),
    };
    const id = digest(JSON.stringify(state));
    const dir = join(out, id);
    try {
      renameSync(temporary, dir);
    } catch (error) {
      // The same sources built by another process without the lock (it judged ours abandoned): theirs will do.
      if (!existsSync(join(dir, 'main.mjs'))) throw error;
    }
    recordBuild(root, id, state);
    prune(out, id);
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
    const built = freshBuild(root);
    if (built) return built;
    log('netsplit: building the runner (its sources changed since the last build)...');
    return await build(root);
  } finally {
    release();
  }
}
