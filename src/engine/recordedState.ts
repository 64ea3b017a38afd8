import type { NodeView } from './types';

/**
 * A node's view is the protocol's own value; whether the node is up lives beside it (`isUp`). The trace's
 * `state` record is older than that split and carries a down node's view with `crashed: true` (the
 * contract's `--trace` format, and every pinned trace hash). These two functions are the only place that
 * knows it: the record is built when it is written, and a trace reader splits it back.
 */
export function recordedState(view: NodeView, isUp: boolean): NodeView {
  return isUp ? view : { ...view, crashed: true };
}

/** The view and liveness a `state` record carries. */
export function splitRecordedState(state: NodeView): { readonly view: NodeView; readonly isUp: boolean } {
  if (state.crashed !== true) return { view: state, isUp: true };
  const { crashed: _crashed, ...view } = state;
  return { view, isUp: false };
}
