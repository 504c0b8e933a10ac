import { randomInt, randomUUID } from 'node:crypto';
import { buildEvent, type BcciEvent, type DossierRegisteredData } from '@bcci/contracts';
import { generatePostalItemId } from '@bcci/kernel';

export interface RegistrationOptions {
  procedureCode?: string;
  serviceForm?: DossierRegisteredData['serviceForm'];
  postalCode?: string;
  intakeDay?: string;
  registeredAt?: string;
  fees?: number;
  dossierId?: string;
}

export function newS10(): string {
  return generatePostalItemId('EB', randomInt(0, 99_999_999));
}

/** A registration as intake publishes it: two components (1 original + 1 copy = 2 documents on the slip). */
export function registrationEvent(options: RegistrationOptions = {}): BcciEvent<'bcci.intake.dossier-registered.v1'> {
  const dossierId = options.dossierId ?? randomUUID();
  const serviceForm = options.serviceForm ?? 'SEND_AND_RECEIVE';
  const fees = options.fees ?? 200000;
  const postalCode = options.postalCode ?? '33100';
  const intakeDay = options.intakeDay ?? '2025-03-12';
  const forwarded = serviceForm !== 'RECEIVE_RESULT';
  const receives = serviceForm !== 'SEND_DOSSIER';
  return buildEvent({
    type: 'bcci.intake.dossier-registered.v1',
    data: {
      dossierId,
      provisionalDossierId: `BCCI-${postalCode}-${intakeDay.slice(2).replace(/-/g, '')}-${String(randomInt(1, 9999)).padStart(4, '0')}`,
      serviceForm,
      receivingChannel: forwarded ? 3 : 2,
      procedureCode: options.procedureCode ?? '2.000488',
      catalogVersion: 'sample',
      intakeSite: { kind: 'POSTAL_POINT', postalCode, provinceCode: '15' },
      applicantRef: randomUUID(),
      ...(receives ? { recipientRef: randomUUID(), returnDestination: { deliveryMode: 'HOME' as const, postalCode } } : {}),
      ...(serviceForm === 'RECEIVE_RESULT' ? { dossierCode: '000.00.13.H65-250312-0042' } : {}),
      ...(forwarded
        ? {
            s10ItemId: newS10(),
            sealNumber: 'NP-2025-004512',
            components: [
              { componentId: randomUUID(), componentCode: 'TK-LLTP-03', title: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1, copies: 0, required: true },
              { componentId: randomUUID(), componentCode: 'GT-TUY-THAN', title: 'Bản chụp giấy tờ tùy thân', originals: 0, copies: 1, required: true },
            ],
            postalDeadline: { legClass: 'BETWEEN_DISTRICTS', startDay: intakeDay, workingDays: 2, dueDate: intakeDay },
          }
        : {}),
      agencyFees: {
        total: fees,
        lines: fees > 0 ? [{ feeCode: 'LLTP-PHI', label: 'Phí cung cấp thông tin lý lịch tư pháp', amount: fees }] : [],
        paymentMethod: fees > 0 ? 'CASH' : 'NONE',
      },
      postage: { total: 50000, forwardLeg: 25000, returnLeg: 25000, paymentMethod: 'CASH' },
      intakeDay,
      registeredAt: options.registeredAt ?? `${intakeDay}T09:14:05+07:00`,
      actor: { role: 'POSTAL_CLERK', ref: 'staff:33100-017' },
    },
  });
}

export function withdrawalEvent(dossierId: string): BcciEvent<'bcci.intake.dossier-withdrawn.v1'> {
  return buildEvent({
    type: 'bcci.intake.dossier-withdrawn.v1',
    data: {
      dossierId,
      withdrawnAt: '2025-03-12T10:00:00+07:00',
      reasonCode: 'APPLICANT_REQUEST',
      refund: { agencyFees: 200000, postage: 50000 },
      actor: { role: 'POSTAL_CLERK', ref: 'staff:33100-017' },
    },
  });
}

export function acknowledgementEvent(dossierId: string, agencyId: string, acknowledgedAt: string): BcciEvent<'bcci.agency-gateway.handover-acknowledged.v1'> {
  return buildEvent({
    type: 'bcci.agency-gateway.handover-acknowledged.v1',
    data: {
      dossierId,
      agencyId,
      acknowledgedAt,
      agencyDeadline: { clockStart: acknowledgedAt, workingDays: 10, dueDate: '2025-03-27' },
      actor: { role: 'AGENCY_RECEIVER', ref: 'agency-user:H65-0042' },
    },
  });
}

/** The same fact again under a new event id (a replay, or a marker that follows it on the same key). */
export function againWithNewId<T extends BcciEvent>(event: T): T {
  return { ...event, id: randomUUID() };
}
