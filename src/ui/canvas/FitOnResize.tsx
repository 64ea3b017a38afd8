import { useStore as useFlowStore, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useStore } from '../../app/useStore';

export const FIT_PADDING = 0.1;

/** Keeps the whole cluster in view when the canvas changes size (an alert opens, the window resizes). */
export function FitOnResize() {
  const { fitView } = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const count = useStore((s) => s.scenario.nodes.length);
  useEffect(() => {
    if (width > 0 && height > 0 && count > 0) void fitView({ padding: FIT_PADDING });
  }, [width, height, count, fitView]);
  return null;
}
