import type { NodeId, TraceRecord } from '../../../engine/types';

/**
 * What the lock panel draws, derived from the trace up to now (pure, so it is tested without a page):
 * the service's leases (who, which token, granted when, ending `leaseMs` later by its clock), each
 * client's holds (from taking the lock to letting go, with the token and where its lease or validity ran
 * out in real time), each master's key, and the storage's accepted and refused writes.
 */

export interface Bar {
  readonly holder: NodeId;
  readonly token: number | null;
  readonly from: number;
  /** When it ended (released, expired, crashed); null while it lasts at `now`. */
  readonly to: number | null;
  /** Where its lease or validity ends in real time, as the owner counted it (its clock running true). */
  readonly validTo: number | null;
}

export interface WriteMark {
  readonly client: NodeId;
  readonly token: number | null;
  readonly value: string;
  readonly at: number;
  readonly accepted: boolean;
}

export interface Lane {
  readonly node: NodeId;
  readonly kind: 'service' | 'master' | 'client' | 'storage';
  readonly bars: readonly Bar[];
  readonly writes: readonly WriteMark[];
}

export interface LockStory {
  readonly lanes: readonly Lane[];
  readonly endMs: number;
}

/** The lease (and TTL), and what a Redlock client subtracts for drift: `leaseMs * driftFactor + driftMarginMs`. */
export interface Timing {
  readonly leaseMs: number;
  readonly driftMs: number;
}

type State = Extract<TraceRecord, { kind: 'state' }>;

export function lockStory(
  records: readonly TraceRecord[],
  length: number,
  nowMs: number,
  timing: Timing,
  kindOf: (id: NodeId) => string,
): LockStory {
  const lanes = new Map<NodeId, { kind: Lane['kind']; bars: Bar[]; writes: WriteMark[] }>();
  const lane = (node: NodeId, kind: Lane['kind']) => {
    let l = lanes.get(node);
    if (!l) {
      l = { kind, bars: [], writes: [] };
      lanes.set(node, l);
    }
    return l;
  };
  const close = (bars: Bar[], t: number) => {
    const last = bars.at(-1);
    if (last && last.to === null) bars[bars.length - 1] = { ...last, to: t };
  };
  const attemptStart = new Map<NodeId, number>();
  let storageId: NodeId | null = null;
  for (let i = 0; i < Math.min(length, records.length); i++) {
    const r = records[i] as TraceRecord;
    if (r.kind === 'send' && (r.type === 'Acquire' || r.type === 'Set')) {
      // An attempt's start (a Redlock attempt sends its N Sets at one instant).
      attemptStart.set(r.from, r.t);
    } else if (r.kind === 'send' && r.type === 'WriteRejected') {
      const m = r.message as unknown as { token: number | null };
      const write = lastWrite(records, i, r.to);
      storageId = r.from;
      lane(r.from, 'storage').writes.push({
        client: r.to,
        token: m.token,
        value: write ?? '?',
        at: r.t,
        accepted: false,
      });
    } else if (r.kind === 'state') {
      storyOfState(r, lane, close, attemptStart, timing, kindOf);
      if (kindOf(r.node) === 'storage') storageId = r.node;
    } else if (r.kind === 'fault' && r.type === 'crash' && typeof r.node === 'string') {
      const l = lanes.get(r.node);
      if (l && l.kind !== 'storage') close(l.bars, r.t);
    }
  }
  if (storageId !== null) {
    const l = lane(storageId, 'storage');
    l.writes.sort((a, b) => a.at - b.at);
  }
  const order = { service: 0, master: 1, client: 2, storage: 3 } as const;
  return {
    lanes: [...lanes.entries()]
      .map(([node, l]) => ({ node, ...l }))
      .sort((a, b) => order[a.kind] - order[b.kind] || a.node.localeCompare(b.node, 'en', { numeric: true })),
    endMs: nowMs,
  };
}

function storyOfState(
  r: State,
  lane: (node: NodeId, kind: Lane['kind']) => { bars: Bar[]; writes: WriteMark[] },
  close: (bars: Bar[], t: number) => void,
  attemptStart: ReadonlyMap<NodeId, number>,
  { leaseMs, driftMs }: Timing,
  kindOf: (id: NodeId) => string,
): void {
  const v = r.state as Record<string, unknown>;
  const kind = kindOf(r.node);
  if (kind === 'service') {
    const bars = lane(r.node, 'service').bars;
    const last = bars.at(-1);
    const holder = v.holder as NodeId | null;
    const token = v.token as number;
    if (last && last.to === null && (holder !== last.holder || token !== last.token)) close(bars, r.t);
    const open = bars.at(-1);
    if (holder !== null && !(open && open.to === null)) {
      bars.push({ holder, token, from: r.t, to: null, validTo: r.t + leaseMs });
    }
  } else if (kind === 'redis') {
    const bars = lane(r.node, 'master').bars;
    const key = v.key as { value: string } | null;
    const owner = key === null ? null : (key.value.split('.')[0] ?? key.value);
    const last = bars.at(-1);
    if (last && last.to === null && owner !== last.holder) close(bars, r.t);
    const open = bars.at(-1);
    if (owner !== null && !(open && open.to === null)) {
      bars.push({ holder: owner, token: null, from: r.t, to: null, validTo: r.t + leaseMs });
    }
  } else if (kind === 'client') {
    const bars = lane(r.node, 'client').bars;
    const last = bars.at(-1);
    const isOpen = last !== undefined && last.to === null;
    if (v.holding === true && !isOpen) {
      const start = attemptStart.get(r.node) ?? r.t;
      const token = (v.token as number | null) ?? null;
      // Lease: counted from sending Acquire; Redlock (no token): `leaseMs - drift` after the attempt's Sets.
      const validTo = start + leaseMs - (token === null ? driftMs : 0);
      bars.push({ holder: r.node, token, from: r.t, to: null, validTo });
    } else if (v.holding !== true && isOpen) {
      close(bars, r.t);
    }
  } else if (kind === 'storage') {
    const l = lane(r.node, 'storage');
    const writes = (v.writes ?? []) as readonly { client: NodeId; token: number | null; value: string; at: number }[];
    const accepted = l.writes.filter((w) => w.accepted).length;
    for (const w of writes.slice(accepted)) l.writes.push({ ...w, accepted: true });
  }
}

/** The value of the last Write `client` sent before record `i` (what a refusal refused). */
function lastWrite(records: readonly TraceRecord[], i: number, client: NodeId): string | null {
  for (let j = i - 1; j >= 0; j--) {
    const r = records[j] as TraceRecord;
    if (r.kind === 'send' && r.type === 'Write' && r.from === client)
      return (r.message as unknown as { value: string }).value;
  }
  return null;
}
