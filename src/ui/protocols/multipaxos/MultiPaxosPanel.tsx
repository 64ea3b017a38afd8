import './multipaxos.css';
import { useLayoutEffect, useRef } from 'react';
import { useStoreApi } from '../../../app/useStore';
import { ballotText } from '../../../protocols/multipaxos/ballot';
import type { MultiPaxosView } from '../../../protocols/multipaxos/types';
import { useNodes } from '../../hooks';
import { ballotColor } from './colors';
import { cellWords, leaderWords, slotGrid } from './slotGrid';

/**
 * The lesson's picture: every node's slots side by side, like the Raft log grid. One row per node, one column
 * per slot; a cell shows the command that node's acceptor accepted there, coloured by its ballot, and ✓ once
 * its replica has decided the slot (with the decided command when it differs). The replica's slot_out (the
 * next slot it executes) is marked ▸, and a gap (undecided below a decided slot) is outlined in red.
 */
export function MultiPaxosPanel() {
  const nodes = useNodes();
  const store = useStoreApi();
  const scroller = useRef<HTMLDivElement>(null);
  const grid = slotGrid(nodes.map((n) => ({ id: n.id, isUp: n.isUp, view: n.view as MultiPaxosView })));

  // Keep the newest slots in view while the log grows, unless the user scrolled back.
  const wasAtEnd = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && wasAtEnd.current) el.scrollLeft = el.scrollWidth;
  });
  const onScroll = () => {
    const el = scroller.current;
    if (el) wasAtEnd.current = el.scrollLeft + el.clientWidth >= el.scrollWidth - 8;
  };

  return (
    <section className="mp-slots" aria-label="Slots by node">
      <p className={grid.leader ? 'mp-headline mp-led' : 'mp-headline'}>{leaderWords(grid)}</p>
      <div className="mp-scroll" ref={scroller} onScroll={onScroll}>
        <table className="mp-table">
          <caption className="sr-only">
            Each node's slots: what its acceptor accepted and what its replica decided, one column per slot
          </caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              {grid.slots.map((s) => (
                <th scope="col" key={s}>
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.id} className={row.isUp ? undefined : 'is-crashed'}>
                <th scope="row">
                  <button type="button" className="linklike" onClick={() => store.select({ kind: 'node', id: row.id })}>
                    {row.id}
                  </button>
                  <span className="mp-role">
                    {row.isUp ? row.view.role : 'crashed'} {ballotText(row.view.ballot)} · out {row.view.slotOut}
                  </span>
                </th>
                {row.cells.map((cell) => {
                  const decidedOther =
                    cell.decided !== null && cell.accepted !== null && cell.decided !== cell.accepted.command;
                  const kind = cell.decided !== null ? 'decided' : cell.accepted !== null ? 'accepted' : 'empty';
                  return (
                    <td
                      key={cell.slot}
                      aria-label={cellWords(row, cell)}
                      className={`mp-cell ${kind}${cell.isGap ? ' gap' : ''}${cell.isSlotOut ? ' out' : ''}`}
                    >
                      {(cell.accepted !== null || cell.decided !== null) && (
                        <span
                          className="mp-box"
                          style={cell.ballotIndex === null ? undefined : { background: ballotColor(cell.ballotIndex) }}
                        >
                          {cell.isSlotOut && (
                            <span className="mp-out" aria-hidden="true">
                              ▸
                            </span>
                          )}
                          <span className="mp-command">{cell.accepted?.command ?? cell.decided}</span>
                          {cell.accepted && <span className="mp-ballot">{ballotText(cell.accepted.ballot)}</span>}
                          {cell.decided !== null && (
                            <span className="mp-check" aria-hidden="true">
                              ✓{decidedOther ? cell.decided : ''}
                            </span>
                          )}
                        </span>
                      )}
                      {cell.isGap && cell.accepted === null && !cell.isSlotOut && (
                        <span className="mp-box mp-hole" aria-hidden="true">
                          gap
                        </span>
                      )}
                      {cell.isSlotOut && cell.accepted === null && cell.decided === null && (
                        <span className="mp-box mp-next" aria-hidden="true">
                          ▸ next
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="legend mp-legend">
        {/* The three highest ballots: the legend sits beside the tabs, where a long one would cover them. */}
        {grid.ballots.slice(-3).map((b, i) => (
          <span className="legend-item" key={ballotText(b)}>
            <span className="mp-swatch" style={{ background: ballotColor(i + Math.max(0, grid.ballots.length - 3)) }} />{' '}
            {ballotText(b)}
          </span>
        ))}
        <span className="legend-item">✓ decided</span>
        <span className="legend-item">dashed: not decided</span>
        <span className="legend-item">▸ slot_out</span>
        <span className="legend-item">
          <span className="mp-swatch gap" /> gap
        </span>
      </p>
    </section>
  );
}
