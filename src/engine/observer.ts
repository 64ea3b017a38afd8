import type { AnyProtocol, World } from './protocol';
import { recordedState } from './recordedState';
import type { MutableNode } from './runtime';
import { kindRules } from './topology';
import { viewKey } from './trace';
import type { NodeId, NodeView, TraceRecord, Violation, VirtualMs } from './types';

/** What the observer needs from the simulation around it. */
export interface ObserverHost {
  readonly nowMs: VirtualMs;
  record(record: TraceRecord): void;
  world(): World;
  readonly violations: Violation[];
}

export interface ObserverState {
  readonly history: unknown;
  readonly reported: readonly string[];
}

/**
 * Watches the nodes on behalf of the run: records a node's view in the trace whenever it changes, and
 * runs the protocol's invariants whenever a node's state changes, reporting each violation once.
 */
export class Observer {
  private history: unknown;
  private reported = new Set<string>();
  /** Each node kind's view function (its own or the protocol's), looked up once per kind. */
  private readonly viewByKind = new Map<string, (context: unknown, value: unknown) => NodeView>();

  private views(kind: string): (context: unknown, value: unknown) => NodeView {
    let view = this.viewByKind.get(kind);
    if (!view) {
      view = kindRules(this.protocol, kind).view;
      this.viewByKind.set(kind, view);
    }
    return view;
  }

  constructor(
    private readonly host: ObserverHost,
    private readonly protocol: AnyProtocol,
  ) {
    this.history = protocol.monitor.initial(host.world());
  }

  /**
   * After a node's step: record its view if it changed, and check the invariants whenever its state
   * changed at all (a context the view does not show can still matter to an invariant).
   */
  afterChange(node: MutableNode): void {
    const changed = node.snapshot.context !== node.viewOf || node.isUp !== node.viewUp;
    this.recordState(node, false);
    if (changed) this.check(node.id);
  }

  /** Records the node's view when it changed (always when `force`); true when it did. */
  recordState(node: MutableNode, force: boolean): boolean {
    const context = node.snapshot.context;
    if (!force && context === node.viewOf && node.isUp === node.viewUp) return false;
    const view = this.views(node.kind)(context, node.snapshot.value);
    // The record shows liveness as well as the view (recordedState.ts): a crash or restart is a change.
    const isUpChanged = node.isUp !== node.viewUp;
    node.viewOf = context;
    node.viewUp = node.isUp;
    // Views share structure with the context: most changes of context leave every field of the view as it was.
    if (!force && !isUpChanged && shallowEqual(view, node.view)) return false;
    const key = viewKey(view);
    if (!force && !isUpChanged && key === node.viewKey) return false;
    node.view = view;
    node.viewKey = key;
    const state = recordedState(view, node.isUp);
    // The record's state is hashed as it always was: through the remembered hash of that very object.
    if (state !== view) viewKey(state);
    this.host.record({ t: this.host.nowMs, kind: 'state', node: node.id, state });
    return true;
  }

  check(changed: NodeId): void {
    const { history, findings } = this.protocol.monitor.check(this.history, this.host.world(), changed);
    this.history = history;
    for (const finding of findings) {
      const key = `${finding.invariant}\u0000${finding.message}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      const t = this.host.nowMs;
      this.host.violations.push({ invariant: finding.invariant, time: t, message: finding.message });
      this.host.record({ t, kind: 'violation', invariant: finding.invariant, message: finding.message });
    }
  }

  /** The monitor's end-of-run check: new findings of the judged invariants become violations now, with no trace record. */
  settle(isJudged: (invariant: string) => boolean = () => true): readonly Violation[] {
    const findings = this.protocol.monitor.settled?.(this.history, this.host.world()) ?? [];
    const added: Violation[] = [];
    for (const finding of findings) {
      if (!isJudged(finding.invariant)) continue;
      const key = `${finding.invariant}\u0000${finding.message}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      const violation = { invariant: finding.invariant, time: this.host.nowMs, message: finding.message };
      this.host.violations.push(violation);
      added.push(violation);
    }
    return added;
  }

  state(): ObserverState {
    return { history: this.history, reported: [...this.reported] };
  }

  restore(s: ObserverState): void {
    this.history = s.history;
    this.reported = new Set(s.reported);
  }
}

function shallowEqual(a: NodeView, b: NodeView): boolean {
  let count = 0;
  for (const key in a) {
    if (a[key] !== b[key]) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}
