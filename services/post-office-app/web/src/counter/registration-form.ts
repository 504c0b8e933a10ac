import type { DeliveryMode, DocumentForm, EligibleProcedure, PaymentMethod, ServiceForm } from './counter-views';
import {
  checkAddress,
  checkAgencyDossierCode,
  checkComponentCount,
  checkFullName,
  checkIdentityNumber,
  checkPhone,
  checkPostage,
  checkPostalCode,
  checkSealNumber,
  normaliseSealNumber,
} from './registration-rules';

/** A checklist line as counted at the counter: handed over or not, in which form, how many. */
export interface ComponentEntry {
  readonly handedOver: boolean;
  readonly kind: DocumentForm;
  readonly count: string;
}

/** What the clerk types; strings as typed, turned into the request only when sent. */
export interface RegistrationDraft {
  readonly serviceForm: ServiceForm;
  readonly applicant: { fullName: string; identityKind: 'cccd' | 'passport'; identityNumber: string; phone: string; address: string };
  readonly recipientIsApplicant: boolean;
  readonly recipient: { fullName: string; phone: string; address: string };
  readonly deliveryMode: DeliveryMode;
  readonly returnPostalCode: string;
  readonly components: Readonly<Record<string, ComponentEntry>>;
  readonly sealNumber: string;
  readonly dossierCode: string;
  readonly originalChannel: 1 | 2;
  readonly agencyFeePaymentMethod: PaymentMethod;
  readonly forwardLeg: string;
  readonly returnLeg: string;
  readonly postagePaymentMethod: PaymentMethod;
}

export const sendsDossier = (form: ServiceForm) => form === 1 || form === 3;
export const returnsResult = (form: ServiceForm) => form === 2 || form === 3;

export function emptyDraft(procedure: EligibleProcedure): RegistrationDraft {
  const serviceForm = procedure.serviceForms.includes(3) ? 3 : procedure.serviceForms[0] ?? 1;
  return {
    serviceForm,
    applicant: { fullName: '', identityKind: 'cccd', identityNumber: '', phone: '', address: '' },
    recipientIsApplicant: true,
    recipient: { fullName: '', phone: '', address: '' },
    deliveryMode: 'HOME',
    returnPostalCode: '',
    // Nothing is ticked in advance: the clerk ticks what the applicant actually hands over.
    components: Object.fromEntries(procedure.checklist.map((item) => [item.code, { handedOver: false, kind: item.accepts[0] ?? 'original', count: String(item.count) }])),
    sealNumber: '',
    dossierCode: '',
    originalChannel: 2,
    agencyFeePaymentMethod: 'cash',
    ...postageFor(procedure, serviceForm),
    postagePaymentMethod: 'cash',
  };
}

/** The catalog's postage for the legs the form uses; the clerk may correct it (weight, distance). */
export function postageFor(procedure: EligibleProcedure, form: ServiceForm): { forwardLeg: string; returnLeg: string } {
  return {
    forwardLeg: String(sendsDossier(form) ? (procedure.fees.postageSend ?? 0) : 0),
    returnLeg: String(returnsResult(form) ? (procedure.fees.postageReturn ?? 0) : 0),
  };
}

/** Intake takes the agency's fee at the catalog amount for forms 1 and 3, nothing for form 2 (fees.ts). */
export function agencyFeeFor(procedure: EligibleProcedure, form: ServiceForm): number {
  return sendsDossier(form) ? procedure.fees.agencyFee : 0;
}

