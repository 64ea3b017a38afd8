import { createContext, useContext, useLayoutEffect, useMemo, useState } from 'react';
import type { XY } from '../../app/layout';
import { nodeIdsOf } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import { nodeLook } from '../faces';
import { cardWidthFor } from './messageLook';
import { IDENTITY_STAGE, minimumFont, type Stage, solveStage, toDisplay } from './stage';

export type View = 'workbench' | 'presenter' | 'player';

/** The stage the canvas draws on: every piece of the canvas maps the store's places through it. */
export const StageContext = createContext<Stage>(IDENTITY_STAGE);

export function useStageOf(): Stage {
  return useContext(StageContext);
}

/** One node's drawn centre; re-renders when that node moves or the stage changes. */
export function useDisplayCentre(id: string): XY | undefined {
  const stage = useStageOf();
  const position = useStore((s) => s.positions[id]);
  return position && toDisplay(stage, position);
}

/**
 * Measures the canvas element and solves its stage (stage.ts) for the view it sits in (presenter mode,
 * the embedded player or the workbench). A node dragged by hand does not re-solve it, so the node stays
 * under the pointer; a new run, a resize or another cluster does.
 */
export function useMeasuredStage(inset: number): {
  ref: (el: HTMLDivElement | null) => void;
  stage: Stage;
  size: { width: number; height: number };
  view: View;
} {
  const store = useStoreApi();
  const [el, ref] = useState<HTMLDivElement | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0, screen: 0, screenWidth: 0 });
  const ids = useStore((s) => nodeIdsOf(s.scenario).join(' '));
  const runId = useStore((s) => s.runId);

  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => {
      const box = el.getBoundingClientRect();
      const next = {
        width: Math.round(box.width),
        height: Math.round(box.height),
        screen: window.innerHeight,
        screenWidth: window.innerWidth,
      };
      setSize((was) =>
        was.width === next.width &&
        was.height === next.height &&
        was.screen === next.screen &&
        was.screenWidth === next.screenWidth
          ? was
          : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [el]);

  const view: View = el?.closest('.presenter') ? 'presenter' : el?.closest('.player') ? 'player' : 'workbench';
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-solved for a new run or cluster, not for a drag
  const stage = useMemo(() => {
    const { positions, frame } = store.getState();
    // The cards' words as they read when the stage is solved: how wide each is drawn.
    const looks = frame.nodes.map((node) => ({ node, look: nodeLook(frame.protocol.face, node, frame.nodes.length) }));
    return solveStage({
      width: size.width - inset,
      height: size.height,
      positions,
      minFontPx: minimumFont(view, { height: size.screen, width: size.screenWidth }),
      widthsFor: (tried) =>
        Object.fromEntries(looks.map(({ node, look }) => [node.id, cardWidthFor(tried, look, node.isUp, node.id)])),
    });
  }, [size, inset, view, ids, runId, store]);
  return { ref, stage, size, view };
}
