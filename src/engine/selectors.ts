import type { AnyProtocol, World } from './protocol';
import type { NodeId } from './types';

/**
 * The one selector a scenario file may write in a node field (scenario.md: a node id, or `"leader"`). It
 * resolves through the protocol's face, by the selector of that id (whichever node the protocol names).
 */
export const FILE_SELECTOR = 'leader';

/** The selector ids a scenario file may write where it names a node. */
export const FILE_SELECTORS: readonly string[] = [FILE_SELECTOR];

/** The first node that the protocol's selector `id` names now, or null (none named, or no such selector). */
export function selectNode(protocol: AnyProtocol, id: string, world: World): NodeId | null {
  const selector = protocol.face.selectors.find((s) => s.id === id);
  return selector?.select(world)[0] ?? null;
}

/** The node the file's selector names now, or null. */
export const fileSelected = (protocol: AnyProtocol, world: World): NodeId | null =>
  selectNode(protocol, FILE_SELECTOR, world);
