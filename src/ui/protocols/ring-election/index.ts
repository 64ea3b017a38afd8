import type { ProtocolUi } from '../types';
import { RingNodeDetails } from './RingNodeDetails';
import { RingPanel } from './RingPanel';

export const ringElectionUi: ProtocolUi = {
  NodeDetails: RingNodeDetails,
  Panel: RingPanel,
  panelTitle: 'Ring',
};

export default ringElectionUi;
