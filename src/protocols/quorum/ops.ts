import type { OpGrammar } from '../../engine/clients';
import { registerOps } from '../shared/registerOps';

/**
 * quorum's operations (spec/protocols.md `quorum`): Dynamo's get and put (§4.1) as the register grammar's
 * `read K` and `write K V`. There is no cas: Dynamo offers no conditional write.
 */
export const quorumOps: OpGrammar = {
  names: ['read', 'write'],
  usage: 'read K, write K V',
  parse(command) {
    const op = registerOps.parse(command);
    return op !== null && (op.name === 'read' || op.name === 'write') ? op : null;
  },
  workloadOp: (name, key, seq) => (name === 'write' ? `write ${key} ${seq}` : `read ${key}`),
};
