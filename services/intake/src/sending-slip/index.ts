export type { SendingSlipModel } from './sending-slip.model';
export { renderSendingSlip } from './render-sending-slip';
