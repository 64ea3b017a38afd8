import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_GRAPH_FILE, type ChunkInfo } from './chunkGraph';

/** The chunks of a build (`chunkGraph.ts` wrote them), page and workers. */
export function readChunks(outDir: string): ChunkInfo[] {
  return JSON.parse(readFileSync(join(outDir, CHUNK_GRAPH_FILE), 'utf8')) as ChunkInfo[];
}

/** Chunk files reachable from `roots` by static imports only: what loads before any `import()` runs. */
export function staticClosure(chunks: readonly ChunkInfo[], roots: readonly string[]): Set<string> {
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(byFile.get(file)?.imports ?? []));
  }
  return seen;
}

/** The page's entry chunk (index.html's script). */
export function pageEntry(chunks: readonly ChunkInfo[]): ChunkInfo {
  const entry = chunks.find((c) => c.isEntry && !c.isWorker);
  if (!entry) throw new Error('the build has no page entry chunk');
  return entry;
}

/** The chunk holding a source module, e.g. `src/app/wholeRun.worker.ts`. */
export function chunkOf(chunks: readonly ChunkInfo[], module: string): ChunkInfo | undefined {
  return chunks.find((c) => !c.isWorker && c.modules.includes(module));
}

/**
 * What a protocol brings besides its manifest: its folder under src/protocols (engine side, presets)
 * and under src/ui/protocols (its panels).
 */
export function isProtocolModule(module: string, protocol: string): boolean {
  return (
    (module.startsWith(`src/protocols/${protocol}/`) && module !== `src/protocols/${protocol}/manifest.ts`) ||
    module.startsWith(`src/ui/protocols/${protocol}/`)
  );
}
