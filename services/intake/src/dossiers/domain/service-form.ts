import type { DossierRegisteredData } from '@bcci/contracts';

/** QĐ 45/2016 Đ5: 1 send the dossier by post, 2 receive the result by post, 3 both. */
export type ServiceForm = 1 | 2 | 3;
export const SERVICE_FORMS: readonly ServiceForm[] = [1, 2, 3];

export type ServiceFormCode = DossierRegisteredData['serviceForm'];

const CODES: Record<ServiceForm, ServiceFormCode> = { 1: 'SEND_DOSSIER', 2: 'RECEIVE_RESULT', 3: 'SEND_AND_RECEIVE' };

/** The wording printed on the sending slip and shown to clerks. */
const LABELS: Record<ServiceForm, string> = {
  1: 'Gửi hồ sơ giải quyết thủ tục hành chính',
  2: 'Nhận kết quả giải quyết thủ tục hành chính',
  3: 'Gửi hồ sơ và nhận kết quả giải quyết thủ tục hành chính',
};

export function isServiceForm(value: unknown): value is ServiceForm {
  return value === 1 || value === 2 || value === 3;
}

export function serviceFormCode(form: ServiceForm): ServiceFormCode {
  return CODES[form];
}

export function serviceFormLabel(form: ServiceForm): string {
  return LABELS[form];
}

/**
 * Forms 1 and 3 carry a sealed dossier to the agency: checklist check, seal, S10 item, postal J+n and the
 * agency's fees collected at the counter (QĐ 45 Đ6, TT 17 Đ5.1).
 */
export function sendsDossier(form: ServiceForm): boolean {
  return form === 1 || form === 3;
}

/** Forms 2 and 3 bring the result back by post: they need a recipient and a return destination. */
export function returnsResult(form: ServiceForm): boolean {
  return form === 2 || form === 3;
}
