/**
 * Starts one experiment worker: a module worker on the page's own chunk of `experiment.worker.ts`, from a
 * one-line blob bootstrap, as the whole-run worker starts (wholeRunClient.ts): it fetches nothing twice.
 */
export async function createExperimentWorker(): Promise<Worker> {
  const { experimentModuleUrl } = await import('./experiment.worker');
  // A static import, so no task arrives before the worker listens.
  const bootstrap = `import ${JSON.stringify(experimentModuleUrl)};`;
  const url = URL.createObjectURL(new Blob([bootstrap], { type: 'text/javascript' }));
  try {
    return new Worker(url, { type: 'module', name: 'experiment' });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
