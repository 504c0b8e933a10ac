import { maskCitizenId, validateCitizenId, validatePhoneNumber } from '@bcci/kernel';
import type { FieldIssue } from './intake-errors';
import { throwIfIssues } from './intake-errors';

export type IdentityDocumentKind = 'cccd' | 'passport';

/** The applicant as written on the sending slip. Personal data: stored encrypted, never in events or logs. */
export interface Applicant {
  readonly fullName: string;
  readonly identityDocument: { readonly kind: IdentityDocumentKind; readonly number: string };
  readonly phone: string;
  readonly address: string;
}

/** Who receives the result (forms 2 and 3); the applicant unless the clerk names someone else. */
export interface Recipient {
  readonly fullName: string;
  readonly phone: string;
  readonly address: string;
}

export interface ApplicantInput {
  readonly fullName: string;
  readonly identityDocument: { readonly kind: IdentityDocumentKind; readonly number: string };
  readonly phone: string;
  readonly address: string;
}

export type RecipientInput = Recipient;

/** Passports: a letter and 7 digits for Vietnamese ones; other countries use 6–12 letters and digits. */
const PASSPORT = /^(?=.*\d)[A-Z0-9]{6,12}$/;

export function checkApplicant(input: ApplicantInput, asOfYear: number, issues: FieldIssue[]): Applicant {
  const fullName = checkName('applicant.fullName', input.fullName, issues);
  const phone = checkPhone('applicant.phone', input.phone, issues);
  const address = checkAddress('applicant.address', input.address, issues);
  let number = '';
  if (input.identityDocument.kind === 'cccd') {
    const result = validateCitizenId(input.identityDocument.number ?? '', { asOfYear });
    if (result.ok) number = result.value;
    else issues.push({ field: 'applicant.identityDocument.number', ...result.issue });
  } else {
    number = (input.identityDocument.number ?? '').replace(/\s+/g, '').toUpperCase();
    if (!PASSPORT.test(number)) {
      issues.push({
        field: 'applicant.identityDocument.number',
        code: 'passport.format',
        message: `Passport number must be 6–12 letters and digits (masked: ${maskCitizenId(number)})`,
        messageVi: 'Số hộ chiếu không hợp lệ: gồm 6 đến 12 chữ cái và chữ số (hộ chiếu Việt Nam: 1 chữ cái và 7 chữ số).',
      });
    }
  }
  return { fullName, identityDocument: { kind: input.identityDocument.kind, number }, phone, address };
}

export function checkRecipient(input: RecipientInput, issues: FieldIssue[]): Recipient {
  return {
    fullName: checkName('recipient.fullName', input.fullName, issues),
    phone: checkPhone('recipient.phone', input.phone, issues),
    address: checkAddress('recipient.address', input.address, issues),
  };
}

/** Validates applicant and (when given) recipient together so that every bad field is reported at once. */
export function checkPersons(applicant: ApplicantInput, recipient: RecipientInput | undefined, asOfYear: number): { applicant: Applicant; recipient: Recipient | null } {
  const issues: FieldIssue[] = [];
  const checkedApplicant = checkApplicant(applicant, asOfYear, issues);
  const checkedRecipient = recipient ? checkRecipient(recipient, issues) : null;
  throwIfIssues(issues);
  return { applicant: checkedApplicant, recipient: checkedRecipient };
}

function checkName(field: string, value: string, issues: FieldIssue[]): string {
  const name = (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  // Names have letters, spaces and the odd apostrophe or hyphen; digits mean a field mix-up.
  if (name.length < 2 || name.length > 100 || !/^[\p{L}\p{M}' .-]+$/u.test(name)) {
    issues.push({
      field,
      code: 'person.full-name',
      message: 'Full name must be 2–100 letters (no digits)',
      messageVi: 'Họ và tên phải gồm 2 đến 100 chữ cái, không có chữ số.',
    });
  }
  return name;
}

function checkPhone(field: string, value: string, issues: FieldIssue[]): string {
  const result = validatePhoneNumber(value ?? '');
  if (result.ok) return result.value;
  // The kernel's message echoes the input; a phone number is personal data, so it stays out of the reply.
  issues.push({
    field,
    code: result.issue.code,
    message: 'Not a Vietnamese phone number (10-digit mobile starting 03/05/07/08/09, 11-digit landline starting 02, or +84…)',
    messageVi: 'Số điện thoại không hợp lệ: di động gồm 10 số bắt đầu bằng 03, 05, 07, 08, 09 (hoặc +84).',
  });
  return '';
}

function checkAddress(field: string, value: string, issues: FieldIssue[]): string {
  const address = (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (address.length < 5 || address.length > 300) {
    issues.push({
      field,
      code: 'person.address',
      message: 'Address must be 5–300 characters',
      messageVi: 'Địa chỉ phải có từ 5 đến 300 ký tự (số nhà, thôn/tổ, xã/phường, tỉnh).',
    });
  }
  return address;
}

/** `*******678`: enough for the clerk to confirm with the citizen, useless to anyone else. */
export function maskPhone(phone: string): string {
  return phone.length <= 3 ? '*'.repeat(phone.length) : '*'.repeat(phone.length - 3) + phone.slice(-3);
}

export function maskIdentityNumber(number: string): string {
  return maskCitizenId(number);
}
