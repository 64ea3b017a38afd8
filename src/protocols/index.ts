import { twoPcManifest } from './2pc/manifest';
import { bullyManifest } from './bully/manifest';
import type { ProtocolDescriptor } from './descriptor';
import { floodManifest } from './flood/manifest';
import { lockManifest } from './lock/manifest';
import { multiPaxosManifest } from './multipaxos/manifest';
import { paxosManifest } from './paxos/manifest';
import { pbManifest } from './primary-backup/manifest';
import { quorumManifest } from './quorum/manifest';
import { raftManifest } from './raft/manifest';
import { registerManifest } from './register/manifest';
import { createRegistry } from './registry';
import { ringManifest } from './ring-election/manifest';

/**
 * Every protocol netsplit ships, as light descriptors: adding one is its folder and one line here.
 * The first is the default; only what a page opens on is loaded (DESIGN.md, "The manifest").
 */
// biome-ignore format: one line, as the authoring guide's test reads the worked example's entry there.
export const manifest: readonly ProtocolDescriptor[] = [raftManifest, twoPcManifest, lockManifest, paxosManifest, bullyManifest, multiPaxosManifest, ringManifest, quorumManifest, pbManifest, registerManifest, floodManifest];

const registry = createRegistry(manifest);

export const { presets, descriptor, getPreset, loadPreset, getPresetFile, loadProtocol, getProtocol } = registry;

/** What the page opens on when nothing names a scenario. */
export const DEFAULT_PRESET = 'raft/first-election';

/** Loads every protocol (the command-line sweep, which fuzzes them all). */
export async function loadAllProtocols(): Promise<void> {
  await Promise.all(manifest.map((d) => loadProtocol(d.id)));
}

/** Loads every protocol and every preset file: the unit tests' setup, so tests can stay synchronous. */
export async function loadEverything(): Promise<void> {
  await Promise.all([loadAllProtocols(), ...presets.map((p) => loadPreset(p.id))]);
}

/** The protocols a user picks from: the Library and the run setup list these. */
export const libraryProtocols = manifest.filter((d) => d.inLibrary !== false);

export type { PresetEntry, ProtocolDescriptor } from './descriptor';
