import type { ProtocolUi } from '../types';
import { MultiPaxosNodeDetails } from './MultiPaxosNodeDetails';
import { MultiPaxosPanel } from './MultiPaxosPanel';

export const multiPaxosUi: ProtocolUi = {
  NodeDetails: MultiPaxosNodeDetails,
  Panel: MultiPaxosPanel,
  panelTitle: 'Slots',
  ringTimer: 'leaderTimeout',
  ringWord: 'time left until it runs phase 1 with a higher ballot',
};

export default multiPaxosUi;
