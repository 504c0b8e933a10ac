import type { ProcedureFees } from '@bcci/catalog';
import { InvalidInputError } from '@bcci/kernel';
import { checkFees, POSTAGE_CEILING_VND } from './fees';

const catalogFees: ProcedureFees = { agencyFeeVnd: 200_000, feeNote: null, postageSendVnd: 25_000, postageReturnVnd: 25_000 };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.code;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('fee validation', () => {
  it('records the agency fee and the postage separately, each with its payment method', () => {
    const fees = checkFees(3, catalogFees, {
      agencyFee: { amount: 200_000, paymentMethod: 'cash' },
      postage: { forwardLeg: 25_000, returnLeg: 25_000, paymentMethod: 'e-wallet' },
    });
    expect(fees).toEqual({
      agencyFee: 200_000,
      agencyFeePaymentMethod: 'cash',
      postageForwardLeg: 25_000,
      postageReturnLeg: 25_000,
      postagePaymentMethod: 'e-wallet',
    });
  });

  it('refuses negative, fractional and absurd amounts', () => {
    expect(codeOf(() => checkFees(1, catalogFees, { agencyFee: { amount: -200_000, paymentMethod: 'cash' }, postage: { forwardLeg: 25_000, paymentMethod: 'cash' } }))).toBe('vnd.negative');
    expect(codeOf(() => checkFees(1, catalogFees, { agencyFee: { amount: 200_000, paymentMethod: 'cash' }, postage: { forwardLeg: 25_000.5, paymentMethod: 'cash' } }))).toBe('vnd.not-integer');
    expect(codeOf(() => checkFees(1, catalogFees, { agencyFee: { amount: 200_000, paymentMethod: 'cash' }, postage: { forwardLeg: POSTAGE_CEILING_VND + 1, paymentMethod: 'cash' } }))).toBe('vnd.too-large');
    expect(codeOf(() => checkFees(1, catalogFees, { agencyFee: { amount: 2_000_000_000, paymentMethod: 'cash' }, postage: { forwardLeg: 25_000, paymentMethod: 'cash' } }))).toBe('vnd.too-large');
  });

  it('refuses an agency fee that differs from the catalog', () => {
    expect(codeOf(() => checkFees(1, catalogFees, { agencyFee: { amount: 150_000, paymentMethod: 'cash' }, postage: { forwardLeg: 25_000, paymentMethod: 'cash' } }))).toBe('fees.agency-fee-mismatch');
  });

  it('takes no agency fee and no forward postage for form 2, no return postage for form 1', () => {
    expect(codeOf(() => checkFees(2, catalogFees, { agencyFee: { amount: 200_000, paymentMethod: 'cash' }, postage: { returnLeg: 25_000, paymentMethod: 'cash' } }))).toBe('fees.agency-fee-mismatch');
    expect(codeOf(() => checkFees(2, catalogFees, { agencyFee: { amount: 0 }, postage: { forwardLeg: 25_000, returnLeg: 25_000, paymentMethod: 'cash' } }))).toBe('fees.no-forward-leg');
    expect(codeOf(() => checkFees(1, catalogFees, { agencyFee: { amount: 200_000, paymentMethod: 'cash' }, postage: { forwardLeg: 25_000, returnLeg: 25_000, paymentMethod: 'cash' } }))).toBe('fees.no-return-leg');
    const form2 = checkFees(2, catalogFees, { agencyFee: { amount: 0 }, postage: { returnLeg: 25_000, paymentMethod: 'bank-transfer' } });
    expect(form2).toMatchObject({ agencyFee: 0, agencyFeePaymentMethod: null, postageReturnLeg: 25_000, postagePaymentMethod: 'bank-transfer' });
  });

  it('requires a payment method whenever money is collected', () => {
    expect(codeOf(() => checkFees(1, catalogFees, { agencyFee: { amount: 200_000 }, postage: { forwardLeg: 25_000, paymentMethod: 'cash' } }))).toBe('fees.payment-method-missing');
  });
});
