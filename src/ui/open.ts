import { pendingOf } from '../app/pending';
import { readScenarioFile } from '../app/scenarioFile';
import { loadPresetScenario, scenarioForProtocol } from '../app/scenarios';
import { openParsed } from '../app/session';
import type { LoadOptions, Store } from '../app/store';
import { quote } from '../engine/quote';
import { descriptor, getPreset, getProtocol, loadProtocol } from '../protocols';
import type { ParseResult, ProtocolLoader, Scenario } from '../scenario/types';
import { isProtocolUiLoaded, loadProtocolUi } from './protocols';

/**
 * Opening a run whose protocol may not be loaded yet: the protocol and its UI pieces load first (the
 * cluster's place says "Loading Two-phase commit…" meanwhile), then the store switches. A load that fails
 * is reported and the current run stays exactly as it was; a load overtaken by a newer one is dropped.
 */

/** The protocol and its UI pieces, with the title shown while either is fetched. */
async function prepare(id: string, show: (title: string) => void): Promise<void> {
  const title = descriptor(id)?.title;
  if (title && (!getProtocol(id) || !isProtocolUiLoaded(id))) show(title);
  await Promise.all([loadProtocol(id), loadProtocolUi(id)]);
}

/** Loads the protocol and UI pieces of a scenario the store is about to show (startup, the test hook). */
export function prepareProtocol(id: string): Promise<void> {
  return prepare(id, () => {});
}

function failed(store: Store, what: string, error: unknown): false {
  const reason = error instanceof Error ? error.message : String(error);
  store.report({ tone: 'error', text: `${what} could not be loaded (${reason}). Your run is unchanged.` });
  return false;
}

async function openScenario(
  store: Store,
  what: string,
  protocolId: string,
  load: () => Promise<{ scenario: Scenario; presetId: string | null }>,
  options: LoadOptions,
): Promise<boolean> {
  try {
    const { isLatest, value } = await pendingOf(store).track(async (show) => {
      const [next] = await Promise.all([load(), prepare(protocolId, show)]);
      return next;
    });
    if (!isLatest) return false;
    store.load(value.scenario, value.presetId, options);
    store.report(null);
    return true;
  } catch (error) {
    return failed(store, what, error);
  }
}

/** Opens a preset (the Library, paused at its start; the run setup's preset list). */
export function openPreset(store: Store, id: string, options: LoadOptions = {}): Promise<boolean> {
  const entry = getPreset(id);
  if (!entry) return Promise.resolve(failed(store, `The preset ${quote(id)}`, new Error('no such preset')));
  const load = async () => ({ scenario: await loadPresetScenario(id), presetId: id });
  return openScenario(store, entry.title, entry.protocol, load, options);
}

/** Switches to another protocol: its first preset (the run setup's protocol list). */
export function openProtocol(store: Store, id: string, options: LoadOptions = {}): Promise<boolean> {
  return openScenario(store, descriptor(id)?.title ?? id, id, () => scenarioForProtocol(id), options);
}

/** Opens a scenario file the user picked or dropped; a bad one is reported and changes nothing. */
export async function openFile(store: Store, file: File): Promise<boolean> {
  let result: ParseResult;
  try {
    const tracked = await pendingOf(store).track(async (show) => {
      const loader: ProtocolLoader = async (id) => {
        await prepare(id, show);
        return getProtocol(id);
      };
      return readScenarioFile(file, loader);
    });
    if (!tracked.isLatest) return false;
    result = tracked.value;
  } catch (error) {
    return failed(store, 'The file', error);
  }
  return openParsed(store, result, 'The file');
}
