import { isServerView, type PbView } from '../../../protocols/primary-backup/view';
import type { NodeDetailsProps } from '../types';

/** The inspector's view of a primary-backup node: a server's role, epoch and log; a client's primary. */
export function PbNodeDetails({ view, isUp }: NodeDetailsProps) {
  const v = view as PbView;
  const rows: [string, string][] = isServerView(v)
    ? [
        ['Role', v.role],
        ['Epoch', String(v.epoch)],
        ['Follows', v.primaryId ?? 'nobody yet'],
        ['Log', `${v.log.length} entries`],
        ['Acknowledged up to', v.ackedIndex === 0 ? 'nothing' : `entry ${v.ackedIndex}`],
        ...(v.role === 'primary' ? ([['Semi-sync', v.semiSyncOn ? 'on' : 'off']] as [string, string][]) : []),
      ]
    : [
        ['Writes to', v.primary],
        ['Waiting on', v.pending.length === 0 ? 'nothing' : v.pending.join('; ')],
      ];
  return (
    <dl className="facts">
      {!isUp && (
        <>
          <dt>State</dt>
          <dd>crashed (last known below)</dd>
        </>
      )}
      {rows.map(([k, value]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
