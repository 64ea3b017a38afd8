import { nodeOf, selectedNodes } from '../../app/selectors';
import { useStore } from '../../app/useStore';
import { badgeText, selectorWord } from '../faces';

/**
 * Who the protocol points at now, in words (`Leader: n3 (term 2)`, `Coordinator: n1`): the first of its
 * face's selectors, with that node's badge. The first thing a newcomer looks for.
 */
export function FocusStatus() {
  const text = useStore((s) => {
    const { face } = s.frame.protocol;
    const selector = face.selectors[0];
    if (!selector) return '';
    const word = selectorWord(selector);
    const ids = selectedNodes(s.frame)[0] ?? [];
    if (ids.length === 0) return `No ${word.toLowerCase()}`;
    const first = nodeOf(s.frame, ids[0] as string);
    const badge = first && face.node(first.view, s.frame.nodes.length).badge;
    return badge ? `${word}: ${ids.join(', ')} (${badgeText(badge)})` : `${word}: ${ids.join(', ')}`;
  });
  if (text === '') return null;
  return (
    <output className={text.startsWith('No ') ? 'focus-status is-none' : 'focus-status'} aria-live="polite">
      {text}
    </output>
  );
}
