import { ConflictError } from '@bcci/kernel';
import { assertWithdrawable, refundOnWithdrawal } from './dossier-status';
import { maskPhone } from './personal-data';
import { nameTokens } from './search-terms';

describe('withdrawal rule', () => {
  it('allows withdrawal before dispatch only', () => {
    expect(() => assertWithdrawable({ status: 'REGISTERED', dispatchedAt: null })).not.toThrow();
    expect(() => assertWithdrawable({ status: 'REGISTERED', dispatchedAt: new Date() })).toThrow(ConflictError);
    expect(() => assertWithdrawable({ status: 'WITHDRAWN', dispatchedAt: null })).toThrow(ConflictError);
  });

  it('refunds the agency fee always and the postage only for the post’s own mistakes', () => {
    expect(refundOnWithdrawal('APPLICANT_REQUEST', { agencyFee: 200_000, postage: 25_000 })).toEqual({ agencyFees: 200_000, postage: 0 });
    expect(refundOnWithdrawal('CLERK_ERROR', { agencyFee: 200_000, postage: 25_000 })).toEqual({ agencyFees: 200_000, postage: 25_000 });
  });
});

describe('search terms and masking', () => {
  it('folds name words and drops duplicates', () => {
    expect(nameTokens('  Nguyễn Văn  ĐỨC nguyen')).toEqual(['nguyen', 'van', 'duc']);
  });

  it('masks phones to their last 3 digits', () => {
    expect(maskPhone('0912345678')).toBe('*******678');
  });
});
