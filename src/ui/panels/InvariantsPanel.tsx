import { formatMs } from '../../app/store';
import { useStore } from '../../app/useStore';

/** Each safety rule of the protocol, and whether the run has kept it so far. */
export function InvariantsPanel() {
  const invariants = useStore((s) => s.frame.protocol.invariants);
  const broken = useStore((s) => s.frame.violations.map((v) => `${v.invariant}@${v.time}`).join('|'));
  const firstBreak = new Map<string, number>();
  for (const entry of broken ? broken.split('|') : []) {
    const [id, time] = entry.split('@') as [string, string];
    if (!firstBreak.has(id)) firstBreak.set(id, Number(time));
  }
  return (
    <ul className="invariants" aria-label="Safety rules">
      {invariants.map((inv) => {
        const at = firstBreak.get(inv.id);
        return (
          <li key={inv.id} className={at === undefined ? 'holds' : 'broken'} title={inv.rule}>
            <span className="inv-mark" aria-hidden="true">
              {at === undefined ? '✓' : '✕'}
            </span>
            <span className="inv-title">{inv.title}</span>
            <span className="inv-status">{at === undefined ? 'holds' : `broken at ${formatMs(at)}`}</span>
          </li>
        );
      })}
    </ul>
  );
}
