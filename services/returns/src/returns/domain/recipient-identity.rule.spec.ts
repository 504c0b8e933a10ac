import { assertRecipientIdentity } from './recipient-identity.rule';

describe("delivery checks the recipient's ID (TT 17/2017 Đ5.2.d)", () => {
  it('the applicant with a matching CCCD receives the result', () => {
    expect(() => assertRecipientIdentity({ recipientKind: 'APPLICANT', documentType: 'CCCD', matches: true })).not.toThrow();
  });

  it('a proxy needs an authorisation (400 without one)', () => {
    expect(() => assertRecipientIdentity({ recipientKind: 'AUTHORISED_PROXY', documentType: 'PASSPORT', matches: true })).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'returns.proxy-authorisation-required' }),
    );
  });

  it('a proxy with an authorisation and a matching ID receives the result', () => {
    expect(() =>
      assertRecipientIdentity({ recipientKind: 'AUTHORISED_PROXY', documentType: 'CCCD', matches: true, authorisationRef: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' }),
    ).not.toThrow();
  });

  it('an authorisation is only recorded for a proxy', () => {
    expect(() =>
      assertRecipientIdentity({ recipientKind: 'RECIPIENT', documentType: 'CCCD', matches: true, authorisationRef: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' }),
    ).toThrow(expect.objectContaining({ code: 'returns.authorisation-without-proxy' }));
  });

  it('an ID that does not match refuses the handover (422)', () => {
    expect(() => assertRecipientIdentity({ recipientKind: 'RECIPIENT', documentType: 'CCCD', matches: false })).toThrow(
      expect.objectContaining({ kind: 'rule-violation', code: 'returns.identity-not-matched' }),
    );
  });
});
