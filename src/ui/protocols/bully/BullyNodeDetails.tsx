import { isBullyView } from '../../../protocols/bully/view';
import type { NodeDetailsProps } from '../types';

const meaning = {
  member: 'serves its coordinator and watches its heartbeats',
  electing: 'sent Election to every higher node; waits T for an Answer',
  waiting: 'a higher node answered; waits for its Coordinator',
  coordinator: 'coordinates; sends Heartbeat to every other node',
} as const;

/** The inspector's view of a bully node: its role in words and the coordinator it names. */
export function BullyNodeDetails({ view, isUp }: NodeDetailsProps) {
  if (!isBullyView(view)) return null;
  const rows: [string, string][] = [
    ['Role', view.role],
    ['Meaning', meaning[view.role]],
    ['Coordinator', view.coordinator ?? 'none while it holds an election'],
  ];
  return (
    <dl className="facts">
      {!isUp && (
        <>
          <dt>State</dt>
          <dd>crashed (it keeps nothing: on restart it holds an election)</dd>
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
