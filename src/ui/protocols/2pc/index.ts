import type { ProtocolUi } from '../types';
import { TransactionsView } from './TransactionsView';
import { TwoPcNodeDetails } from './TwoPcNodeDetails';
import { TwoPcNodeExtras } from './TwoPcNodeExtras';

const roles: Record<string, { label: string; color: string }> = {
  coordinator: { label: 'coordinator', color: '#6b3fa0' },
  participant: { label: 'participant', color: '#2f5d8a' },
};

export const twoPcUi: ProtocolUi = {
  roleLook: (role) => roles[role],
  NodeExtras: TwoPcNodeExtras,
  NodeDetails: TwoPcNodeDetails,
  Panel: TransactionsView,
  panelTitle: 'Transactions',
  newCommand: (count) => `t${count}`,
  leaderWord: 'Coordinator',
};
