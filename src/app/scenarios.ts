import { quote } from '../engine/quote';
import { getPreset, getPresetFile, getProtocol, loadPreset, loadProtocol, presets } from '../protocols';
import { toFile } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/types';
import { workloadToFile } from '../scenario/workload';

export const MAX_CLUSTER = 9;

/** A preset's scenario; presets ship with the app, so a broken one is a bug worth a loud error. */
const parsed = new Map<string, Scenario>();

/** A preset's scenario, once its file and its protocol are loaded (`loadPresetScenario`). */
export function presetScenario(id: string): Scenario {
  const cached = parsed.get(id);
  if (cached) return cached;
  if (!getPreset(id)) throw new Error(`unknown preset ${quote(id)}`);
  const file = getPresetFile(id);
  if (file === undefined) throw new Error(`preset ${id} is not loaded yet`);
  const result = parseScenario(file, getProtocol);
  if (!result.ok) throw new Error(`preset ${id} does not parse: ${result.errors.join('; ')}`);
  parsed.set(id, result.scenario);
  return result.scenario;
}

/** Loads a preset's file and its protocol (side by side), then parses it. */
export async function loadPresetScenario(id: string): Promise<Scenario> {
  const entry = getPreset(id);
  if (!entry) throw new Error(`unknown preset ${quote(id)}`);
  await Promise.all([loadPreset(id), loadProtocol(entry.protocol)]);
  return presetScenario(id);
}

export function presetsOf(protocol: string) {
  return presets.filter((p) => p.protocol === protocol);
}

/** The first preset of a protocol, or a bare cluster of it when it ships none; loads what it needs. */
export async function scenarioForProtocol(
  protocolId: string,
): Promise<{ scenario: Scenario; presetId: string | null }> {
  const first = presetsOf(protocolId)[0];
  if (first) return { scenario: await loadPresetScenario(first.id), presetId: first.id };
  await loadProtocol(protocolId);
  const result = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: protocolId, seed: 1, nodes: 5, events: [] },
    getProtocol,
  );
  if (!result.ok) throw new Error(result.errors.join('; '));
  return { scenario: result.scenario, presetId: null };
}

/**
 * The same scenario with a different cluster size, seed or bug. Events that name nodes the new
 * cluster lacks are left out, and so is the `initial` state of such nodes: the rest of the file stands.
 */
export function reconfigure(
  scenario: Scenario,
  change: { nodes?: number; seed?: number; bug?: string | null; workload?: WorkloadChange | null },
): { ok: true; scenario: Scenario } | { ok: false; errors: readonly string[] } {
  const file = toFile(scenario) as Record<string, unknown>;
  if (change.seed !== undefined) file.seed = change.seed;
  if (change.bug !== undefined) file.bug = change.bug;
  if (change.workload !== undefined) file.workload = workloadFile(scenario, change.workload);
  if (change.nodes !== undefined) {
    const ids = Array.from({ length: change.nodes }, (_, i) => `n${i + 1}`);
    // Clients stay as they are (spec/protocols.md §1.5): events naming them still fit.
    const known = new Set([...ids, ...(scenario.clients ?? [])]);
    const names = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(names) : [];
    const fits = (event: Record<string, unknown>) =>
      [event.node, event.from, event.to, event.groups, event.client]
        .flatMap(names)
        .every((n) => n === 'leader' || known.has(n));
    file.nodes = change.nodes;
    file.initial = undefined;
    file.events = (file.events as Record<string, unknown>[]).filter(fits);
  }
  const result = parseScenario(JSON.parse(JSON.stringify(file)), getProtocol);
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, errors: result.errors };
}

/** §1.5: turning the scenario's workload on (at `rate` ops per second per client) or off (null). */
export interface WorkloadChange {
  readonly rate: number;
}

/** The file's `workload` after a change: the same mix and keys at the new rate, else every operation alike. */
function workloadFile(scenario: Scenario, change: WorkloadChange | null): Record<string, unknown> | undefined {
  if (change === null) return undefined;
  const names = getProtocol(scenario.protocol)?.ops?.names ?? [];
  const current = scenario.workload;
  return current
    ? { ...workloadToFile(current), rate: change.rate }
    : { rate: change.rate, mix: Object.fromEntries(names.map((n) => [n, 1])) };
}
