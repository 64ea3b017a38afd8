import { useStore as useFlowStore, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { Stage } from './stage';

/**
 * Centres the cluster at zoom 1 whenever the stage is solved anew (a resize, an alert opening, a new run):
 * the stage already fits the cluster to the canvas, so at zoom 1 its text has the size it was solved for.
 * `inset` is the width on the right that the legend covers.
 */
export function FitStage({ stage, inset }: { stage: Stage; inset: number }) {
  const { setViewport } = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a stage solved anew re-centres the cluster, even at the same size
  useEffect(() => {
    if (width > 0 && height > 0) void setViewport({ x: (width - inset) / 2, y: height / 2, zoom: 1 });
  }, [width, height, inset, stage, setViewport]);
  return null;
}
