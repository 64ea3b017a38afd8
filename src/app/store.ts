import { Recording } from '../engine/recording';
import type { NodeId, VirtualMs } from '../engine/types';
import { getProtocol } from '../protocols';
import { toFileText } from '../scenario/encode';
import { createSimulation, DEFAULT_UNTIL_MS } from '../scenario/run';
import type { Scenario } from '../scenario/types';
import { addFoundBranch, type BranchState, type FoundBranch, switchToBranch } from './branches';
import type { XY } from './layout';
import type { Marker } from './markers';
import { eventNumberOf } from './runFrame';
import { RunStore } from './runStore';
import type { Message, Selection, WholeRun } from './state';

export type { Frame, FrameNode } from './frame';
export type { FrameWork } from './runFrame';
export type { LoadOptions } from './runStore';
export { DEFAULT_SPEED } from './runStore';
export type { Action, Alert, AppState, Message, Selection, WholeRun } from './state';
export { formatMs } from './state';

/**
 * The store the UI talks to: the run and its clock (`RunStore`), plus what the user has selected, the
 * timeline's markers, stepping back and forth one event or one marker, and switching branches.
 */
export class Store extends RunStore {
  private merged: { key: unknown[]; markers: readonly Marker[] } | null = null;
  /** Set by `openFoundBranch`: when the seek it started arrives, the first violation up to there is raised. */
  private isAlertOnArrival = false;

  setBoxSelect(isBoxSelect: boolean): void {
    this.set({ isBoxSelect });
  }

  openMenu(menuFor: NodeId | null): void {
    if (menuFor !== this.state.menuFor) this.set({ menuFor });
  }

  select(selection: Selection): void {
    this.set({ selection });
  }

  hoverMessage(hoveredMessage: number | null): void {
    if (hoveredMessage !== this.state.hoveredMessage) this.set({ hoveredMessage });
  }

  setPicked(picked: readonly NodeId[]): void {
    const same = picked.length === this.state.picked.length && picked.every((id, i) => this.state.picked[i] === id);
    if (!same) this.set({ picked });
  }

