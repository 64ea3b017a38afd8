import type { ProtocolUi } from '../types';
import { QuorumPanel } from './QuorumPanel';

export const quorumUi: ProtocolUi = {
  Panel: QuorumPanel,
  panelTitle: 'Replicas',
  ringTimer: 'anti-entropy',
  ringWord: 'time left until the node exchanges versions with a peer (anti-entropy)',
};

export default quorumUi;
