import type { Input } from '../engine/types';
import { getPreset, getPresetFile } from '../protocols';
import { toFileText } from '../scenario/encode';
import type { Scenario } from '../scenario/types';
import { presetScenario } from './scenarios';

/** What the run is to the user: a shipped preset as it ships, a preset they changed, or their own. */
export type RunKind = 'preset' | 'modified' | 'custom';

export interface RunName {
  readonly kind: RunKind;
  /** The run's title: the preset's, or the scenario's own, or "Untitled run". */
  readonly title: string;
  /** The preset it started from, when it did. */
  readonly presetTitle: string | null;
  /** How the header and the Scenario box say the kind: "preset", "modified preset", "custom run". */
  readonly kindWords: string;
}

const WORDS: Record<RunKind, string> = { preset: 'preset', modified: 'modified preset', custom: 'custom run' };

/**
 * The one source of the run's name. A run that started from a preset (`presetId`, kept through changes
 * of size, seed or bug, script edits, actions and share links) is that preset while its file (scenario
 * and inputs) is the preset's exactly, and a modified preset once anything differs.
 */
export function runNameOf(scenario: Scenario, inputs: readonly Input[], presetId: string | null): RunName {
  // Asked on every published state: the answer changes only with the scenario, the inputs or the preset.
  if (last && last.scenario === scenario && last.inputs === inputs && last.presetId === presetId) return last.name;
  const found = nameOf(scenario, inputs, presetId);
  last = { scenario, inputs, presetId, name: found };
  return found;
}

let last: { scenario: Scenario; inputs: readonly Input[]; presetId: string | null; name: RunName } | null = null;

function nameOf(scenario: Scenario, inputs: readonly Input[], presetId: string | null): RunName {
  const entry = presetId ? getPreset(presetId) : undefined;
  if (!entry || !presetId || getPresetFile(presetId) === undefined) return name('custom', scenario.title, null);
  const preset = presetScenario(presetId);
  const isSame = toFileText(preset, preset.events) === toFileText(scenario, inputs);
  return name(isSame ? 'preset' : 'modified', isSame ? entry.title : scenario.title || entry.title, entry.title);
}

function name(kind: RunKind, title: string | undefined, presetTitle: string | null): RunName {
  return { kind, title: title || 'Untitled run', presetTitle, kindWords: WORDS[kind] };
}
