import { randomInt, randomUUID } from 'node:crypto';
import { buildEvent, type BcciEvent, type DocumentToTakeBack, type DossierRegisteredData } from '@bcci/contracts';
import { generatePostalItemId } from '@bcci/kernel';

export const JUSTICE_AGENCY = '000.00.13.H65';

export interface RegistrationOptions {
  serviceForm?: DossierRegisteredData['serviceForm'];
  deliveryMode?: 'HOME' | 'COUNTER';
  postalCode?: string;
  dossierId?: string;
}

/** A registration as intake publishes it (forms 2 and 3 carry the return destination and recipient ref). */
export function registrationEvent(options: RegistrationOptions = {}): BcciEvent<'bcci.intake.dossier-registered.v1'> {
  const dossierId = options.dossierId ?? randomUUID();
  const serviceForm = options.serviceForm ?? 'SEND_AND_RECEIVE';
  const postalCode = options.postalCode ?? '33100';
  const intakeDay = '2025-03-12';
  const forwarded = serviceForm !== 'RECEIVE_RESULT';
  const receives = serviceForm !== 'SEND_DOSSIER';
  return buildEvent({
    type: 'bcci.intake.dossier-registered.v1',
    data: {
      dossierId,
      provisionalDossierId: `BCCI-${postalCode}-250312-${String(randomInt(1, 9999)).padStart(4, '0')}`,
      serviceForm,
      receivingChannel: forwarded ? 3 : 2,
      procedureCode: '2.000488',
      catalogVersion: 'sample',
      intakeSite: { kind: 'POSTAL_POINT', postalCode, provinceCode: '15' },
      applicantRef: randomUUID(),
      ...(receives ? { recipientRef: randomUUID(), returnDestination: { deliveryMode: options.deliveryMode ?? 'HOME', postalCode } } : {}),
      ...(serviceForm === 'RECEIVE_RESULT' ? { dossierCode: '000.00.13.H65-250312-0042' } : {}),
      ...(forwarded
        ? {
            s10ItemId: generatePostalItemId('EB', randomInt(0, 99_999_999)),
            sealNumber: 'NP-2025-004512',
            components: [{ componentId: randomUUID(), componentCode: 'TK-LLTP-03', title: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1, copies: 0, required: true }],
            postalDeadline: { legClass: 'BETWEEN_DISTRICTS', startDay: intakeDay, workingDays: 2, dueDate: '2025-03-14' },
          }
        : {}),
      agencyFees: { total: 200000, lines: [{ feeCode: 'LLTP-PHI', amount: 200000 }], paymentMethod: 'CASH' },
      postage: { total: 50000, forwardLeg: 25000, returnLeg: 25000, paymentMethod: 'CASH' },
      intakeDay,
      registeredAt: `${intakeDay}T09:14:05+07:00`,
      actor: { role: 'POSTAL_CLERK', ref: 'staff:33100-017' },
    },
  });
}

/** The agency's result, issued Thursday 03/04/2025 at 10:00 (J+2 → Tuesday 08/04, Monday 07/04 being a holiday). */
export function resultIssuedEvent(
  dossierId: string,
  options: { feesOwed?: number; returnByPost?: boolean; correlationId?: string; documentsToTakeBack?: DocumentToTakeBack[] } = {},
): BcciEvent<'bcci.agency-gateway.result-issued.v1'> {
  return buildEvent({
    type: 'bcci.agency-gateway.result-issued.v1',
    data: {
      dossierId,
      agencyId: JUSTICE_AGENCY,
      resultId: randomUUID(),
      issuedAt: '2025-04-03T10:00:00+07:00',
      resultKind: 'DOCUMENT',
      medium: 'PAPER',
      resultReference: 'LLTP-2025-0042',
      feesOwed: options.feesOwed ?? 0,
      returnByPost: options.returnByPost ?? true,
      ...(options.documentsToTakeBack ? { documentsToTakeBack: options.documentsToTakeBack } : {}),
      actor: { role: 'AGENCY_SYSTEM', ref: 'agency:H65-13' },
    },
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
  });
}

export function rejectionEvent(dossierId: string): BcciEvent<'bcci.agency-gateway.dossier-rejected.v1'> {
  return buildEvent({
    type: 'bcci.agency-gateway.dossier-rejected.v1',
    data: {
      dossierId,
      agencyId: JUSTICE_AGENCY,
      rejectedAt: '2025-04-03T10:00:00+07:00',
      stage: 'DURING_PROCESSING',
      reasonCode: 'NOT_ELIGIBLE',
      reason: 'Hồ sơ không đủ điều kiện cấp.',
      returnToApplicant: true,
      actor: { role: 'AGENCY_SYSTEM', ref: 'agency:H65-13' },
    },
  });
}

/** The same fact again under a new event id. */
export function againWithNewId<T extends BcciEvent>(event: T): T {
  return { ...event, id: randomUUID() };
}
