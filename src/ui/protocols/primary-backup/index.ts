import type { ProtocolUi } from '../types';
import { PbNodeDetails } from './PbNodeDetails';
import { PbPanel } from './PbPanel';

export const primaryBackupUi: ProtocolUi = {
  NodeDetails: PbNodeDetails,
  Panel: PbPanel,
  panelTitle: 'Logs',
  ringTimer: 'failover',
  ringWord: 'time left until a backup stops waiting for the primary and asks the others’ positions',
};

export default primaryBackupUi;
