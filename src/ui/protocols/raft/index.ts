import type { ProtocolUi } from '../types';
import { RaftLogView } from './RaftLogView';
import { RaftNodeDetails } from './RaftNodeDetails';

export const raftUi: ProtocolUi = {
  ringTimer: 'election',
  ringWord: 'time left until it stands for election',
  NodeDetails: RaftNodeDetails,
  Panel: RaftLogView,
  panelTitle: 'Logs',
};

export default raftUi;
