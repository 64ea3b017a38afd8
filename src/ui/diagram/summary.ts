import type { DiagramModel } from './model';
import { formatTime, messageTitle, sideName } from './words';

/**
 * The diagram in words, for screen readers: what it shows and how to use it (its description), and
 * its latest messages (a list a reader can walk).
 */
export function describeDiagram(model: DiagramModel): string {
  const counts = { delivered: 0, dropped: 0, inFlight: 0 };
  for (const m of model.messages) counts[m.fate]++;
  const parts = [
    `Time runs left to right, from ${formatTime(model.startMs)} to ${formatTime(model.endMs)}; now is ${formatTime(model.nowMs)}.`,
    `One row per node: ${model.nodeIds.join(', ')}.`,
    `In view: ${counts.delivered} delivered, ${counts.dropped} dropped, ${counts.inFlight} in flight.`,
  ];
  for (const c of model.crashes)
    parts.push(
      `${c.node} crashed at ${formatTime(c.fromMs)}${c.isOpen ? ' and is down' : `, restarted at ${formatTime(c.toMs)}`}.`,
    );
  for (const p of model.partitions) {
    const sides = Array.from({ length: p.sideCount }, (_, side) => {
      const nodes = model.nodeIds.filter((id) => p.sideOf[id] === side);
      return `${sideName(side)}: ${nodes.join(', ')}`;
    });
    parts.push(
      `Partitioned from ${formatTime(p.fromMs)}${p.isOpen ? '' : ` to ${formatTime(p.toMs)}`} (${sides.join('; ')}).`,
    );
  }
  parts.push(
    'Keys: left and right arrows walk through the messages, Enter jumps to the chosen message, plus and minus zoom.',
  );
  return parts.join(' ');
}

/** The last `count` messages in view, newest first, each in a sentence. */
export function recentMessages(model: DiagramModel, count: number): { id: number; text: string }[] {
  const out: { id: number; text: string }[] = [];
  for (let i = model.messages.length - 1; i >= 0 && out.length < count; i--) {
    const m = model.messages[i];
    if (m) out.push({ id: m.id, text: messageTitle(m) });
  }
  return out;
}
