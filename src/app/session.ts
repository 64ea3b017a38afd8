import type { Layout } from '../engine/topology';
import { getPreset, loadPreset, loadProtocol } from '../protocols';
import type { ParseResult, Scenario } from '../scenario/types';
import { type KeyValueStorage, loadRun, saveRun } from './autosave';
import type { BranchState } from './branches';
import { DEFAULT_SPEED } from './runStore';
import { historyToSave } from './savedBranches';
import { fileNameFor } from './scenarioFile';
import { loadPresetScenario } from './scenarios';
import type { LinkExtras } from './share';
import { hasSharedScenario, linkExtras, readSharedScenario, shareLink } from './share';
import type { Message, Store } from './store';
import { startOptions } from './url';

/** What the page opens on, and what to tell the user about it. */
export interface Start {
  readonly scenario: Scenario;
  readonly presetId: string | null;
  readonly nowMs: number;
  readonly speed: number;
  readonly playing: boolean;
  readonly message: Message | null;
  /** The branches restored from the autosave (the scenario is then the script they share). */
  readonly branches?: BranchState;
  /** Notes about ignored URL parameters. */
  readonly problems: readonly string[];
  /** `?layout=`: the canvas's layout instead of the protocol's hint, or null. */
  readonly layout: Layout | null;
}

/**
 * Chooses the run the page opens on: a shared link (`#s=`) beats a `?preset=` named in the address
 * (a lecturer's bookmark must open the lecture), which beats the run saved in this browser, which beats
 * the default. A bad link or a broken save is reported and the next source is used; nothing here throws
 * on bad input. Resolves once the chosen run's protocol is loaded.
 */
export async function chooseStart(
  location: Pick<Location, 'search' | 'hash'>,
  storage: KeyValueStorage | null,
): Promise<Start> {
  return withPresetLoaded(await chooseSource(location, storage));
}

/**
 * The preset a run started from must be at hand to tell whether the run still is it (runName.ts): a
 * link's or a save's preset file is fetched too. One that cannot be fetched leaves the run nameless.
 */
async function withPresetLoaded<T extends { readonly presetId: string | null }>(start: T): Promise<T> {
  if (!start.presetId || !isPreset(start.presetId)) return start;
  try {
    await loadPreset(start.presetId);
    return start;
  } catch {
    return { ...start, presetId: null };
  }
}

async function chooseSource(
  location: Pick<Location, 'search' | 'hash'>,
  storage: KeyValueStorage | null,
): Promise<Start> {
  const options = startOptions(location.search);
  const base = { speed: options.speed, problems: options.problems, layout: options.layout };
  const messages: string[] = [];
  if (hasSharedScenario(location.hash)) {
    const result = await readSharedScenario(location.hash, loadProtocol);
    if (result.ok) {
      const { nowMs, speed, presetId } = linkExtras(location.hash, isPreset);
      // The address's own ?speed= wins over the link's (an embed snippet sets it on purpose).
      const hasSpeed = new URLSearchParams(location.search).has('speed');
      return {
        ...base,
        speed: speed !== null && !hasSpeed ? speed : base.speed,
        scenario: result.scenario,
        presetId,
        nowMs,
        playing: false,
        message: null,
      };
    }
    messages.push(`This link could not be opened: ${result.errors.join('; ')}.`);
  }
  const namesPreset = new URLSearchParams(location.search).get('preset') === options.presetId;
  if (storage && !namesPreset) {
    const saved = await loadRun(storage, loadProtocol);
    if (saved.kind === 'ok') {
      const message = messages.length > 0 ? { tone: 'error' as const, text: messages.join(' ') } : null;
      return {
        ...base,
        scenario: saved.scenario,
        presetId: saved.presetId,
        nowMs: saved.nowMs,
        playing: false,
        message,
        ...(saved.branches ? { branches: saved.branches } : {}),
      };
    }
    if (saved.kind === 'set-aside') messages.push(saved.message);
  }
  return {
    ...base,
    scenario: await loadPresetScenario(options.presetId),
    presetId: options.presetId,
    nowMs: 0,
    playing: options.playing,
    message: messages.length > 0 ? { tone: 'error', text: messages.join(' ') } : null,
  };
}

const isPreset = (id: string) => getPreset(id) !== undefined;

/**
 * Opens a parsed file or link; a bad one is reported and leaves the current run exactly as it was. A
 * link's extras (where to stand, the speed, the preset it came from) come along when given.
 */
export function openParsed(store: Store, result: ParseResult, what: string, extras: Partial<LinkExtras> = {}): boolean {
  if (!result.ok) {
    store.report({
      tone: 'error',
      text: `${what} could not be opened: ${result.errors.join('; ')}. Your run is unchanged.`,
    });
    return false;
  }
  const nowMs = extras.nowMs ?? 0;
  store.load(result.scenario, extras.presetId ?? null, { playing: false, nowMs });
  if (extras.speed) store.setSpeed(extras.speed);
  const where = nowMs > 0 ? `at ${(nowMs / 1000).toFixed(3)} s` : 'at its start';
  store.report({ tone: 'info', text: `Opened ${result.scenario.title || 'the scenario'}, paused ${where}.` });
  return true;
}

/**
 * A link pasted into a tab already open on the app (the fragment changed, so the page did not load
 * again): opens its run, with the same checks and messages as at load. False when the fragment carries
 * no scenario.
 */
export async function openLinkInTab(
  store: Store,
  hash: string,
  prepare: (protocol: string) => Promise<void>,
): Promise<boolean> {
  if (!hasSharedScenario(hash)) return false;
  const result = await readSharedScenario(hash, async (id) => {
    await prepare(id);
    return loadProtocol(id);
  });
  return openParsed(store, result, 'This link', await withPresetLoaded(linkExtras(hash, isPreset)));
}

/**
 * A link that reproduces the run as played, standing where the user stands now, at the speed they
 * play at, and saying which preset it started from (when it did).
 */
export function linkFor(store: Store, pageUrl: string): string {
  const url = new URL(pageUrl);
  url.search = '';
  const { now, speed, presetId } = store.getState();
  let link = shareLink(url.toString(), store.fileText());
  if (now > 0) link += `&t=${now}`;
  if (speed !== DEFAULT_SPEED) link += `&speed=${speed}`;
  if (presetId) link += `&from=${encodeURIComponent(presetId)}`;
  return link;
}

/** The file to download: the run as played, with a name from its title. */
export function exportFile(store: Store): { name: string; text: string } {
  return { name: fileNameFor(store.getState().scenario.title ?? ''), text: store.fileText() };
}

/** Saves at most this often while the run changes, and once more when the page goes away. */
const SAVE_EVERY_MS = 500;

/** Keeps the current run (inputs and the time the user is at) in storage. Returns a stop function. */
export function startAutosave(store: Store, storage: KeyValueStorage, target: Window | null = null): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: unknown[] = [];
  const save = () => {
    timer = undefined;
    const state = store.getState();
    const { scenario, presetId, now, frame, seeking } = state;
    const key = [scenario, presetId, now, frame.inputs, store.runKey(), state.branches];
    if (key.every((k, i) => last[i] === k)) return;
    last = key;
    const nowMs = seeking?.targetMs ?? now;
    const history = historyToSave(scenario, state, frame.inputs);
    saveRun(storage, { file: JSON.parse(store.fileText()), nowMs, presetId, history });
  };
  const unsubscribe = store.subscribe(() => {
    timer ??= setTimeout(save, SAVE_EVERY_MS);
  });
  const onHide = () => {
    clearTimeout(timer);
    save();
  };
  target?.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    target?.removeEventListener('pagehide', onHide);
  };
}
