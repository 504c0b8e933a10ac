import { buildEvent, EventType, type BcciEvent, type DossierRegisteredData } from '@bcci/contracts';
import type { PaymentMethod } from '../domain/fees';
import { serviceFormCode, sendsDossier, returnsResult } from '../domain/service-form';
import type { DossierOrmEntity } from '../persistence/dossier.orm-entity';

const PAYMENT_METHOD_CODES: Record<PaymentMethod, 'CASH' | 'BANK_TRANSFER' | 'E_WALLET'> = {
  cash: 'CASH',
  'bank-transfer': 'BANK_TRANSFER',
  'e-wallet': 'E_WALLET',
};

export function paymentMethodCode(method: PaymentMethod | null): DossierRegisteredData['postage']['paymentMethod'] {
  return method === null ? 'NONE' : PAYMENT_METHOD_CODES[method];
}

export interface RegistrationEventContext {
  readonly provinceCode?: string;
  readonly communeCode?: string;
  readonly staffRef: string;
  readonly correlationId?: string;
  /** SHA-256 of the lookup PIN (contract definition), issued for every form: printed on the sending slip (1, 3) or the return receipt (2). */
  readonly lookupPinHash?: string;
}

/**
 * `bcci.intake.dossier-registered.v1` from the stored dossier: references and amounts only, never a name,
 * a CCCD, a phone or an address (contracts enforce it).
 */
export function dossierRegisteredEvent(d: DossierOrmEntity, context: RegistrationEventContext): BcciEvent<typeof EventType.DossierRegistered> {
  const form = d.serviceForm;
  const data: DossierRegisteredData = {
    dossierId: d.id,
    provisionalDossierId: d.provisionalDossierId,
    ...(d.dossierCode ? { dossierCode: d.dossierCode } : {}),
    serviceForm: serviceFormCode(form),
    receivingChannel: d.receivingChannel,
    procedureCode: d.procedureCode,
    expectedAgencyId: d.agencyId,
    catalogVersion: d.catalogVersion,
    intakeSite: {
      kind: 'POSTAL_POINT',
      postalCode: d.postalCode,
      ...(context.provinceCode ? { provinceCode: context.provinceCode } : {}),
      ...(context.communeCode ? { communeCode: context.communeCode } : {}),
    },
    applicantRef: d.applicantRef,
    ...(returnsResult(form) && d.recipientRef && d.returnDeliveryMode && d.returnPostalCode
      ? { recipientRef: d.recipientRef, returnDestination: { deliveryMode: d.returnDeliveryMode, postalCode: d.returnPostalCode } }
      : {}),
    ...(sendsDossier(form) && d.postalItemId && d.sealNumber && d.postalDeadline
      ? {
          s10ItemId: d.postalItemId,
          sealNumber: d.sealNumber,
          components: d.components.map((c) => ({
            componentId: c.componentId,
            componentCode: c.code,
            title: c.name,
            originals: c.kind === 'original' ? c.count : 0,
            copies: c.kind === 'copy' ? c.count : 0,
            required: c.required,
          })),
          postalDeadline: d.postalDeadline,
        }
      : {}),
    agencyFees: {
      total: d.agencyFee,
      lines: d.agencyFee > 0 ? [{ feeCode: 'AGENCY-FEE', label: 'Phí, lệ phí theo danh mục thủ tục', amount: d.agencyFee }] : [],
      paymentMethod: paymentMethodCode(d.agencyFeePaymentMethod),
    },
    postage: {
      total: d.postageForwardLeg + d.postageReturnLeg,
      forwardLeg: d.postageForwardLeg,
      returnLeg: d.postageReturnLeg,
      paymentMethod: paymentMethodCode(d.postagePaymentMethod),
    },
    intakeDay: d.intakeDay,
    registeredAt: d.receivedAt.toISOString(),
    ...(context.lookupPinHash ? { lookupPinHash: context.lookupPinHash } : {}),
    actor: { role: 'POSTAL_CLERK', ref: context.staffRef },
  };
  return buildEvent({
    type: EventType.DossierRegistered,
    data,
    time: d.receivedAt,
    channel: d.receivingChannel,
    ...(context.correlationId ? { correlationId: context.correlationId } : {}),
  });
}
