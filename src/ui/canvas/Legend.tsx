import { Panel } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import { useStore } from '../../app/useStore';
import { CRASHED, nodeLook, roleGlyph } from '../faces';
import { useProtocolUi } from '../hooks';
import { BYZANTINE_GLYPH, OUTSIDE_GLYPH } from './marks';

/**
 * What every mark on the canvas means, in a corner that the cluster keeps clear of (the canvas leaves
 * its width free while it is open). The roles come from the protocol's face, as the cards show them;
 * every other word is the canvas's own. Collapsible: a button names it and says whether it is open.
 */
export function Legend({
  isOpen,
  onToggle,
  onWidth,
}: {
  isOpen: boolean;
  onToggle: () => void;
  onWidth: (width: number) => void;
}) {
  const ui = useProtocolUi();
  const box = useRef<HTMLDivElement>(null);
  const roles = useStore((s) => {
    const seen = new Map<string, { word: string; color: string; glyph: string }>();
    for (const node of s.frame.nodes) {
      if (!node.isUp) continue;
      const look = nodeLook(s.frame.protocol.face, node, s.frame.nodes.length);
      seen.set(look.role.word, { word: look.role.word, color: look.role.color, glyph: roleGlyph(look, true) });
    }
    return [...seen.values()].map((r) => `${r.glyph}|${r.word}|${r.color}`).join('\n');
  });

  useLayoutEffect(() => {
    const el = box.current;
    if (!isOpen || !el) {
      onWidth(0);
      return;
    }
    const measure = () => onWidth(Math.ceil(el.getBoundingClientRect().width) + 16);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [isOpen, onWidth]);

  const ring = ui.ringWord ?? 'time left on its next timer';
  // §1.6, §1.7: explained only where the protocol has them.
  const protocol = useStore((s) => s.frame.protocol);
  const hasModes = (protocol.byzantineModes ?? []).length > 0;
  return (
    <Panel position="bottom-right" className="legend-panel">
      <div className={isOpen ? 'canvas-legend is-open' : 'canvas-legend'} ref={box}>
        <button type="button" className="legend-toggle" aria-expanded={isOpen} onClick={onToggle}>
          {isOpen ? 'Hide legend' : 'Legend'}
        </button>
        {isOpen && (
          <dl className="legend-list" aria-label="What the marks on the canvas mean">
            {roles.split('\n').map((line) => {
              const [glyph, word, color] = line.split('|');
              return (
                <div key={word} className="legend-row">
                  <dt style={{ color }} aria-hidden="true">
                    {glyph}
                  </dt>
                  <dd style={{ color }}>{word}</dd>
                </div>
              );
            })}
            <Row mark={<span className="legend-crashed">✕</span>} words={`${CRASHED.word}: a dashed, hatched card`} />
            {hasModes && (
              <Row
                mark={<span className="legend-byzantine">{BYZANTINE_GLYPH}</span>}
                words="Byzantine: it runs the named mode (silent, lying...), not the protocol; honest nodes' rules ignore it"
              />
            )}
            {protocol.membership && (
              <Row
                mark={<span className="legend-outside">{OUTSIDE_GLYPH}</span>}
                words="outside the cluster (standby, or it left): a dimmed, dotted card"
              />
            )}
            <Row mark={<span className="legend-dot is-request" />} words="a message on its way, its label beside it" />
            <Row mark={<span className="legend-dot is-reply" />} words="a reply (outlined)" />
            <Row mark={<span className="legend-times">×3</span>} words="3 messages with the same label, shown once" />
            <Row mark={<span className="legend-dot is-duplicate" />} words="a duplicated copy (dashed)" />
            <Row mark={<span className="legend-lost">✕</span>} words="a message lost or dropped" />
            <Row mark={<span className="legend-ring" />} words={`ring: ${ring}`} />
            <Row mark={<span className="legend-line is-cut">✕</span>} words="a cut link (✕ near one end: one way)" />
            <Row mark={<span className="legend-line is-partitioned" />} words="across a partition: nothing passes" />
            <Row mark={<span className="legend-tuned">~</span>} words="a link with its own delay or loss" />
          </dl>
        )}
        {isOpen && <p className="legend-hint">Point at a dot for its full label; click it to inspect.</p>}
      </div>
    </Panel>
  );
}

function Row({ mark, words }: { mark: React.ReactNode; words: string }) {
  return (
    <div className="legend-row">
      <dt aria-hidden="true">{mark}</dt>
      <dd>{words}</dd>
    </div>
  );
}
