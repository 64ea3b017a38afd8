import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** One chunk of the production build: its file, the source modules it holds, and what it imports. */
export interface ChunkInfo {
  readonly file: string;
  readonly isEntry: boolean;
  /** Built for a Web Worker (a separate bundle the page fetches when it starts the worker). */
  readonly isWorker: boolean;
  /** Source files relative to the project root (`src/protocols/raft/index.ts`, `node_modules/react-dom/...`). */
  readonly modules: readonly string[];
  /** Each module's minified length in this chunk, in the order of `modules`. */
  readonly lengths: readonly number[];
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
  /** Files of workers this chunk starts (`new Worker(new URL(...))`). */
  readonly workers: readonly string[];
}

export const CHUNK_GRAPH_FILE = '.vite/chunks.json';

/**
 * Writes `<outDir>/.vite/chunks.json`: every chunk of the build, the page's and the workers', with the
 * modules it holds and its static and dynamic imports. The first-screen test and `npm run bench` walk it.
 * Returns the plugin for the page and the one for worker bundles (they share what they collect).
 */
export function chunkGraph(): { page: Plugin; worker: () => Plugin } {
  const root = process.cwd();
  const chunks: ChunkInfo[] = [];
  const collect = (isWorker: boolean): Plugin => ({
    name: 'netsplit-chunk-graph',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const workers = files.filter(
          (f) =>
            f.includes('.worker-') &&
            f !== chunk.fileName &&
            !chunk.imports.includes(f) &&
            chunk.code.includes(f.split('/').pop() ?? ''),
        );
        chunks.push({
          file: chunk.fileName,
          isEntry: chunk.isEntry,
          isWorker,
          modules: Object.keys(chunk.modules).map((id) => relative(root, id.replace(/\?.*$/, '').replace(/^\0/, ''))),
          lengths: Object.values(chunk.modules).map((m) => m.renderedLength),
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          workers,
        });
      }
    },
  });
  const page = collect(false);
  return {
    page: {
      ...page,
      writeBundle(options) {
        const dir = join(options.dir ?? 'dist', '.vite');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(options.dir ?? 'dist', CHUNK_GRAPH_FILE), `${JSON.stringify(chunks, null, 1)}\n`);
      },
    },
    worker: () => collect(true),
  };
}
