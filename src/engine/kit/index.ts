/**
 * The protocol kit: what a protocol's machine uses to talk to the engine. Messages, replies and named
 * timers as data, one `Plan` type, the helper that performs a plan inside an XState action, and the
 * event metadata.
 */
export {
  type Action,
  adjustClock,
  cancelTimer,
  complete,
  nothing,
  type Plan,
  reply,
  send,
  startTimer,
} from './actions';
export {
  changedEntries,
  type Dict,
  dict,
  entriesOf,
  hasKey,
  type Keyed,
  lastEntry,
  own,
  sizeOf,
  withEntry,
} from './dict';
export { at, entropy, type Incoming, type Local, localAt, type Meta } from './meta';
export { type AdjustClockRequest, act, type Emitted, perform, type ReplyRequest, type SendRequest } from './perform';
export { Wide, type WideChunk } from './wide';
