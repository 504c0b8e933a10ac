/**
 * The state of one dossier's return, as returns sees it. The two upstream facts (registration with its
 * return destination, and the result or refusal slip) may arrive in any order: the leg opens once both
 * are known, if the dossier returns by post (service forms 2 and 3).
 */
export const RETURN_STATUSES = [
  'AWAITING_RESULT', // registered for return by post, no result yet
  'AWAITING_REGISTRATION', // result known, registration not seen yet
  'NOT_BY_POST', // service form 1, or the agency returns the result itself
  'OPEN', // return leg opened: S10 item id and J+n, waiting for the courier at the agency
  'PICKED_UP', // the courier holds the result
  'ATTEMPTED', // one failed home invitation
  'AT_COUNTER', // the citizen was invited to the counter
  'DELIVERED',
  'RETURNED_TO_AGENCY',
  'LOST',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** The statuses a courier or clerk can still act on (the leg travels). */
export const ACTIVE_STATUSES: readonly ReturnStatus[] = ['OPEN', 'PICKED_UP', 'ATTEMPTED', 'AT_COUNTER'];

export type DeliveryMode = 'HOME' | 'COUNTER';
export type ReturnedItem = 'RESULT' | 'REFUSAL_SLIP';
export type ServiceForm = 'SEND_DOSSIER' | 'RECEIVE_RESULT' | 'SEND_AND_RECEIVE';

/** QĐ 45 Đ5: forms 2 and 3 have the result returned by post. */
export function returnsByPost(serviceForm: ServiceForm): boolean {
  return serviceForm === 'RECEIVE_RESULT' || serviceForm === 'SEND_AND_RECEIVE';
}
