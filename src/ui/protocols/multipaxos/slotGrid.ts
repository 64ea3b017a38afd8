import type { NodeId } from '../../../engine/types';
import { ballotText, compareBallots } from '../../../protocols/multipaxos/ballot';
import type { Ballot, MultiPaxosView } from '../../../protocols/multipaxos/types';

/**
 * The Multi-Paxos panel's picture as plain data (pure, so it is tested without a page): one row per node, one
 * column per slot. A cell holds what that node's acceptor accepted there (command and ballot), whether its
 * replica has decided the slot (and with what), whether it is the replica's slot_out (the next to execute),
 * and whether it is a gap: undecided below the highest slot that replica has decided.
 */
export interface SlotCell {
  readonly slot: number;
  readonly accepted: { readonly command: string; readonly ballot: Ballot } | null;
  /** Index of the accepted ballot among the ballots on screen, lowest first: its colour. */
  readonly ballotIndex: number | null;
  readonly decided: string | null;
  readonly isSlotOut: boolean;
  readonly isGap: boolean;
}

export interface SlotRow {
  readonly id: NodeId;
  readonly isUp: boolean;
  readonly view: MultiPaxosView;
  readonly cells: readonly SlotCell[];
}

export interface SlotGrid {
  readonly slots: readonly number[];
  readonly rows: readonly SlotRow[];
  /** Every ballot some acceptor on screen accepted in, lowest first (the legend's colours). */
  readonly ballots: readonly Ballot[];
  /** The up leader with the highest ballot, if any; else the up candidate with the highest ballot. */
  readonly leader: { readonly id: NodeId; readonly ballot: Ballot | null } | null;
  readonly candidate: { readonly id: NodeId; readonly ballot: Ballot | null } | null;
}

interface NodeIn {
  readonly id: NodeId;
  readonly isUp: boolean;
  readonly view: MultiPaxosView;
}

const lastDecided = (d: readonly (string | null)[]) => {
  for (let i = d.length - 1; i >= 0; i--) if (d[i] !== null) return i + 1;
  return 0;
};

function highest(nodes: readonly NodeIn[], role: string, ids: readonly NodeId[]) {
  let best: NodeIn | null = null;
  for (const n of nodes) {
    if (!n.isUp || n.view.role !== role) continue;
    if (best === null || compareBallots(n.view.ballot, best.view.ballot, ids) > 0) best = n;
  }
  return best === null ? null : { id: best.id, ballot: best.view.ballot };
}

export function slotGrid(nodes: readonly NodeIn[]): SlotGrid {
  const ids = nodes.map((n) => n.id);
  let columns = 1;
  const ballots: Ballot[] = [];
  for (const n of nodes) {
    columns = Math.max(columns, n.view.decisions.length, n.view.slotOut);
    for (const [key, pv] of Object.entries(n.view.accepted)) {
      columns = Math.max(columns, Number(key));
      if (!ballots.some((b) => compareBallots(b, pv.ballot, ids) === 0)) ballots.push(pv.ballot);
    }
  }
  ballots.sort((a, b) => compareBallots(a, b, ids));
  const slots = Array.from({ length: columns }, (_, i) => i + 1);
  const rows = nodes.map((n): SlotRow => {
    const top = lastDecided(n.view.decisions);
    const cells = slots.map((slot): SlotCell => {
      const pv = n.view.accepted[slot] ?? null;
      const decided = n.view.decisions[slot - 1] ?? null;
      return {
        slot,
        accepted: pv,
        ballotIndex: pv === null ? null : ballots.findIndex((b) => compareBallots(b, pv.ballot, ids) === 0),
        decided,
        isSlotOut: slot === n.view.slotOut,
        isGap: decided === null && slot < top,
      };
    });
    return { id: n.id, isUp: n.isUp, view: n.view, cells };
  });
  return { slots, rows, ballots, leader: highest(nodes, 'leader', ids), candidate: highest(nodes, 'candidate', ids) };
}

/** The panel's headline, for the eye and for a screen reader. */
export function leaderWords(grid: SlotGrid): string {
  if (grid.leader !== null) return `Leader: ${grid.leader.id} with ballot ${ballotText(grid.leader.ballot)}.`;
  if (grid.candidate !== null) {
    return `No leader: ${grid.candidate.id} is running phase 1 with ballot ${ballotText(grid.candidate.ballot)}.`;
  }
  return 'No leader yet: every node waits for its leader timeout.';
}

/** One cell in words (its accessible name). */
export function cellWords(row: SlotRow, cell: SlotCell): string {
  const parts = [`${row.id}, slot ${cell.slot}`];
  parts.push(
    cell.accepted === null
      ? 'nothing accepted'
      : `accepted ${cell.accepted.command} at ${ballotText(cell.accepted.ballot)}`,
  );
  if (cell.decided !== null) parts.push(`decided ${cell.decided}`);
  else if (cell.isGap) parts.push('a gap: undecided below a decided slot');
  if (cell.isSlotOut) parts.push('slot_out, the next to execute');
  return parts.join('; ');
}
