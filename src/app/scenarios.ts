import { getProtocol, protocols } from '../protocols';
import { DEFAULT_PRESET, getPreset, presets } from '../protocols/presets';
import { toFile } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/types';

export const MAX_CLUSTER = 9;

/** A preset's scenario; presets ship with the app, so a broken one is a bug worth a loud error. */
const parsed = new Map<string, Scenario>();

export function presetScenario(id: string): Scenario {
  const cached = parsed.get(id);
  if (cached) return cached;
  const preset = getPreset(id);
  if (!preset) throw new Error(`unknown preset "${id}"`);
  const result = parseScenario(preset.file, getProtocol);
  if (!result.ok) throw new Error(`preset ${id} does not parse: ${result.errors.join('; ')}`);
  parsed.set(id, result.scenario);
  return result.scenario;
}

export function defaultScenario(): Scenario {
  return presetScenario(DEFAULT_PRESET);
}

export function presetsOf(protocol: string) {
  return presets.filter((p) => p.protocol === protocol);
}

/** The first preset of a protocol, or a bare cluster of it when it ships none. */
export function scenarioForProtocol(protocolId: string): { scenario: Scenario; presetId: string | null } {
  const first = presetsOf(protocolId)[0];
  if (first) return { scenario: presetScenario(first.id), presetId: first.id };
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
  change: { nodes?: number; seed?: number; bug?: string | null },
): { ok: true; scenario: Scenario } | { ok: false; errors: readonly string[] } {
  const file = toFile(scenario) as Record<string, unknown>;
  if (change.seed !== undefined) file.seed = change.seed;
  if (change.bug !== undefined) file.bug = change.bug;
  if (change.nodes !== undefined) {
    const ids = Array.from({ length: change.nodes }, (_, i) => `n${i + 1}`);
    const known = new Set(ids);
    const names = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(names) : [];
    const fits = (event: Record<string, unknown>) =>
      [event.node, event.from, event.to, event.groups].flatMap(names).every((n) => n === 'leader' || known.has(n));
    file.nodes = change.nodes;
    file.initial = undefined;
    file.events = (file.events as Record<string, unknown>[]).filter(fits);
  }
  const result = parseScenario(JSON.parse(JSON.stringify(file)), getProtocol);
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, errors: result.errors };
}

export { protocols };
