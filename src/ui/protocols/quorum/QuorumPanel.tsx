import { useMemo } from 'react';
import { useStore } from '../../../app/useStore';
import { quorumConfigSchema } from '../../../protocols/quorum/config';
import { preferenceOf, ringOf, walkOf } from '../../../protocols/quorum/placement';
import type { QuorumConfig } from '../../../protocols/quorum/types';
import { clockText } from '../../../protocols/quorum/versions';
import { isServerView, type KeyView, type ServerView } from '../../../protocols/quorum/view';
import { useNodes } from '../../hooks';
import { opWords, quorumStory } from './quorumStory';
import { RingPicture } from './RingPicture';
import './quorum.css';

const SHOWN = 6;

/** A key's versions as the panel writes them: `2 {n1:2}`, siblings side by side, or `5 @1203 n2` under lww. */
export function versionsText(k: KeyView | undefined): string {
  if (k === undefined) return 'nothing';
  if ('value' in k) return `${k.value} @${Math.round(k.ts[0])} ms by ${k.ts[1]}`;
  if (k.values.length === 0) return 'nothing';
  return k.values.map((v, i) => `${v} ${clockText(k.clocks[i] ?? {})}`).join('  |  ');
}

function configOf(raw: unknown): QuorumConfig {
  const parsed = quorumConfigSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : quorumConfigSchema.parse({});
}

/**
 * The lesson's picture (Dynamo §4.3 to §4.7, §5): the ring and each key's preference list; per key, what every
 * replica holds (values with their vector clocks or timestamps) and the hinted copies stand-ins keep; the quorum
 * that answered each read and write, stand-ins with the node they stood in for; repairs and handoffs as they happen.
 */
export function QuorumPanel() {
  const nodes = useNodes();
  const trace = useStore((s) => s.frame.trace);
  const shape = useStore((s) => s.frame.shape);
  const rawConfig = useStore((s) => s.scenario.config);
  const config = useMemo(() => configOf(rawConfig), [rawConfig]);
  const servers = useMemo(() => shape.nodes.filter((n) => n.kind !== 'client').map((n) => n.id), [shape]);
  const ring = useMemo(() => ringOf(servers, config.vnodes), [servers, config.vnodes]);
  const story = useMemo(() => {
    const clients = new Set(shape.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
    return quorumStory(
      trace.records,
      trace.length,
      (id) => clients.has(id),
      (k) => preferenceOf(ring, k, config.n),
    );
  }, [trace, shape, ring, config.n]);
  const views = nodes
    .filter((n) => isServerView(n.view))
    .map((n) => ({ id: n.id, isUp: n.isUp, v: n.view as ServerView }));
  const keys = [...new Set(views.flatMap((n) => [...Object.keys(n.v.store), ...n.v.hints.map((h) => h.key)]))].sort();
  const overlap = config.r + config.w > config.n;
  const ops = story.ops.slice(-SHOWN).reverse();
  const repairs = story.repairs.slice(-SHOWN).reverse();

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region takes focus so the arrow keys scroll it.
    <section className="quorum-panel" aria-label="Replicas, quorums and repairs" tabIndex={0}>
      <p className={overlap && !config.sloppy ? 'quorum-strict' : 'quorum-loose'}>
        n = {config.n}, r = {config.r}, w = {config.w} · {config.sloppy ? 'sloppy quorum' : 'strict quorum'} ·{' '}
        {config.conflicts === 'vv' ? 'vector clocks (siblings kept)' : 'last write wins'}.{' '}
        {overlap
          ? `r + w = ${config.r + config.w} > n: every read quorum meets every write quorum${config.sloppy ? ', unless stand-ins answer' : ''}.`
          : `r + w = ${config.r + config.w} ≤ n: a read quorum can miss every node of a write quorum.`}
      </p>
      <div className="quorum-top">
        <RingPicture ring={ring} keys={keys} n={config.n} />
        <div className="quorum-keys">
          {keys.length === 0 && <p className="muted">No key is stored yet. A client's "write K V" stores one.</p>}
          {keys.map((key) => {
            const preference = preferenceOf(ring, key, config.n);
            const rest = walkOf(ring, key).filter((id) => !preference.includes(id));
            const rows = views.filter(
              (n) => preference.includes(n.id) || n.v.hints.some((h) => h.key === key) || key in n.v.store,
            );
            rows.sort((a, b) => walkOf(ring, key).indexOf(a.id) - walkOf(ring, key).indexOf(b.id));
            return (
              <table key={key} className="quorum-table">
                <caption>
                  Key {key}: replicas {preference.join(', ')}; then {rest.join(', ') || 'no one'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Node</th>
                    <th scope="col">Place</th>
                    <th scope="col">Holds</th>
                    <th scope="col">Hinted copies</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ id, isUp, v }) => {
                    const hints = v.hints.filter((h) => h.key === key);
                    const place = preference.includes(id) ? `replica ${preference.indexOf(id) + 1}` : 'stand-in';
                    return (
                      <tr key={id} className={hints.length > 0 ? 'quorum-hinted' : undefined}>
                        <th scope="row">
                          {id}
                          {isUp ? '' : ', down'}
                        </th>
                        <td>{place}</td>
                        <td>{preference.includes(id) || key in v.store ? versionsText(v.store[key]) : '—'}</td>
                        <td>
                          {hints.length === 0 ? '—' : hints.map((h) => `for ${h.for}: ${versionsText(h)}`).join('; ')}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            );
          })}
        </div>
      </div>
      <div className="quorum-lists">
        <div>
          <h3 className="quorum-heading">Quorums, latest first</h3>
          {ops.length === 0 ? (
            <p className="muted">No read or write yet.</p>
          ) : (
            <ul className="quorum-list" aria-label="Quorums">
              {ops.map((o) => (
                <li key={`${o.client}.${o.op}`}>{opWords(o, o.kind === 'read' ? config.r : config.w)}</li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="quorum-heading">Repairs and handoffs, latest first</h3>
          {repairs.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ul className="quorum-list" aria-label="Repairs and handoffs">
              {repairs.map((r) => (
                <li key={`${r.t}-${r.kind}-${r.from}-${r.to}`}>
                  {(r.t / 1000).toFixed(2)} s{' '}
                  {r.kind === 'AntiEntropy' ? 'anti-entropy' : r.kind === 'Handoff' ? 'handoff' : 'read repair'}{' '}
                  {r.from} → {r.to}: {r.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
