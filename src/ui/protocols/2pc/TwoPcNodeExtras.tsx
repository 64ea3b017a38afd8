import type { NodeExtrasProps } from '../types';
import { latestTx, readTwoPcView } from './readView';

/** On a node's card: its latest transaction's state; a prepared participant holds its locks. */
export function TwoPcNodeExtras({ view }: NodeExtrasProps) {
  const latest = latestTx(readTwoPcView(view));
  if (!latest) return null;
  const [tx, t] = latest;
  return (
    <span className="node-votes">
      {tx} {t.state}
      {t.state === 'prepared' && ', locked'}
    </span>
  );
}
