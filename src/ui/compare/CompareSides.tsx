import type { SideStore } from '../../app/compare/sideStore';
import { useStoreApi } from '../../app/useStore';
import { SidePane } from './SidePane';
import './compare.css';

/** The two runs of a comparison, side by side (stacked on a narrow screen): the page's run, then the second. */
export function CompareSides({
  side,
  isPlayer = false,
  hasCaption = true,
}: {
  side: SideStore;
  isPlayer?: boolean;
  hasCaption?: boolean;
}) {
  const store = useStoreApi();
  return (
    <div className={`compare-sides${isPlayer ? ' is-player' : ''}`}>
      <SidePane store={store} label="Run A" hasRules={!isPlayer} hasCaption={hasCaption} />
      <SidePane store={side} label="Run B" hasRules={!isPlayer} hasCaption={hasCaption} />
    </div>
  );
}
