import { PairStore } from '../../app/compare/compare';
import { pendingOf } from '../../app/pending';
import { loadPresetScenario } from '../../app/scenarios';
import type { Store } from '../../app/store';
import { quote } from '../../engine/quote';
import { getPreset } from '../../protocols';
import { prepareProtocol } from '../open';

/**
 * Opens two presets side by side on one timeline (the Library's "Compare side by side"), paused at their
 * start. What fails to load is reported and the run the user had stays as it was.
 */
export async function openComparison(store: Store, firstId: string, secondId: string): Promise<boolean> {
  const first = getPreset(firstId);
  const second = getPreset(secondId);
  const report = (text: string) => {
    store.report({ tone: 'error', text: `${text} Your run is unchanged.` });
    return false;
  };
  if (!(store instanceof PairStore)) return report('This page cannot compare two runs.');
  if (!first || !second) return report(`There is no preset ${quote(first ? secondId : firstId)} to compare.`);
  try {
    const { isLatest, value } = await pendingOf(store).track(async () => {
      const [a, b] = await Promise.all([
        loadPresetScenario(firstId),
        loadPresetScenario(secondId),
        prepareProtocol(first.protocol),
        prepareProtocol(second.protocol),
      ]);
      return { a, b };
    });
    if (!isLatest) return false;
    store.load(value.a, firstId, { playing: false });
    store.compareWith(value.b, secondId);
    store.report(null);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return report(`The comparison could not be loaded (${reason}).`);
  }
}
