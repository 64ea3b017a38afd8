import raftFirstElection from './raft/presets/first-election.json';

/** A shipped scenario: the library's entries, the tests' fixtures. `file` is a scenario file as JSON. */
export interface Preset {
  /** `<protocol>/<name>`, stable: links and course material may name it. */
  readonly id: string;
  readonly protocol: string;
  readonly file: unknown;
}

export const presets: readonly Preset[] = [{ id: 'raft/first-election', protocol: 'raft', file: raftFirstElection }];

export const DEFAULT_PRESET = 'raft/first-election';

export function getPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
