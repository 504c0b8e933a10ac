import { randomUUID } from 'node:crypto';
import type { BcciEvent } from '@bcci/contracts';
import { exampleEvent } from './support/journey-events';

/** One BCCI dossier of the counting tests, with what an independent count needs to know about it. */
export interface CountedDossier {
  dossierId: string;
  procedureCode: string;
  postalCode: string;
  receivedViaBcci: boolean;
  registeredForReturn: boolean;
  delivered: boolean;
  /** Rejected, and its refusal slip (not a result) delivered by post. */
  refusalSlipDelivered: boolean;
  events: BcciEvent[];
}

const AGENCY_OF: Record<string, string> = { '2.000488': '000.00.13.H39', '1.003822': '000.00.12.H39', '2.000635': '000.00.13.H39' };

/**
 * A dossier in Q1 2026 (after the merger: province 15 is Lào Cai, agencies have H39 ids). `shape`:
 * - delivered: sent and received by post, result delivered (with a failed attempt first);
 * - returned: sent and received by post, two failed attempts, result back at the agency;
 * - send-only: sent by post, result collected at the agency's desk;
 * - result-only: filed online (channel 2), result returned by post (form 2), still in the agency;
 * - withdrawn: sent by post, withdrawn before forwarding;
 * - rejected: sent and received by post (form 3), rejected at reception, the refusal slip delivered by post
 *   after a failed attempt (return-leg-opened says returnedItem REFUSAL_SLIP).
 */
export type CountedShape = 'delivered' | 'returned' | 'send-only' | 'result-only' | 'withdrawn' | 'rejected';

export function countedDossier(shape: CountedShape, options: { procedureCode: string; postalCode: string; day: string }): CountedDossier {
  const dossierId = randomUUID();
  const { procedureCode, postalCode, day } = options;
  const agencyId = AGENCY_OF[procedureCode];
  const at = (offsetDays: number, time = '09:00:00') => {
    const date = new Date(`${day}T${time}+07:00`);
    date.setUTCDate(date.getUTCDate() + offsetDays);
    return date.toISOString().replace('.000Z', 'Z');
  };
  const intakeDay = day;
  const forwardLeg = randomUUID();
  const returnLeg = randomUUID();
  const events: BcciEvent[] = [];
  const form = shape === 'result-only' ? 'RECEIVE_RESULT' : shape === 'send-only' ? 'SEND_DOSSIER' : 'SEND_AND_RECEIVE';
  const registered =
    form === 'RECEIVE_RESULT'
      ? exampleEvent('intake/dossier-registered.v1.receive-result-only', dossierId, { procedureCode, expectedAgencyId: agencyId, intakeSite: { kind: 'POSTAL_POINT', postalCode }, intakeDay, registeredAt: at(0) }, at(0))
      : exampleEvent(
          'intake/dossier-registered.v1',
          dossierId,
          {
            procedureCode,
            expectedAgencyId: agencyId,
            serviceForm: form,
            intakeSite: { kind: 'POSTAL_POINT', postalCode, provinceCode: '15' },
            intakeDay,
            registeredAt: at(0),
            postalDeadline: { legClass: 'INTER_DISTRICT', startDay: intakeDay, workingDays: 2, dueDate: intakeDay },
            ...(form === 'SEND_DOSSIER' ? { recipientRef: undefined, returnDestination: undefined, postage: { total: 26000, forwardLeg: 26000, returnLeg: 0, paymentMethod: 'CASH' } } : {}),
          },
          at(0),
        );
  events.push(registered);
  if (shape === 'withdrawn') {
    events.push(exampleEvent('intake/dossier-withdrawn.v1', dossierId, { withdrawnAt: at(0, '10:00:00') }, at(0, '10:00:00')));
  } else if (shape !== 'result-only') {
    events.push(exampleEvent('digitization/dossier-digitized.v1', dossierId, { completedAt: at(0, '09:30:00') }, at(0, '09:30:00')));
    events.push(exampleEvent('forwarding/postal-leg-opened.v1', dossierId, { legId: forwardLeg, agencyId, procedureCode, openedAt: at(0, '09:40:00'), competenceDate: intakeDay, originPostalCode: postalCode }, at(0, '09:40:00')));
    events.push(exampleEvent('forwarding/handover-record-signed.v1', dossierId, { legId: forwardLeg, agencyId, signedAt: at(1), postalSignedAt: at(1), agencySignedAt: at(1) }, at(1)));
    if (shape === 'rejected') {
      events.push(exampleEvent('agency-gateway/dossier-rejected.v1', dossierId, { agencyId, rejectedAt: at(2), stage: 'AT_RECEPTION', returnToApplicant: true }, at(2)));
    } else {
      events.push(exampleEvent('agency-gateway/result-issued.v1', dossierId, { agencyId, issuedAt: at(8), returnByPost: shape !== 'send-only' }, at(8)));
    }
  }
  if (shape === 'delivered' || shape === 'returned' || shape === 'rejected') {
    const returnedItem = shape === 'rejected' ? 'REFUSAL_SLIP' : 'RESULT';
    events.push(exampleEvent('returns/return-leg-opened.v1', dossierId, { legId: returnLeg, agencyId, returnedItem, openedAt: at(9) }, at(9)));
    events.push(exampleEvent('returns/delivery-attempted.v1', dossierId, { legId: returnLeg, attemptNumber: 1, attemptedAt: at(10), postalCode }, at(10)));
    if (shape === 'delivered' || shape === 'rejected') events.push(exampleEvent('returns/result-delivered.v1', dossierId, { legId: returnLeg, deliveredAt: at(11), postalCode }, at(11)));
    else {
      events.push(exampleEvent('returns/delivery-attempted.v1', dossierId, { legId: returnLeg, attemptNumber: 2, attemptedAt: at(12), postalCode }, at(12)));
      events.push(exampleEvent('returns/result-returned-to-agency.v1', dossierId, { legId: returnLeg, agencyId, returnedAt: at(13), attempts: 2 }, at(13)));
    }
  }
  return {
    dossierId,
    procedureCode,
    postalCode,
    receivedViaBcci: shape !== 'result-only' && shape !== 'withdrawn',
    // Registered for return at intake (form 3): still so after the rejection, as today.
    registeredForReturn: shape === 'delivered' || shape === 'returned' || shape === 'result-only' || shape === 'rejected',
    delivered: shape === 'delivered',
    refusalSlipDelivered: shape === 'rejected',
    events,
  };
}
