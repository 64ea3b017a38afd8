import { FILE_SELECTOR, fileSelected } from './selectors';
import type { Simulation } from './simulation';
import type { Input, NodeId, NodeRef } from './types';

/**
 * Applies one input at the simulation's current time. Inputs that cannot apply (the leader selector
 * finds no leader, a restart of a node that is up) are skipped, and the trace says why.
 */
export function applyInput(sim: Simulation, input: Input): void {
  const t = sim.now;
  sim.countEvent();
  switch (input.type) {
    case 'caption':
      sim.record({ t, kind: 'caption', text: input.text });
      return;
    case 'pause':
      sim.record({ t, kind: 'pause', text: input.text ?? '' });
      return;
    case 'crash': {
      const node = resolve(sim, input, input.node);
      if (node === null) return;
      if (!sim.node(node)?.isUp) {
        sim.skip(input, `${node} is already crashed`);
        return;
      }
      sim.record({ t, kind: 'fault', type: 'crash', node });
      sim.crash(node);
      return;
    }
    case 'restart': {
      const node = resolve(sim, input, input.node);
      if (node === null) return;
      if (sim.node(node)?.isUp) {
        sim.skip(input, `${node} is not crashed`);
        return;
      }
      sim.record({ t, kind: 'fault', type: 'restart', node });
      sim.restart(node);
      return;
    }
    case 'timeout': {
      const node = resolve(sim, input, input.node);
      if (node === null) return;
      if (!sim.node(node)?.isUp) {
        sim.skip(input, `${node} is crashed`);
        return;
      }
      if (!hasTimer(sim, node)) {
        sim.skip(input, `${node} has no timer pending`);
        return;
      }
      sim.record({ t, kind: 'fault', type: 'timeout', node });
      sim.fireEarliestTimer(node);
      return;
    }
    case 'partition': {
      const groups: NodeId[][] = [];
      for (const group of input.groups) {
        const ids: NodeId[] = [];
        for (const ref of group) {
          const id = resolve(sim, input, ref);
          if (id === null) return;
          ids.push(id);
        }
        groups.push(ids);
      }
      sim.record({ t, kind: 'fault', type: 'partition', groups });
      sim.network.partition(groups);
      return;
    }
    case 'heal':
      sim.record({ t, kind: 'fault', type: 'heal' });
      sim.network.heal();
      return;
    case 'cut':
    case 'mend': {
      const from = resolve(sim, input, input.from);
      const to = from === null ? null : resolve(sim, input, input.to);
      if (from === null || to === null) return;
      const oneWay = input.oneWay === true;
      sim.record({ t, kind: 'fault', type: input.type, from, to, ...(oneWay ? { oneWay } : {}) });
      if (input.type === 'cut') sim.network.cut(from, to, oneWay);
      else sim.network.mend(from, to, oneWay);
      return;
    }
    case 'link': {
      const from = resolve(sim, input, input.from);
      const to = from === null ? null : resolve(sim, input, input.to);
      if (from === null || to === null) return;
      const { at: _at, type: _type, from: _from, to: _to, ...model } = input;
      sim.record({ t, kind: 'fault', type: 'link', from, to, ...model });
      sim.network.setLink(from, to, model);
      return;
    }
    case 'network': {
      const { at: _at, type: _type, ...model } = input;
      sim.record({ t, kind: 'fault', type: 'network', ...model });
      sim.network.setModel(model);
      return;
    }
    case 'drop':
      if (!sim.dropByUser(input.message)) {
        sim.skip(input, `message ${input.message} is not in flight`);
        return;
      }
      return;
    case 'duplicate':
      if (!sim.duplicateByUser(input.message)) {
        sim.skip(input, `message ${input.message} is not in flight`);
        return;
      }
      return;
    case 'request': {
      let node: NodeId | null;
      if (input.node === undefined) {
        node = sim.protocol.entryPoint(sim.world());
      } else {
        node = resolve(sim, input, input.node);
        if (node === null) return;
      }
      if (node !== null && !sim.node(node)?.isUp) {
        sim.skip(input, `${node} is crashed`);
        return;
      }
      sim.record({ t, kind: 'request', node, command: input.command });
      if (node !== null) sim.deliverTo(node, { type: 'request', command: input.command });
      return;
    }
    default:
      input satisfies never;
  }
}

/** A node id for a selector, or null after recording why the input was skipped. */
function resolve(sim: Simulation, input: Input, ref: NodeRef): NodeId | null {
  if (ref === FILE_SELECTOR) {
    const node = fileSelected(sim.protocol, sim.world());
    if (node === null) sim.skip(input, 'no leader');
    return node;
  }
  if (sim.node(ref) === undefined) {
    sim.skip(input, `unknown node "${ref}"`);
    return null;
  }
  return ref;
}

function hasTimer(sim: Simulation, node: NodeId): boolean {
  return (sim.node(node)?.timers.size ?? 0) > 0;
}
