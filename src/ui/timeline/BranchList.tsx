import { seconds } from '../../app/branches';
import { useStore, useStoreApi } from '../../app/useStore';

/** The lines of history: shown once acting in the past has started a second one. */
export function BranchList() {
  const store = useStoreApi();
  const branches = useStore((s) => s.branches);
  const current = useStore((s) => s.branchId);
  if (branches.length < 2) return null;
  return (
    <nav className="branches" aria-label="Branches">
      <span className="branches-title">Branches</span>
      <ul>
        {branches.map((b) => (
          <li key={b.id}>
            <button
              type="button"
              aria-current={b.id === current ? 'true' : undefined}
              onClick={() => store.switchBranch(b.id)}
              title={b.action ? `Started at ${seconds(b.forkAtMs)} by: ${b.action}` : 'The run as it started'}
            >
              {b.name}
              {b.action && <span className="branch-action">: {b.action}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
