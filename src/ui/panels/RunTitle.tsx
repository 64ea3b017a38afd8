import { runNameOf } from '../../app/runName';
import { useStore } from '../../app/useStore';
import './runTitle.css';

/** The run's name in the header, and what kind of run it is, from the one source (app/runName.ts). */
export function RunTitle() {
  const name = useStore((s) => runNameOf(s.scenario, s.frame.inputs, s.presetId));
  const description = useStore((s) => s.scenario.description);
  const full = `${name.title} (${name.kindWords})`;
  return (
    <div className="scenario-title" title={description ? `${full}: ${description}` : full}>
      <span className="scenario-name">{name.title}</span>{' '}
      <span className={`run-kind is-${name.kind}`}>{name.kindWords}</span>
    </div>
  );
}
