import { useMemo } from 'react';
import { networkOf } from '../../../app/selectors';
import { useStore } from '../../../app/useStore';
import type { BullyView } from '../../../protocols/bully/types';
import { useNodes } from '../../hooks';
import { againstBounds, bullyStory, episodeWords, headline, type NodeRow } from './bullyStory';
import './bully.css';

const KINDS = ['Election', 'Answer', 'Coordinator'] as const;

/**
 * The lesson's picture: each node's priority, role and the coordinator it names; the current election's
 * messages by type beside the textbook's best and worst case; the time with two coordinators; and, per group of
 * nodes that can reach each other, its coordinators, with which of the two rules about coordinators holds now.
 */
export function BullyPanel() {
  const nodes = useNodes();
  const records = useStore((s) => s.frame.trace.records);
  const length = useStore((s) => s.frame.trace.length);
  const network = useStore((s) => s.frame.network);
  const nowMs = useStore((s) => s.now);
  const rows: NodeRow[] = nodes.map((n) => ({ id: n.id, isUp: n.isUp, view: n.view as BullyView }));
  const key = rows.map((r) => `${r.id}:${r.isUp}:${r.view.role}:${r.view.coordinator}`).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the rows' contents.
  const story = useMemo(() => {
    const reader = networkOf(network);
    const canReach = (a: string, b: string) => reader.groupOf(a) === reader.groupOf(b) && !reader.isCut(a, b);
    return bullyStory(records, length, nowMs, rows, canReach);
  }, [records, length, nowMs, network, key]);
  const e = story.current;
  const n = rows.length;
  const oneSide = story.sides.every((s) => s.coordinators.length <= 1);
  const oneOverall = story.coordinators.length <= 1;

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region takes focus so the arrow keys scroll it.
    <section className="bully-panel" aria-label="Roles, coordinators and election messages" tabIndex={0}>
      <p className={oneOverall ? 'bully-one' : 'bully-two'}>{headline(story, rows)}</p>
      <ul className="bully-rules">
        <li className={oneSide ? 'bully-holds' : 'bully-broken'}>
          {oneSide ? '✓' : '✗'} At most one coordinator among nodes that can reach each other:{' '}
          {oneSide ? 'holds now' : 'broken now (messages slower than T let an election end too early)'} (
          {story.sides
            .map((x) => `${x.nodes.join(', ')}: ${x.coordinators.length === 0 ? 'none' : x.coordinators.join(' and ')}`)
            .join('; ')}
          ).
        </li>
        <li className={oneOverall ? 'bully-holds' : 'bully-broken'}>
          {oneOverall ? '✓' : '✗'} At most one coordinator overall: {oneOverall ? 'holds now' : 'broken now'}. Bully
          cannot promise it under a partition: that needs a quorum, a majority that any two coordinators would share.
        </li>
        <li>
          Time with two or more coordinators so far: <strong>{Math.round(story.twoCoordinatorsMs)} ms</strong>
        </li>
      </ul>
      <div className="bully-tables">
        <table className="bully-table">
          <caption>Nodes (priority is position: {rows[n - 1]?.id} is highest)</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Priority</th>
              <th scope="col">Role</th>
              <th scope="col">Names as coordinator</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} className={r.isUp && r.view.role === 'coordinator' ? 'bully-coordinator' : undefined}>
                <th scope="row">
                  {r.id}
                  {r.isUp ? '' : ', down'}
                </th>
                <td>{i + 1}</td>
                <td>{r.isUp ? r.view.role : 'crashed'}</td>
                <td>{r.isUp ? (r.view.coordinator ?? '— (electing)') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="bully-table">
          <caption>
            {e === null
              ? 'No election yet'
              : `${e.endAt === null ? 'This election' : 'Last election'}: from ${(e.startAt / 1000).toFixed(2)} s, started by ${e.startedBy}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">Sent</th>
              <th scope="col">Textbook worst case</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((k) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{e?.sent[k] ?? 0}</td>
                <td>{story.bounds.worstParts[k]}</td>
              </tr>
            ))}
            <tr className="bully-total">
              <th scope="row">Total</th>
              <td>{e?.total ?? 0}</td>
              <td>
                {story.bounds.worst} (n² − n − 1); best {story.bounds.best} (n − 1)
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {e !== null && (
        <p className="bully-note">
          {e.total} messages for n = {n}: {againstBounds(e, story.bounds)}. The bounds are for one election after the
          coordinator, the highest node, crashed: best when the second-highest notices (one Election, n − 2
          Coordinator), worst when the lowest notices and every node holds an election (O(n²)).
        </p>
      )}
      {story.episodes.length > 0 && (
        <>
          <h3 className="bully-heading">Elections so far</h3>
          <ol className="bully-elections">
            {story.episodes.slice(-6).map((x) => (
              <li key={x.startAt}>{episodeWords(x)}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
