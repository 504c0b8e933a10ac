import type { ProcedureFees } from '@bcci/catalog';
import { VndAmount } from '@bcci/kernel';
import type { FieldIssue } from './intake-errors';
import { throwIfIssues } from './intake-errors';
import { returnsResult, sendsDossier, type ServiceForm } from './service-form';

/** How the citizen paid at the counter. */
export type PaymentMethod = 'cash' | 'bank-transfer' | 'e-wallet';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'bank-transfer', 'e-wallet'];

/**
 * Postage for one leg of one dossier is tens of thousands of đồng; above this it is a typo (extra
 * zeros). Agency fees are held to the catalog amount instead, which is stricter.
 */
export const POSTAGE_CEILING_VND = 5_000_000;

export interface FeesInput {
  readonly agencyFee: { readonly amount: number; readonly paymentMethod?: PaymentMethod };
  readonly postage: { readonly forwardLeg?: number; readonly returnLeg?: number; readonly paymentMethod?: PaymentMethod };
}

/** What was collected: agency fees (phí, lệ phí, remitted to the agency) apart from the postage (cước). */
export interface CollectedFees {
  readonly agencyFee: number;
  /** null when nothing was collected. */
  readonly agencyFeePaymentMethod: PaymentMethod | null;
  readonly postageForwardLeg: number;
  readonly postageReturnLeg: number;
  readonly postagePaymentMethod: PaymentMethod | null;
}

export function postageTotal(fees: CollectedFees): number {
  return fees.postageForwardLeg + fees.postageReturnLeg;
}

/**
 * QĐ 45 Đ6.6 and TT 17 Đ5.1.d: the clerk collects the agency's fees at the published amount, with a
 * receipt, separately from the postage. With form 2 the dossier was filed elsewhere: no agency fee is
 * taken at this counter (the agency settles it when it issues the result), and there is no forward leg.
 */
export function checkFees(form: ServiceForm, catalogFees: ProcedureFees, input: FeesInput): CollectedFees {
  const issues: FieldIssue[] = [];
  const agencyFee = checkAmount('fees.agencyFee.amount', 'Phí, lệ phí', input.agencyFee.amount, undefined, issues);
  const forwardLeg = checkAmount('fees.postage.forwardLeg', 'Cước chiều gửi hồ sơ', input.postage.forwardLeg ?? 0, POSTAGE_CEILING_VND, issues);
  const returnLeg = checkAmount('fees.postage.returnLeg', 'Cước chiều trả kết quả', input.postage.returnLeg ?? 0, POSTAGE_CEILING_VND, issues);
  throwIfIssues(issues);

  const expectedAgencyFee = sendsDossier(form) ? catalogFees.agencyFeeVnd : 0;
  if (agencyFee !== expectedAgencyFee) {
    issues.push({
      field: 'fees.agencyFee.amount',
      code: 'fees.agency-fee-mismatch',
      message: `Agency fee must be ${expectedAgencyFee} VND for service form ${form} (catalog), got ${agencyFee}`,
      messageVi:
        form === 2
          ? 'Hình thức chỉ nhận kết quả: bưu cục không thu phí, lệ phí của cơ quan khi đăng ký.'
          : `Phí, lệ phí của thủ tục này theo danh mục là ${VndAmount.of(expectedAgencyFee).format()}, không phải ${VndAmount.of(agencyFee).format()}.`,
    });
  }
  if (!sendsDossier(form) && forwardLeg > 0) {
    issues.push({
      field: 'fees.postage.forwardLeg',
      code: 'fees.no-forward-leg',
      message: 'Service form 2 carries no dossier: the forward-leg postage must be 0',
      messageVi: 'Hình thức chỉ nhận kết quả không có chiều gửi hồ sơ: cước chiều gửi phải bằng 0.',
    });
  }
  if (!returnsResult(form) && returnLeg > 0) {
    issues.push({
      field: 'fees.postage.returnLeg',
      code: 'fees.no-return-leg',
      message: 'Service form 1 returns no result by post: the return-leg postage must be 0',
      messageVi: 'Hình thức chỉ gửi hồ sơ không chuyển trả kết quả: cước chiều trả phải bằng 0.',
    });
  }
  if (agencyFee > 0 && !input.agencyFee.paymentMethod) issues.push(missingMethod('fees.agencyFee.paymentMethod', 'phí, lệ phí'));
  if (forwardLeg + returnLeg > 0 && !input.postage.paymentMethod) issues.push(missingMethod('fees.postage.paymentMethod', 'cước bưu chính'));
  throwIfIssues(issues);

  return {
    agencyFee,
    agencyFeePaymentMethod: agencyFee > 0 ? input.agencyFee.paymentMethod! : null,
    postageForwardLeg: forwardLeg,
    postageReturnLeg: returnLeg,
    postagePaymentMethod: forwardLeg + returnLeg > 0 ? input.postage.paymentMethod! : null,
  };
}

function checkAmount(field: string, labelVi: string, value: number, ceiling: number | undefined, issues: FieldIssue[]): number {
  const result = VndAmount.validate(value, ceiling === undefined ? {} : { ceiling });
  if (result.ok) return result.value.dong;
  issues.push({ field, code: result.issue.code, message: result.issue.message, messageVi: `${labelVi}: ${result.issue.messageVi}.` });
  return 0;
}

function missingMethod(field: string, whatVi: string): FieldIssue {
  return {
    field,
    code: 'fees.payment-method-missing',
    message: `${field} is required when an amount is collected (cash, bank-transfer, e-wallet)`,
    messageVi: `Chọn hình thức thanh toán ${whatVi} (tiền mặt, chuyển khoản, ví điện tử).`,
  };
}
