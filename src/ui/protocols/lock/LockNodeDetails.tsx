import { isClientView, isMasterView, isServiceView, isStorageView } from '../../../protocols/lock/view';
import type { NodeDetailsProps } from '../types';

const ms = (t: number | null) => (t === null ? '—' : `${(t / 1000).toFixed(3)} s (its clock)`);

/** The inspector's view of a lock node: its kind's fields in words, times on the node's own clock. */
export function LockNodeDetails({ view, isUp }: NodeDetailsProps) {
  const rows: [string, string][] = [];
  if (isServiceView(view)) {
    rows.push(
      ['Holder', view.holder ?? 'nobody'],
      ['Last token', String(view.token)],
      ['Lease ends', ms(view.expiresAt)],
    );
  } else if (isMasterView(view)) {
    rows.push(['Key', view.key === null ? 'none' : view.key.value], ['Expires', ms(view.key?.expiresAt ?? null)]);
  } else if (isClientView(view)) {
    rows.push(
      ['Holds the lock', view.holding ? 'yes (it believes)' : 'no'],
      ['Token', view.token === null ? '—' : String(view.token)],
      ['Valid until', ms(view.validUntil)],
    );
  } else if (isStorageView(view)) {
    rows.push(
      ['Value', view.value ?? 'none'],
      ['Highest token accepted', String(view.maxToken)],
      ['Writes accepted', String(view.writes.length)],
    );
  }
  return (
    <dl className="facts">
      {!isUp && (
        <>
          <dt>State</dt>
          <dd>crashed (last known below)</dd>
        </>
      )}
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
