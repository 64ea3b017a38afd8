import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The command-line runner as one bundle for Node (bin/netsplit.mjs builds it into dist-cli/<fingerprint>/ when
 * its sources change; `npx vite build -c vite.cli.config.ts` builds it into dist-cli/manual/). Every file lands
 * in one folder: pool.ts starts `./worker.mjs` beside the module that holds it, wherever the bundler put that.
 * Protocols and presets stay chunks loaded on demand (the registry's dynamic imports), as in the page.
 */
const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-cli/manual',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        main: entry('./src/cli/main.ts'),
        worker: entry('./src/cli/worker.ts'),
        sweep: entry('./src/cli/sweep.ts'),
        // Its own entry so a test can start the bundled pool and see its workers come up (bin/bundle.test.ts).
        pool: entry('./src/cli/pool.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
  // Dependencies bundled too: nothing to resolve in node_modules at start.
  ssr: { noExternal: true, target: 'node' },
});
