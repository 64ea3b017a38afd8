import { getPreset, loadPreset, loadProtocol } from '../../protocols';
import { toFileText } from '../../scenario/encode';
import type { ParseResult } from '../../scenario/types';
import { loadPresetScenario, presetScenario } from '../scenarios';
import { linkExtras, readSharedScenario } from '../share';
import type { Store } from '../store';
import type { PairStore } from './compare';
import { type LinkedRun, type Partner, type PartnerSource, partnerPresetOf, readSharedPartner } from './links';

const isPreset = (id: string) => getPreset(id) !== undefined;

/**
 * The second run the address asks for, loaded, or why there is none. Never throws: a preset whose code
 * cannot be fetched, or a damaged `c=`, is a problem to show, and the page opens on one run.
 */
export async function loadPartner(source: PartnerSource): Promise<{ partner: Partner | null; problem: string | null }> {
  switch (source.kind) {
    case 'none':
      return { partner: null, problem: null };
    case 'bad':
      return { partner: null, problem: source.problem };
    case 'preset':
      try {
        return {
          partner: { scenario: await loadPresetScenario(source.presetId), presetId: source.presetId },
          problem: null,
        };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { partner: null, problem: `compare: the preset could not be loaded (${reason}); showing one run.` };
      }
    case 'link': {
      const result = await readSharedPartner(source.hash, loadProtocol);
      if (!result.ok)
        return {
          partner: null,
          problem: `The link's second run could not be opened: ${result.errors.join('; ')}; showing one run.`,
        };
      const presetId = await loadedPreset(partnerPresetOf(source.hash, isPreset));
      return { partner: { scenario: result.scenario, presetId }, problem: null };
    }
    default: {
      const never: never = source;
      return never;
    }
  }
}

/**
 * A comparison link pasted into a tab open on the app: both runs open, or neither (a bad part of it is
 * reported, naming the part and the field, and the run the user had stays as it was).
 */
export async function openComparisonLink(
  store: PairStore,
  hash: string,
  prepare: (protocol: string) => Promise<void>,
): Promise<boolean> {
  const load = async (id: string) => {
    await prepare(id);
    return loadProtocol(id);
  };
  const [first, second]: ParseResult[] = await Promise.all([
    readSharedScenario(hash, load),
    readSharedPartner(hash, load),
  ]);
  const errors = [...(first?.ok ? [] : (first?.errors ?? [])), ...(second?.ok ? [] : (second?.errors ?? []))];
  if (!first?.ok || !second?.ok) {
    store.report({
      tone: 'error',
      text: `This link could not be opened: ${errors.join('; ')}. Your run is unchanged.`,
    });
    return false;
  }
  const extras = linkExtras(hash, isPreset);
  const [firstPreset, secondPreset] = await Promise.all([
    loadedPreset(extras.presetId),
    loadedPreset(partnerPresetOf(hash, isPreset)),
  ]);
  store.load(first.scenario, firstPreset, { playing: false });
  store.compareWith(second.scenario, secondPreset);
  if (extras.nowMs > 0) store.seek(extras.nowMs);
  if (extras.speed) store.setSpeed(extras.speed);
  store.report({ tone: 'info', text: 'Opened the comparison of two runs, paused.' });
  return true;
}

/** A run as a comparison link writes it: its file, its preset, and whether it still is that preset. */
export function linkedRun(store: Store): LinkedRun {
  const { presetId } = store.getState();
  const text = store.fileText();
  let isAsShipped = false;
  if (presetId) {
    try {
      const preset = presetScenario(presetId);
      isAsShipped = toFileText(preset, preset.events) === text;
    } catch {
      isAsShipped = false;
    }
  }
  return { text, presetId, isAsShipped };
}

/** The preset's file fetched too (to tell whether a run still is it), or null where it cannot be. */
async function loadedPreset(id: string | null): Promise<string | null> {
  if (id === null) return null;
  try {
    await loadPreset(id);
    return id;
  } catch {
    return null;
  }
}
