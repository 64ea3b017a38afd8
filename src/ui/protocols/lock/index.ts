import type { ProtocolUi } from '../types';
import { LockNodeDetails } from './LockNodeDetails';
import { LockPanel } from './LockPanel';

export const lockUi: ProtocolUi = {
  NodeDetails: LockNodeDetails,
  Panel: LockPanel,
  panelTitle: 'Lock',
};

export default lockUi;
