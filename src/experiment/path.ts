/**
 * Paths into a scenario file, as the experiment file writes them: `config.electionTimeoutMs`,
 * `events[2].at` (or `events.2.at`), `initial.n1.term`. A path names a place in plain JSON; setting it copies
 * the containers on the way and leaves the original untouched.
 */

export type PathKey = string | number;

const SEGMENT = /^(?:[A-Za-z_$][\w$-]*|\d+)$/;

/** The keys of a path, or a reason it is not one. */
export function parsePath(path: string): { ok: true; keys: PathKey[] } | { ok: false; reason: string } {
  const keys: PathKey[] = [];
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  for (const part of parts) {
    if (!SEGMENT.test(part))
      return { ok: false, reason: `"${path}" is not a path like config.heartbeatMs or events[2].at` };
    keys.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return { ok: true, keys };
}

/**
 * `root` with `value` at `keys`. A missing object field on the way is created; a list index must exist (an
 * experiment changes events, it does not invent them). Throws a PathError saying where the path breaks.
 */
export function setAt(root: unknown, keys: readonly PathKey[], value: unknown): unknown {
  return setFrom(root, keys, 0, value);
}

export class PathError extends Error {}

function setFrom(node: unknown, keys: readonly PathKey[], at: number, value: unknown): unknown {
  if (at === keys.length) return value;
  const key = keys[at] as PathKey;
  const where = keys.slice(0, at).join('.') || 'the scenario';
  if (Array.isArray(node)) {
    if (typeof key !== 'number' || key >= node.length) {
      throw new PathError(`${where} has ${node.length} entries, no entry ${String(key)}`);
    }
    const copy = [...node];
    copy[key] = setFrom(node[key], keys, at + 1, value);
    return copy;
  }
  if (node === undefined) node = {};
  if (typeof node !== 'object' || node === null) throw new PathError(`${where} is not an object or a list`);
  if (typeof key === 'number') throw new PathError(`${where} is not a list`);
  const record = node as Record<string, unknown>;
  return { ...record, [key]: setFrom(record[key], keys, at + 1, value) };
}

/** The value at `keys`, or undefined when there is none. */
export function getAt(root: unknown, keys: readonly PathKey[]): unknown {
  let node = root;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PathKey, unknown>)[key];
  }
  return node;
}
