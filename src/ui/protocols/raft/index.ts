import type { ProtocolUi } from '../types';
import { raftRoleLook } from './colors';
import { RaftLogView } from './RaftLogView';
import { RaftNodeDetails } from './RaftNodeDetails';
import { RaftNodeExtras } from './RaftNodeExtras';

export const raftUi: ProtocolUi = {
  roleLook: raftRoleLook,
  ringTimer: 'election',
  NodeExtras: RaftNodeExtras,
  NodeDetails: RaftNodeDetails,
  Panel: RaftLogView,
  panelTitle: 'Logs',
  newCommand: (count) => `x=${count}`,
};
