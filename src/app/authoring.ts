import type { Input, VirtualMs } from '../engine/types';
import { toFile } from '../scenario/encode';
import { parseScenario } from '../scenario/parse';
import type { ParseResult, ProtocolLookup, Scenario } from '../scenario/types';

/**
 * Edits of a scenario's inputs, as the authoring panel offers them. Each returns a new scenario,
 * checked by the same parser as a file (so a bad edit names the field and the reason), with the
 * inputs in time order; the app re-runs it from the start, deterministically.
 */
export type Edit =
  | { readonly kind: 'caption'; readonly index: number; readonly text: string }
  | { readonly kind: 'delete'; readonly index: number }
  | { readonly kind: 'move'; readonly index: number; readonly at: VirtualMs }
  | { readonly kind: 'insert-pause'; readonly at: VirtualMs; readonly text: string }
  | { readonly kind: 'insert-caption'; readonly at: VirtualMs; readonly text: string }
  | { readonly kind: 'rename'; readonly title: string };

export function applyEdit(
  scenario: Scenario,
  inputs: readonly Input[],
  edit: Edit,
  lookup: ProtocolLookup,
): ParseResult {
  let events: Input[] = [...inputs];
  let title = scenario.title;
  const at = (index: number) => {
    const input = events[index];
    if (!input) throw new RangeError(`no input at position ${index}`);
    return input;
  };
  switch (edit.kind) {
    case 'caption': {
      const input = at(edit.index);
      if (input.type !== 'caption' && input.type !== 'pause') return fail(`events[${edit.index}]: has no text to edit`);
      events[edit.index] = { ...input, text: edit.text };
      break;
    }
    case 'delete':
      at(edit.index);
      events.splice(edit.index, 1);
      break;
    case 'move':
      events[edit.index] = { ...at(edit.index), at: edit.at };
      break;
    case 'insert-pause':
      events.push({ at: edit.at, type: 'pause', text: edit.text });
      break;
    case 'insert-caption':
      events.push({ at: edit.at, type: 'caption', text: edit.text });
      break;
    case 'rename':
      title = edit.title;
      break;
    default:
      edit satisfies never;
  }
  events = events
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
    .map(([e]) => e);
  return parseScenario({ ...toFile({ ...scenario, title }), events }, lookup);
}

function fail(message: string): ParseResult {
  return { ok: false, errors: [message] };
}
