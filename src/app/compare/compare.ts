import type { VirtualMs } from '../../engine/types';
import type { Scenario } from '../../scenario/types';
import type { Marker } from '../markers';
import type { StoreOptions } from '../state';
import { Store } from '../store';
import { type PairClock, SideStore } from './sideStore';

/**
 * The store of the page, able to compare: alone it is the plain `Store`; with a second run beside it
 * (`compareWith`), it is one clock for two runs. Play, seek and the steps move both runs to the same
 * virtual time: a frame of play runs both to the same target, and where either stops (a pause point, a
 * new violation, a budget) both stand at the earlier time. The timeline shows both runs' markers.
 */
export class PairStore extends Store implements PairClock {
  private side: SideStore | null = null;
  /** While set, the lead moves without the side following (the pair is composing one move of both). */
  private isAlone = false;
  private bothMarkers: { lead: readonly Marker[]; side: readonly Marker[]; markers: readonly Marker[] } | null = null;
  private readonly sideOptions: StoreOptions;

  constructor(scenario: Scenario, options: StoreOptions = {}) {
    super(scenario, options);
    // The side shares the view's layout and budgets, not the page's frame budget: the lead's frame sets the pace.
    const { layout, maxEvents, maxRecords } = options;
    this.sideOptions = {
      layout: layout ?? null,
      ...(maxEvents ? { maxEvents } : {}),
      ...(maxRecords ? { maxRecords } : {}),
    };
  }

  /** The second run, or null when the page shows one run. */
  get partner(): SideStore | null {
    return this.side;
  }

  /** Puts a second run beside this one, standing at the same time. */
  compareWith(scenario: Scenario, presetId: string | null): SideStore {
    const side = new SideStore(scenario, this, { ...this.sideOptions, presetId, speed: this.state.speed });
    this.side = side;
    this.bothMarkers = null;
    const { seeking, now } = this.state;
    side.jumpTo(seeking?.targetMs ?? now);
    this.set({});
    return side;
  }

  /** Back to one run (this one). */
  endCompare(): void {
    if (!this.side) return;
    this.side = null;
    this.set({});
  }

  /** Another run in place of this one ends the comparison: the Library, a file, a link, the run setup. */
  override load(...args: Parameters<Store['load']>): void {
    this.side = null;
    super.load(...args);
  }

  override endMs(): VirtualMs {
    return Math.max(super.endMs(), this.side?.endMs() ?? 0);
  }

  override timelineMarkers(): readonly Marker[] {
    const lead = super.timelineMarkers();
    if (!this.side) return lead;
    const side = this.side.timelineMarkers();
    if (this.bothMarkers?.lead === lead && this.bothMarkers.side === side) return this.bothMarkers.markers;
    // A marker both runs share (the same fault at the same place in both traces) shows once.
    const seen = new Set<string>();
    const markers = [...lead, ...side]
      .filter((m) => {
        const key = `${m.kind}-${m.index}-${m.t}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a.t - b.t);
    this.bothMarkers = { lead, side, markers };
    return markers;
  }

  override seek(t: VirtualMs): void {
    super.seek(t);
    const { seeking } = this.state;
    if (this.side && seeking) this.side.jumpTo(seeking.targetMs);
  }

  override tick(elapsedMs: number): void {
    super.tick(elapsedMs);
    if (!this.side) return;
    this.side.continueJob();
    this.reconcile();
  }

  override stopSeek(): void {
    const side = this.side;
    if (!side) {
      super.stopSeek();
      return;
    }
    this.alone(() => super.stopSeek());
    side.ownStopSeek();
    this.meetAt(Math.min(this.state.now, side.nowMs));
  }

  /** The next event of either run: the run it belongs to processes it; the other's clock moves there. */
  override stepEvent(): void {
    const side = this.side;
    if (!side) {
      super.stepEvent();
      return;
    }
    const a = this.recording.sim.nextEventAt() ?? Number.POSITIVE_INFINITY;
    const b = side.nextEventAt() ?? Number.POSITIVE_INFINITY;
    const t = Math.min(a, b);
    if (!Number.isFinite(t)) {
      super.stepEvent();
      return;
    }
    if (a === t) this.alone(() => super.stepEvent());
    else this.alone(() => this.walkTo(t));
    if (b === t) side.ownStepEvent();
    else side.advanceTo(t);
  }

  /** Forward to the nearer of the two runs' next visible events. */
  override stepForward(): void {
    const side = this.side;
    if (!side) {
      super.stepForward();
      return;
    }
    const [a0, b0] = [this.state.now, side.nowMs];
    this.alone(() => super.stepForward());
    side.ownStepForward();
    const moved = [this.state.now, side.nowMs].filter((t, i) => t > (i === 0 ? a0 : b0));
    if (moved.length === 0) return;
    const t = Math.min(...moved);
    if (this.state.now > t) this.alone(() => super.seek(t));
    else if (this.state.now < t) this.alone(() => this.walkTo(t));
    if (side.nowMs > t) side.jumpTo(t);
    else if (side.nowMs < t) side.advanceTo(t);
  }

  /** Back to the later of the two runs' previous visible events. */
  override stepBack(): void {
    const side = this.side;
    if (!side) {
      super.stepBack();
      return;
    }
    const [a0, b0] = [this.state.now, side.nowMs];
    this.alone(() => super.stepBack());
    side.ownStepBack();
    const moved = [this.state.now, side.nowMs].filter((t, i) => t < (i === 0 ? a0 : b0));
    if (moved.length === 0) return;
    this.meetAt(Math.max(...moved));
  }

  reconcile(): void {
    const side = this.side;
    if (!side || this.state.seeking || side.isSeeking) return;
    const [a, b] = [this.state.now, side.nowMs];
    if (a === b) return;
    if (b < a) {
      this.alone(() => super.seek(b));
      return;
    }
    this.alone(() => this.walkTo(b));
    if (this.state.now < b) side.jumpTo(this.state.now);
  }

  /** A frame of play (or an input, or `runTo`): the side plays to where the lead got; the earlier stop wins. */
  protected override advance(target: VirtualMs, force?: boolean, maxSteps?: number): void {
    super.advance(target, force, maxSteps);
    const side = this.side;
    if (!side || this.isAlone) return;
    const now = this.state.now;
    const hasStopped = side.advanceTo(now);
    if (side.nowMs < now) this.alone(() => super.seek(side.nowMs));
    else if (hasStopped && this.state.playing) this.set({ playing: false });
  }

  /** A jump in time (a seek arriving, a step back, a branch): the side jumps to the same time. */
  protected override arrived(now: VirtualMs): void {
    super.arrived(now);
    if (this.side && !this.isAlone) this.side.jumpTo(now);
  }

  /** Both runs to `t`, which neither has passed by more than it can seek back: the later one goes back. */
  private meetAt(t: VirtualMs): void {
    const side = this.side;
    if (this.state.now !== t) this.alone(() => super.seek(t));
    if (side) side.jumpTo(t);
  }

  /** The lead's clock on to t, paused, playing what falls before it (a step of the other run got there first). */
  private walkTo(t: VirtualMs): void {
    if (this.state.playing) this.set({ playing: false });
    super.advance(t, true, Number.POSITIVE_INFINITY);
  }

  private alone(move: () => void): void {
    const was = this.isAlone;
    this.isAlone = true;
    try {
      move();
    } finally {
      this.isAlone = was;
    }
  }
}

/** The store's second run, when it is comparing two. */
export function partnerOf(store: Store): SideStore | null {
  return store instanceof PairStore ? store.partner : null;
}
