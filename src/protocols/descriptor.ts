import type { AnyProtocol } from '../engine/protocol';

/** A shipped scenario as the Library lists it, before its file is loaded. */
export interface PresetEntry {
  /** `<protocol>/<name>`, stable: links (`?preset=`) and course material name it. */
  readonly id: string;
  readonly protocol: string;
  /** The scenario file's own title. */
  readonly title: string;
  /** What it shows, in one line. */
  readonly shows: string;
  /** The scenario file, as JSON (a chunk of its own in the app). */
  readonly load: () => Promise<unknown>;
  /**
   * Set when the preset's lesson is a limit of the correct protocol: it breaks this invariant without a bug
   * (Redlock under a clock jump). Every other preset breaks an invariant only when it sets a bug.
   */
  readonly breaksWithoutBug?: string;
  /**
   * Another preset's id (any protocol's) this one is best seen beside: the Library offers "Compare side by
   * side", which opens both on one timeline, as `?preset=<this>&compare=<that>` does.
   */
  readonly compare?: string;
}

/**
 * A protocol as the registry knows it before loading it: light enough for the first screen to list
 * every protocol and preset. `load` brings the machine, the invariants and the rest.
 */
export interface ProtocolDescriptor {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly presets: readonly PresetEntry[];
  /** False keeps it out of the Library and the run setup (a worked example); it still loads by name. */
  readonly inLibrary?: boolean;
  readonly load: () => Promise<AnyProtocol>;
}

/** A preset entry of the protocol `protocol`; `load` is the JSON file's dynamic import. */
export function preset(
  protocol: string,
  name: string,
  title: string,
  shows: string,
  load: () => Promise<{ default: unknown }>,
  breaksWithoutBug?: string,
): PresetEntry {
  return {
    id: `${protocol}/${name}`,
    protocol,
    title,
    shows,
    load: async () => (await load()).default,
    ...(breaksWithoutBug === undefined ? {} : { breaksWithoutBug }),
  };
}
