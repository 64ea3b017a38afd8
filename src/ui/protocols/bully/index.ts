import type { ProtocolUi } from '../types';
import { BullyNodeDetails } from './BullyNodeDetails';
import { BullyPanel } from './BullyPanel';

export const bullyUi: ProtocolUi = {
  NodeDetails: BullyNodeDetails,
  Panel: BullyPanel,
  panelTitle: 'Election',
  ringTimer: 'failure',
  ringWord: 'time left before a member gives up on its coordinator and holds an election',
};

export default bullyUi;
