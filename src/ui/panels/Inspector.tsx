import { useStore } from '../../app/useStore';
import { LinkInspector } from './LinkInspector';
import { MessageInspector } from './MessageInspector';
import { NodeInspector } from './NodeInspector';

/** Whatever the user singled out on the canvas: a server, a message or a link. */
export function Inspector() {
  const selection = useStore((s) => s.selection);
  if (selection?.kind === 'node') return <NodeInspector id={selection.id} />;
  if (selection?.kind === 'message') return <MessageInspector id={selection.id} />;
  if (selection?.kind === 'link') return <LinkInspector a={selection.a} b={selection.b} />;
  return (
    <p className="muted">
      Click a server to see its whole state and its recent messages. Click a message in flight to read it, drop it or
      duplicate it. Click a link to cut it (click again to mend it); its menu appears here.
    </p>
  );
}
