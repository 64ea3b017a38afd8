import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, getPreset, manifest } from '../src/protocols';
import type { ChunkInfo } from './chunkGraph';
import { chunkOf, isProtocolModule, pageEntry, readChunks, staticClosure } from './firstScreenGraph';

/**
 * The first screen loads the shell and the default protocol, nothing else (DESIGN.md, "The manifest"):
 * a production build, walked from index.html's script (and the whole-run worker the page starts) by
 * static imports only. Every other protocol must be behind an `import()`.
 */
const outDir = mkdtempSync(join(tmpdir(), 'netsplit-first-screen-'));
let chunks: ChunkInfo[] = [];
let firstScreen: string[] = [];

beforeAll(async () => {
  await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  chunks = readChunks(outDir);
  const worker = chunkOf(chunks, 'src/app/wholeRun.worker.ts');
  const files = staticClosure(chunks, [pageEntry(chunks).file, ...(worker ? [worker.file] : [])]);
  firstScreen = chunks.filter((c) => files.has(c.file)).flatMap((c) => c.modules);
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the first screen', () => {
  const defaultProtocol = getPreset(DEFAULT_PRESET)?.protocol;
  const others = manifest.map((d) => d.id).filter((id) => id !== defaultProtocol);

  it('is walked from the real entry, and the registry lists every protocol on it', () => {
    expect(firstScreen).toContain('src/main.tsx');
    for (const d of manifest) expect(firstScreen).toContain(`src/protocols/${d.id}/manifest.ts`);
  });

  it.each(others)('reaches no module of %s by static imports (its code, presets and panels load on demand)', (id) => {
    const built = chunks.flatMap((c) => c.modules).filter((m) => isProtocolModule(m, id));
    // The protocol is in the build, so finding none of it on the first screen means something.
    expect(built).toContain(`src/protocols/${id}/index.ts`);
    expect(firstScreen.filter((m) => isProtocolModule(m, id))).toEqual([]);
  });

  it('ships no worker bundle of its own: the whole-run worker runs the page chunks', () => {
    expect(chunks.filter((c) => c.isWorker)).toEqual([]);
    expect(chunkOf(chunks, 'src/app/wholeRun.worker.ts')).toBeDefined();
  });
});
