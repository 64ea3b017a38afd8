import type { NodeView } from '../../../engine/types';

/** The 2PC node view (src/protocols/2pc/view.ts), read defensively. */
export interface TxView {
  readonly state: string;
  readonly vote: string | null;
  readonly votes: Readonly<Record<string, string>>;
}

export interface TwoPcNodeView {
  readonly role: 'coordinator' | 'participant';
  readonly transactions: Readonly<Record<string, TxView>>;
}

export function readTwoPcView(view: NodeView): TwoPcNodeView {
  const raw = typeof view.transactions === 'object' && view.transactions !== null ? view.transactions : {};
  const transactions: Record<string, TxView> = {};
  for (const [tx, t] of Object.entries(raw as Record<string, Record<string, unknown>>)) {
    transactions[tx] = {
      state: typeof t.state === 'string' ? t.state : '?',
      vote: typeof t.vote === 'string' ? t.vote : null,
      votes: typeof t.votes === 'object' && t.votes !== null ? (t.votes as Record<string, string>) : {},
    };
  }
  return { role: view.role === 'coordinator' ? 'coordinator' : 'participant', transactions };
}

/** The latest transaction a node knows, for its card. */
export function latestTx(view: TwoPcNodeView): [string, TxView] | undefined {
  const entries = Object.entries(view.transactions);
  return entries[entries.length - 1];
}