/** Every problem of the draft, keyed by the request field it concerns (the same keys as intake's 400 details). */
export function draftErrors(draft: RegistrationDraft, procedure: EligibleProcedure): Record<string, string> {
  const errors: Record<string, string | undefined> = {
    'applicant.fullName': checkFullName(draft.applicant.fullName, 'người nộp'),
    'applicant.identityDocument.number': checkIdentityNumber(draft.applicant.identityKind, draft.applicant.identityNumber),
    'applicant.phone': checkPhone(draft.applicant.phone, 'người nộp'),
    'applicant.address': checkAddress(draft.applicant.address, 'người nộp'),
  };
  const form = draft.serviceForm;
  if (returnsResult(form)) {
    if (!draft.recipientIsApplicant) {
      errors['recipient.fullName'] = checkFullName(draft.recipient.fullName, 'người nhận');
      errors['recipient.phone'] = checkPhone(draft.recipient.phone, 'người nhận');
      errors['recipient.address'] = checkAddress(draft.recipient.address, 'người nhận');
    }
    errors['returnDestination.postalCode'] = checkPostalCode(draft.returnPostalCode);
    errors['fees.postage.returnLeg'] = checkPostage(draft.returnLeg, 'Cước chiều trả kết quả');
  }
  if (sendsDossier(form)) {
    errors.sealNumber = checkSealNumber(draft.sealNumber);
    errors['fees.postage.forwardLeg'] = checkPostage(draft.forwardLeg, 'Cước chiều gửi hồ sơ');
    procedure.checklist.forEach((item) => {
      const entry = draft.components[item.code];
      if (!entry?.handedOver) return;
      errors[`component.${item.code}`] = checkComponentCount(entry.count);
    });
    const missing = procedure.checklist.filter((item) => item.required && !draft.components[item.code]?.handedOver);
    if (missing.length > 0) errors.components = `Hồ sơ còn thiếu thành phần bắt buộc, đề nghị người nộp bổ sung: ${missing.map((item) => item.name).join('; ')}.`;
    else {
      const short = procedure.checklist.filter((item) => item.required && Number(draft.components[item.code]?.count) < item.count);
      if (short.length > 0) errors.components = `Chưa đủ số lượng theo danh mục: ${short.map((item) => `${item.name} (cần ${item.count})`).join('; ')}.`;
    }
  }
  if (form === 2) errors.dossierCode = checkAgencyDossierCode(draft.dossierCode);
  return Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The components sent, in checklist order; the index of each is what intake's 'components[i]' errors name. */
export function handedOverCodes(draft: RegistrationDraft, procedure: EligibleProcedure): string[] {
  return sendsDossier(draft.serviceForm) ? procedure.checklist.filter((item) => draft.components[item.code]?.handedOver).map((item) => item.code) : [];
}

/** The body of POST /dossiers (RegisterDossierRequestDto), with only the fields the service form allows. */
export function registrationRequest(draft: RegistrationDraft, procedure: EligibleProcedure): Record<string, unknown> {
  const form = draft.serviceForm;
  const agencyFee = agencyFeeFor(procedure, form);
  const forwardLeg = sendsDossier(form) ? Number(draft.forwardLeg) : 0;
  const returnLeg = returnsResult(form) ? Number(draft.returnLeg) : 0;
  const trimmed = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();
  return {
    serviceForm: form,
    procedureCode: procedure.code,
    applicant: {
      fullName: trimmed(draft.applicant.fullName),
      identityDocument: { kind: draft.applicant.identityKind, number: draft.applicant.identityNumber.trim() },
      phone: draft.applicant.phone.trim(),
      address: trimmed(draft.applicant.address),
    },
    ...(returnsResult(form)
      ? {
          ...(draft.recipientIsApplicant
            ? {}
            : { recipient: { fullName: trimmed(draft.recipient.fullName), phone: draft.recipient.phone.trim(), address: trimmed(draft.recipient.address) } }),
          returnDestination: { deliveryMode: draft.deliveryMode, ...(draft.returnPostalCode.trim() ? { postalCode: draft.returnPostalCode.trim() } : {}) },
        }
      : {}),
    ...(sendsDossier(form)
      ? {
          components: handedOverCodes(draft, procedure).map((code) => ({ code, kind: draft.components[code]!.kind, count: Number(draft.components[code]!.count) })),
          sealNumber: normaliseSealNumber(draft.sealNumber),
        }
      : { dossierCode: draft.dossierCode.trim(), originalChannel: draft.originalChannel }),
    fees: {
      agencyFee: { amount: agencyFee, ...(agencyFee > 0 ? { paymentMethod: draft.agencyFeePaymentMethod } : {}) },
      postage: { forwardLeg, returnLeg, ...(forwardLeg + returnLeg > 0 ? { paymentMethod: draft.postagePaymentMethod } : {}) },
    },
  };
}

/** What the provisional receipt shows while the registration waits in the outbox (kept in the item's context). */
export interface ProvisionalReceipt {
  readonly applicantName: string;
  readonly procedure: { readonly code: string; readonly name: string };
  readonly agencyName: string;
  readonly serviceForm: ServiceForm;
  readonly components: readonly { readonly name: string; readonly kind: DocumentForm; readonly count: number }[];
  readonly fees: { readonly agencyFee: number; readonly forwardLeg: number; readonly returnLeg: number };
}

export function provisionalReceipt(draft: RegistrationDraft, procedure: EligibleProcedure): ProvisionalReceipt {
  const request = registrationRequest(draft, procedure) as { fees: { agencyFee: { amount: number }; postage: { forwardLeg: number; returnLeg: number } } };
  return {
    applicantName: draft.applicant.fullName.normalize('NFC').replace(/\s+/g, ' ').trim(),
    procedure: { code: procedure.code, name: procedure.name },
    agencyName: procedure.agency.name,
    serviceForm: draft.serviceForm,
    components: handedOverCodes(draft, procedure).map((code) => ({
      name: procedure.checklist.find((item) => item.code === code)?.name ?? code,
      kind: draft.components[code]!.kind,
      count: Number(draft.components[code]!.count),
    })),
    fees: { agencyFee: request.fees.agencyFee.amount, forwardLeg: request.fees.postage.forwardLeg, returnLeg: request.fees.postage.returnLeg },
  };
}
