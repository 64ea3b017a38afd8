import './styles/loading.css';
import { useSyncExternalStore } from 'react';
import { pendingOf } from '../app/pending';
import { useStoreApi } from '../app/useStore';

/** A quiet word where the cluster goes: what is loading. It fades in late, so a quick load shows nothing. */
export function LoadingNote({ title }: { title: string }) {
  return (
    <div className="cluster-loading">
      <p role="status">Loading {title}…</p>
    </div>
  );
}

/** Over the cluster while another protocol loads; the current run stays until the new one is ready. */
export function ClusterLoading() {
  const pending = pendingOf(useStoreApi());
  const title = useSyncExternalStore(pending.subscribe, pending.getTitle, pending.getTitle);
  return title ? <LoadingNote title={title} /> : null;
}
