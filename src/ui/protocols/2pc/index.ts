import type { ProtocolUi } from '../types';
import { TransactionsView } from './TransactionsView';
import { TwoPcNodeDetails } from './TwoPcNodeDetails';

export const twoPcUi: ProtocolUi = {
  NodeDetails: TwoPcNodeDetails,
  Panel: TransactionsView,
  panelTitle: 'Transactions',
};

export default twoPcUi;
