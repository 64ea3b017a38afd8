import type { VirtualMs } from '../../engine/types';
import type { Scenario } from '../../scenario/types';
import type { StoreOptions } from '../state';
import { Store } from '../store';

/** What a side hands back to the pair that drives it: every control of time. */
export interface PairClock {
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  seek(t: VirtualMs): void;
  stepBack(): void;
  stepForward(): void;
  stepEvent(): void;
  seekMarker(direction: 1 | -1): void;
  stopSeek(): void;
  runTo(t: VirtualMs): void;
  /** Brings the two sides back to one time after a side moved by itself (an input rounds the time up). */
  reconcile(): void;
}

/**
 * The second run of a comparison (compare.ts). It is a whole store, so every panel, the canvas and its
 * menus work on it unchanged under its own `StoreContext`, and an action on its canvas applies to it.
 * It owns no clock: every control of time it is asked for goes to the pair, which moves both runs to
 * one virtual time. The pair moves it with the methods below.
 */
export class SideStore extends Store {
  constructor(
    scenario: Scenario,
    private readonly pair: PairClock,
    options: StoreOptions = {},
  ) {
    super(scenario, { ...options, playing: false });
  }

  override play(): void {
    this.pair.play();
  }
  override pause(): void {
    this.pair.pause();
  }
  override togglePlay(): void {
    this.pair.togglePlay();
  }
  override setSpeed(speed: number): void {
    this.pair.setSpeed(speed);
  }
  override seek(t: VirtualMs): void {
    this.pair.seek(t);
  }
  override stepBack(): void {
    this.pair.stepBack();
  }
  override stepForward(): void {
    this.pair.stepForward();
  }
  override stepEvent(): void {
    this.pair.stepEvent();
  }
  override seekMarker(direction: 1 | -1): void {
    this.pair.seekMarker(direction);
  }
  override stopSeek(): void {
    this.pair.stopSeek();
  }
  override runTo(t: VirtualMs): void {
    this.pair.runTo(t);
  }
  /** Its clock is the pair's: a frame of wall time reaches it through `continueJob`. */
  override tick(): void {}

  /** A fault from this side's canvas: applied here, at the time both sides stand at. */
  override act(action: Parameters<Store['act']>[0]): void {
    super.act(action);
    this.pair.reconcile();
  }

  // ---- driven by the pair ------------------------------------------------------------------

  get nowMs(): VirtualMs {
    return this.state.now;
  }

  get isSeeking(): boolean {
    return this.state.seeking !== null;
  }

  nextEventAt(): VirtualMs | undefined {
    return this.recording.sim.nextEventAt();
  }

  /** Jumps to t as a seek does (passing pause points), unless it is already there or on its way. */
  jumpTo(t: VirtualMs): void {
    const { seeking, now } = this.state;
    if (seeking ? seeking.targetMs === t : now === t) return;
    super.seek(t);
  }

  /**
   * Plays on to t as a frame of play does: it stops early at a pause point, a new violation or a budget.
   * True when it stopped (then the pair stops too, at the earlier of the two times).
   */
  advanceTo(t: VirtualMs): boolean {
    this.cancelSeek();
    const before = this.state;
    if (t <= before.now) {
      if (t < before.now) super.seek(t);
      return false;
    }
    this.advance(t, true, Number.POSITIVE_INFINITY);
    const after = this.state;
    const isNewAlert = after.alert !== null && after.alert !== before.alert;
    const isNewNotice = after.notice !== null && after.notice !== before.notice;
    return after.now < t || isNewAlert || isNewNotice;
  }

  /** One slice of its own long seek, if one is going on. */
  continueJob(): void {
    if (this.job) super.tick(0);
  }

  ownStepEvent(): void {
    super.stepEvent();
  }
  ownStepForward(): void {
    super.stepForward();
  }
  ownStepBack(): void {
    super.stepBack();
  }
  ownStopSeek(): void {
    super.stopSeek();
  }
}
