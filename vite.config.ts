import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { chunkGraph } from './bench/chunkGraph.ts';

const graph = chunkGraph();

export default defineConfig({
  plugins: [react(), graph.page],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    // A lazy chunk's styles still load with it; its JavaScript imports load as the browser finds them.
    // The preload of those would need `document`, which the whole-run worker (it runs the page's own
    // chunks: wholeRunClient.ts) does not have when it loads a protocol.
    modulePreload: { resolveDependencies: (_file, deps) => deps.filter((dep) => dep.endsWith('.css')) },
  },
  worker: { format: 'es', plugins: () => [graph.worker()] },
});
