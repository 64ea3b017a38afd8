/** An experiment file that ships with netsplit (experiments/*.json), offered in the Plots tab's Experiments. */
export interface ShippedExperiment {
  /** The file's name without `.json`: `raft-figure16-scale`. */
  readonly id: string;
  readonly title: string;
  readonly trials: number;
  readonly file: Readonly<Record<string, unknown>>;
}

// The files are a few kB each and this module sits in the lazily loaded Plots chunk: bundled as they are.
const files = import.meta.glob<Record<string, unknown>>('../../../experiments/*.json', {
  eager: true,
  import: 'default',
});

/** Every shipped experiment, by file name. */
export const shippedExperiments: readonly ShippedExperiment[] = Object.entries(files)
  .map(([path, file]) => {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    return {
      id,
      title: typeof file.title === 'string' ? file.title : id,
      trials: typeof file.trials === 'number' ? file.trials : 1,
      file,
    };
  })
  .sort((a, b) => a.id.localeCompare(b.id));
