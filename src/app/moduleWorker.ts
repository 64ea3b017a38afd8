/**
 * A module worker on one of the page's own chunks (its `import.meta.url`): a one-line bootstrap from a
 * blob, so the worker shares every module (engine,
 * protocols, zod, xstate) the page has already fetched instead of fetching a bundle of its own.
 */
export function startModuleWorker(moduleUrl: string, name: string): Worker {
  // A static import: messages wait until the module graph has run (an `import()` would let the first one
  // arrive before anyone listens).
  const bootstrap = `import ${JSON.stringify(moduleUrl)};`;
  const url = URL.createObjectURL(new Blob([bootstrap], { type: 'text/javascript' }));
  try {
    return new Worker(url, { type: 'module', name });
  } finally {
    // The worker has its script once it started loading; the blob can go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