  togglePicked(id: NodeId): void {
    const { picked } = this.state;
    this.set({ picked: picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id] });
  }

  moveNode(id: NodeId, position: XY): void {
    this.set({ positions: { ...this.state.positions, [id]: position } });
  }

  /**
   * Puts an edited scenario in place of the run (authoring): it re-runs from 0, deterministically, and
   * the user stands again at the time they were at, paused, with the servers where they placed them.
   */
  rerun(scenario: Scenario): void {
    const { now, positions, presetId } = this.state;
    // An edited preset is still the preset it started from: its name says "modified" (runName.ts).
    this.load(scenario, presetId, { nowMs: now, playing: false });
    this.set({ positions });
  }

  /** Tells the user something that is not about the run (a file or link that could not be opened). */
  report(message: Message | null): void {
    this.set({ message });
  }

  /** The current branch as a scenario file, with every input the user added: export and share links. */
  fileText(): string {
    return toFileText(this.state.scenario, this.state.frame.inputs);
  }

  /** Which run the worker's whole-run view must belong to: the scenario, the branch and its inputs. */
  runKey(): string {
    const { runId, branchId, frame } = this.state;
    return `${runId}:${branchId}:${frame.inputs.length}`;
  }

  setWholeRun(wholeRun: WholeRun): void {
    if (wholeRun.key === this.runKey()) this.set({ wholeRun });
  }

  /** The whole-run view, if it belongs to the run as it is now. */
  currentWholeRun(): WholeRun | null {
    const { wholeRun } = this.state;
    return wholeRun && wholeRun.key === this.runKey() ? wholeRun : null;
  }

  /** Where the timeline ends: the scenario's end, or further if the run went on. */
  endMs(): VirtualMs {
    return Math.max(this.state.frontier, this.state.scenario.until ?? DEFAULT_UNTIL_MS);
  }

  /**
   * The timeline's markers: what this branch has computed (its known future included), then the
   * worker's view of the rest of the run, so the whole shape shows at once.
   */
  timelineMarkers(): readonly Marker[] {
    const { frame, frontier } = this.state;
    const whole = this.currentWholeRun();
    // The index hands back the same markers until the trace gains one: they key the merge.
    const live = frame.index.markers(frame.protocol);
    const key = [live, whole, frontier];
    if (this.merged && key.every((k, i) => this.merged?.key[i] === k)) return this.merged.markers;
    const records = frame.trace.records;
    const lastLive = records.length > 0 ? Math.max(frontier, (records[records.length - 1] as { t: number }).t) : 0;
    const rest = whole ? whole.markers.filter((m) => m.t > lastLive) : [];
    const markers = rest.length > 0 ? [...live, ...rest] : [...live];
    this.merged = { key, markers };
    return markers;
  }

  /** Ends a long seek where it has got to (the Stop button beside its progress): the run pauses there. */
  stopSeek(): void {
    this.cancelSeek();
  }

  /** Pauses and goes back to just before the last event that showed in the trace. */
  stepBack(): void {
    this.cancelSeek();
    this.recording.stepBack();
    this.arrived(this.recording.now);
  }

  /** Pauses and runs up to the next event that shows in the trace. */
  stepForward(): void {
    this.cancelSeek();
    this.recording.stepForward();
    this.arrived(this.recording.now);
  }

  /** Seeks to the next (or previous) marker on the timeline. */
  seekMarker(direction: 1 | -1): void {
    const now = this.state.seeking?.targetMs ?? this.state.now;
    const markers = this.timelineMarkers();
    let target: Marker | undefined;
    if (direction > 0) target = markers.find((m) => m.t > now);
    else target = markers.findLast((m) => m.t < now);
    if (target) this.seek(target.t);
    else this.seek(direction > 0 ? this.endMs() : 0);
  }

  /**
   * Puts a saved session's branches back (the autosave): the run was loaded from their shared script;
   * the current branch's run is rebuilt from its inputs, standing where the user stood.
   */
  restoreBranches(saved: BranchState, nowMs: VirtualMs): void {
    const current = saved.branches.find((b) => b.id === saved.branchId);
    if (!current) return;
    const run = createSimulation({ ...this.state.scenario, events: [...current.inputs] }, getProtocol);
    this.replaceRecording(new Recording(run), { branches: saved.branches, branchId: saved.branchId });
    this.seek(nowMs);
  }

  /**
   * Opens a run found elsewhere (a counterexample) as a new branch of this one and goes to `showAtMs`,
   * in slices as any seek does; arrived there, the first violation up to then is raised as the alert, as
   * if playback had stopped at it.
   */
  openFoundBranch(found: FoundBranch, showAtMs: VirtualMs): void {
    const added = addFoundBranch(this.state, found, this.state.scenario, this.recording, this.state.now);
    this.replaceRecording(added.recording, { ...added.state, notice: null, alert: null });
    this.isAlertOnArrival = true;
    this.seek(showAtMs);
  }

  protected override arrived(now: VirtualMs): void {
    super.arrived(now);
    if (!this.isAlertOnArrival) return;
    this.isAlertOnArrival = false;
    const { sim } = this.recording;
    const violation = sim.violations.find((v) => v.time <= now);
    if (violation) this.set({ alert: { ...violation, event: eventNumberOf(sim.trace, sim.traceLength, violation) } });
  }

  /**
   * Makes another branch current (branches.ts rebuilds its run) and stands where the user was on it.
   */
  switchBranch(id: number): void {
    const switched = switchToBranch(this.state, id, this.state.scenario, this.recording, this.state.now);
    if (!switched) return;
    this.replaceRecording(switched.recording, { ...switched.state, notice: null });
    this.seek(switched.nowMs);
  }
}
