/**
 * How a named timer travels through XState: a delayed raise whose id is the timer's name, then `:` and
 * its key when it has one. The kit writes these ids and the adapter (stepper.ts) reads the name back, so
 * no protocol parses ids; `after` timers are named by their delay (`election`), which the adapter reports.
 */

const SEPARATOR = ':';

export function timerId(name: string, key?: string): string {
  if (name.length === 0 || name.includes(SEPARATOR)) {
    throw new Error(`a timer name must be non-empty and without "${SEPARATOR}": "${name}"`);
  }
  return key === undefined ? name : `${name}${SEPARATOR}${key}`;
}

/** The name of a timer from its id (the id itself when it was not made by `timerId`). */
export function timerNameOf(id: string): string {
  const at = id.indexOf(SEPARATOR);
  return at < 0 ? id : id.slice(0, at);
}
