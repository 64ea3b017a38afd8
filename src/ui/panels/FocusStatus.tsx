import { useStore } from '../../app/useStore';
import { badgeText, selectorWord } from '../faces';

/**
 * Who the protocol points at now, in words (`Leader: n3 (term 2)`, `Coordinator: n1`): the first of its
 * face's selectors, with that node's badge. The first thing a newcomer looks for.
 */
export function FocusStatus() {
  const text = useStore((s) => {
    const { face } = s.sim.protocol;
    const selector = face.selectors[0];
    if (!selector) return '';
    const world = s.sim.world();
    const word = selectorWord(selector);
    const ids = selector.select(world);
    if (ids.length === 0) return `No ${word.toLowerCase()}`;
    const first = world.nodes.find((n) => n.id === ids[0]);
    const badge = first && face.node(first.view, world.nodes.length).badge;
    return badge ? `${word}: ${ids.join(', ')} (${badgeText(badge)})` : `${word}: ${ids.join(', ')}`;
  });
  if (text === '') return null;
  return (
    <output className={text.startsWith('No ') ? 'focus-status is-none' : 'focus-status'} aria-live="polite">
      {text}
    </output>
  );
}
