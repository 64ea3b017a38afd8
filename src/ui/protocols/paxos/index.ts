import type { ProtocolUi } from '../types';
import { PaxosNodeDetails } from './PaxosNodeDetails';
import { PaxosPanel } from './PaxosPanel';

export const paxosUi: ProtocolUi = {
  NodeDetails: PaxosNodeDetails,
  Panel: PaxosPanel,
  panelTitle: 'Ballots',
  ringTimer: 'retry',
  ringWord: 'time left until the proposer retries with a higher ballot',
};

export default paxosUi;
