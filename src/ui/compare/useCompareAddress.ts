import { useEffect } from 'react';
import { COMPARE_PARAM } from '../../app/compare/links';
import { useStore } from '../../app/useStore';

/**
 * While the workbench compares two presets, the address says so (`?preset=…&compare=…`), so a reload or a
 * copied address opens the same comparison, as a Library pick would. Leaving the comparison takes both out
 * again: a reload then restores the run this browser saved, as for any run.
 */
export function useCompareAddress(secondPresetId: string | null): void {
  const firstPresetId = useStore((s) => s.presetId);
  useEffect(() => {
    if (!firstPresetId || !secondPresetId) return;
    rewrite((params) => {
      params.set('preset', firstPresetId);
      params.set(COMPARE_PARAM, secondPresetId);
    });
    return () =>
      rewrite((params) => {
        params.delete('preset');
        params.delete(COMPARE_PARAM);
      });
  }, [firstPresetId, secondPresetId]);
}

function rewrite(change: (params: URLSearchParams) => void): void {
  const url = new URL(window.location.href);
  change(url.searchParams);
  // Flags (`?paused`, `?present`) stay bare, as the rest of the app writes them.
  const search = url.searchParams.toString().replace(/=(&|$)/g, '$1');
  history.replaceState(history.state, '', `${url.pathname}${search ? `?${search}` : ''}${url.hash}`);
}
