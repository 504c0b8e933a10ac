import type { Procedure, ProcedureFees } from '@bcci/catalog';
import { validateDossierCode, validatePostalCode } from '@bcci/kernel';
import { checkComponents, checklistOf, type CheckedComponent, type SubmittedComponent } from './checklist';
import { checkFees, type CollectedFees, type FeesInput } from './fees';
import { type FieldIssue, throwIfIssues } from './intake-errors';
import { checkPersons, type Applicant, type ApplicantInput, type Recipient, type RecipientInput } from './personal-data';
import { isServiceForm, returnsResult, sendsDossier, type ServiceForm } from './service-form';

export type DeliveryMode = 'HOME' | 'COUNTER';

export interface RegistrationInput {
  readonly serviceForm: number;
  readonly procedureCode: string;
  readonly applicant: ApplicantInput;
  /** Forms 2 and 3; the applicant receives the result when omitted. */
  readonly recipient?: RecipientInput;
  readonly returnDestination?: { readonly deliveryMode?: DeliveryMode; readonly postalCode?: string };
  /** Forms 1 and 3: what the clerk counted against the checklist. */
  readonly components?: readonly SubmittedComponent[];
  readonly fees: FeesInput;
  /** Forms 1 and 3: the seal put on the dossier in front of the applicant. */
  readonly sealNumber?: string;
  /** Form 2: the agency's code of the dossier filed elsewhere (online or at the service centre). */
  readonly dossierCode?: string;
  /** Form 2: the channel the dossier was filed through (1 in person, 2 online). */
  readonly originalChannel?: number;
}

/** A registration that passed every rule, before ids are allocated. */
export interface CheckedRegistration {
  readonly serviceForm: ServiceForm;
  readonly applicant: Applicant;
  /** Null for form 1 (nothing comes back by post). */
  readonly recipient: Recipient | null;
  readonly returnDestination: { readonly deliveryMode: DeliveryMode; readonly postalCode: string } | null;
  readonly components: CheckedComponent[];
  readonly fees: CollectedFees;
  readonly sealNumber: string | null;
  readonly dossierCode: string | null;
  /** National channel of the filing: 3 (BCCI) when the post carries the dossier. */
  readonly receivingChannel: 1 | 2 | 3;
}

const SEAL_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,29}$/;

export function checkServiceForm(value: number): ServiceForm {
  if (isServiceForm(value)) return value;
  throwIfIssues([
    {
      field: 'serviceForm',
      code: 'service-form.unknown',
      message: `serviceForm must be 1 (send dossier), 2 (receive result) or 3 (both), got ${value}`,
      messageVi: 'Hình thức dịch vụ phải là 1 (gửi hồ sơ), 2 (nhận kết quả) hoặc 3 (gửi hồ sơ và nhận kết quả).',
    },
  ]);
  throw new Error('unreachable');
}

/**
 * The service-form rules (QĐ 45 Đ5–6, TT 17 Đ5): what each form needs and refuses, then the checklist
 * and the fees. Field problems are reported together; the checklist and fee checks follow once the
 * form itself is coherent.
 */
export function checkRegistration(
  input: RegistrationInput,
  procedure: Pick<Procedure, 'components'> & { readonly fees: ProcedureFees },
  context: { readonly postalCode: string; readonly asOfYear: number },
): CheckedRegistration {
  const form = checkServiceForm(input.serviceForm);
  const issues: FieldIssue[] = [];
  const sends = sendsDossier(form);
  const returns = returnsResult(form);

  let sealNumber: string | null = null;
  if (sends) {
    sealNumber = (input.sealNumber ?? '').trim().toUpperCase();
    if (!SEAL_NUMBER.test(sealNumber)) {
      issues.push({
        field: 'sealNumber',
        code: 'seal-number.format',
        message: 'sealNumber is required for forms 1 and 3: 1–30 letters, digits or dashes',
        messageVi: 'Nhập số niêm phong của túi hồ sơ (1–30 chữ cái, chữ số hoặc dấu gạch ngang).',
      });
    }
  } else if (input.sealNumber) {
    issues.push(notForForm('sealNumber', 'Số niêm phong', form));
  }
  if (!sends && input.components && input.components.length > 0) issues.push(notForForm('components', 'Thành phần hồ sơ', form));

  let dossierCode: string | null = null;
  let receivingChannel: 1 | 2 | 3 = 3;
  if (form === 2) {
    const code = validateDossierCode(input.dossierCode ?? '');
    if (code.ok) dossierCode = code.value;
    else issues.push({ field: 'dossierCode', code: code.issue.code, message: code.issue.message, messageVi: `Hình thức nhận kết quả cần mã hồ sơ do cơ quan cấp. ${code.issue.messageVi}` });
    const channel = input.originalChannel ?? 2;
    if (channel === 1 || channel === 2) receivingChannel = channel;
    else {
      issues.push({
        field: 'originalChannel',
        code: 'original-channel.invalid',
        message: 'originalChannel must be 1 (in person) or 2 (online)',
        messageVi: 'Kênh nộp hồ sơ ban đầu phải là 1 (trực tiếp) hoặc 2 (trực tuyến).',
      });
    }
  } else if (input.dossierCode) {
    issues.push(notForForm('dossierCode', 'Mã hồ sơ của cơ quan', form));
  }

  let returnDestination: CheckedRegistration['returnDestination'] = null;
  if (returns) {
    const deliveryMode = input.returnDestination?.deliveryMode ?? 'HOME';
    const postalCode = validatePostalCode(input.returnDestination?.postalCode ?? context.postalCode);
    if (deliveryMode !== 'HOME' && deliveryMode !== 'COUNTER') {
      issues.push({
        field: 'returnDestination.deliveryMode',
        code: 'return-destination.mode',
        message: 'deliveryMode must be HOME or COUNTER',
        messageVi: 'Cách nhận kết quả phải là HOME (phát tận địa chỉ) hoặc COUNTER (nhận tại quầy).',
      });
    }
    if (!postalCode.ok) issues.push({ field: 'returnDestination.postalCode', ...postalCode.issue });
    else returnDestination = { deliveryMode, postalCode: postalCode.value };
  } else if (input.recipient || input.returnDestination) {
    issues.push(notForForm('recipient', 'Người nhận kết quả', form));
  }
  throwIfIssues(issues);

  const persons = checkPersons(input.applicant, returns ? input.recipient : undefined, context.asOfYear);
  const recipient = returns ? (persons.recipient ?? { fullName: persons.applicant.fullName, phone: persons.applicant.phone, address: persons.applicant.address }) : null;
  const components = sends ? checkComponents(checklistOf(procedure), input.components ?? []) : [];
  const fees = checkFees(form, procedure.fees, input.fees);
  return { serviceForm: form, applicant: persons.applicant, recipient, returnDestination, components, fees, sealNumber, dossierCode, receivingChannel };
}

function notForForm(field: string, whatVi: string, form: ServiceForm): FieldIssue {
  return {
    field,
    code: 'service-form.field-not-allowed',
    message: `${field} does not apply to service form ${form}`,
    messageVi: `${whatVi} không áp dụng cho hình thức ${form}.`,
  };
}
