import { getProtocol } from '../protocols';
import { parseScenarioLoading } from '../scenario/parseLoading';
import { MAX_TIME_MS } from '../scenario/schema';
import type { ProtocolLoader, Scenario } from '../scenario/types';
import type { BranchState } from './branches';
import { historyFromSaved, type SavedHistory } from './savedBranches';

/** Where the current run is kept between visits, and where a saved run that cannot be read is set aside. */
export const AUTOSAVE_KEY = 'netsplit:autosave';
export const SET_ASIDE_KEY = 'netsplit:autosave:set-aside';
const FORMAT_VERSION = 1;

/** The storage the app uses (window.localStorage), narrowed to what autosave needs. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SavedRun {
  /** The scenario file of the run, inputs included. */
  readonly file: Record<string, unknown>;
  /** The virtual time the user was looking at. */
  readonly nowMs: number;
  readonly presetId: string | null;
  /** The branches and which inputs are the scenario's own; older saves have none. */
  readonly history?: SavedHistory;
}

export interface RestoredRun {
  readonly scenario: Scenario;
  readonly nowMs: number;
  readonly presetId: string | null;
  /** The session's branches, when the save kept them and they still read: `scenario` is then the script. */
  readonly branches?: BranchState;
}

export type LoadResult =
  | { readonly kind: 'none' }
  | ({ readonly kind: 'ok' } & RestoredRun)
  | { readonly kind: 'set-aside'; readonly message: string };

/** Saves the run; false (and nothing thrown) when storage is full or disabled. */
export function saveRun(storage: KeyValueStorage, run: SavedRun): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ version: FORMAT_VERSION, ...run }));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the saved run, loading the protocol it names. A saved run that is broken, from a newer version,
 * or of a protocol whose code could not be fetched is moved to SET_ASIDE_KEY (so a later visit can still
 * read it, and the next autosave does not overwrite it) and reported, never thrown.
 */
export async function loadRun(storage: KeyValueStorage, load: ProtocolLoader): Promise<LoadResult> {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  const problem = await readProblem(text, load);
  if (typeof problem !== 'string') return { kind: 'ok', ...problem };
  try {
    storage.setItem(SET_ASIDE_KEY, text);
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage refused the move: the message still tells the user, and the session starts fresh.
  }
  return {
    kind: 'set-aside',
    message: `The run saved in this browser could not be restored (${problem}); it was set aside.`,
  };
}

async function readProblem(text: string, load: ProtocolLoader): Promise<string | RestoredRun> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  if (typeof value !== 'object' || value === null) return 'it is not a saved run';
  const saved = value as Record<string, unknown>;
  if (typeof saved.version !== 'number') return 'it has no version';
  if (saved.version > FORMAT_VERSION) return `it was saved by a newer version of netsplit (format ${saved.version})`;
  const result = await parseScenarioLoading(saved.file, load);
  if (!result.ok) return result.errors[0] ?? 'its scenario is invalid';
  const nowMs =
    typeof saved.nowMs === 'number' && Number.isFinite(saved.nowMs) && saved.nowMs >= 0 && saved.nowMs <= MAX_TIME_MS
      ? saved.nowMs
      : 0;
  const presetId = typeof saved.presetId === 'string' ? saved.presetId : null;
  // The file's protocol is loaded by now; branches that do not read are left out, never fatal.
  const history = historyFromSaved(saved.history, saved.file as Record<string, unknown>, getProtocol);
  if (history) return { scenario: history.scenario, nowMs, presetId, branches: history.state };
  return { scenario: result.scenario, nowMs, presetId };
}
