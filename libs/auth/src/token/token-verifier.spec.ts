import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidTokenError } from './invalid-token.error';
import { DEV_JWT_SECRET, issueDevToken } from './issue-dev-token';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-claims';
import { TokenVerifier } from './token-verifier';

const SECRET = 'test-secret-0123456789';
const verifier = new TokenVerifier({ secret: SECRET });

function sign(claims: object, options: jwt.SignOptions = {}, key: jwt.Secret = SECRET, withExpiry = true): string {
  return jwt.sign(claims, key, {
    algorithm: 'HS256',
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    ...(withExpiry ? { expiresIn: 60 } : {}),
    ...options,
  });
}

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTokenError);
    return (error as InvalidTokenError).reason;
  }
  throw new Error('expected an InvalidTokenError');
}

describe('TokenVerifier (HS256, development issuer)', () => {
  it('turns a clerk token into an Actor scoped to the postal point', () => {
    const token = issueDevToken({ role: 'clerk', subject: 'u-1', displayName: 'Nguyễn Thị Lan', postalCode: '33100' }, SECRET);
    expect(verifier.verify(token)).toEqual({ subject: 'u-1', role: 'clerk', displayName: 'Nguyễn Thị Lan', postalCode: '33100' });
  });

  it('maps each scope claim', () => {
    expect(verifier.verify(issueDevToken({ role: 'agency', agencyId: '000.00.00.H59' }, SECRET))).toMatchObject({ role: 'agency', agencyId: '000.00.00.H59' });
    expect(verifier.verify(issueDevToken({ role: 'operations', provinceCode: '15' }, SECRET))).toMatchObject({ role: 'operations', provinceCode: '15' });
    expect(verifier.verify(issueDevToken({ role: 'auditor' }, SECRET))).toEqual({ subject: 'dev-auditor', role: 'auditor' });
  });

  it('reads the Authorization header', () => {
    const token = issueDevToken({ role: 'courier', postalCode: '33000' }, SECRET);
    expect(verifier.verifyAuthorizationHeader(`Bearer ${token}`).role).toBe('courier');
    expect(reasonOf(() => verifier.verifyAuthorizationHeader(undefined))).toMatch(/no Authorization/);
    expect(reasonOf(() => verifier.verifyAuthorizationHeader(`Basic ${token}`))).toMatch(/Bearer/);
  });

  it('rejects a token signed with another secret, the default dev secret included', () => {
    expect(reasonOf(() => verifier.verify(issueDevToken({ role: 'auditor' }, DEV_JWT_SECRET)))).toMatch(/signature/);
  });

  it('rejects an expired token beyond the clock tolerance', () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = sign({ sub: 'u', role: 'auditor', iat: now - 120, exp: now - 60 }, {}, SECRET, false);
    expect(reasonOf(() => verifier.verify(expired))).toMatch(/expired/);
    const justExpired = sign({ sub: 'u', role: 'auditor', iat: now - 60, exp: now - 2 }, {}, SECRET, false);
    expect(verifier.verify(justExpired).role).toBe('auditor');
  });

  it('stops accepting a token it verified before once the token expires', () => {
    jest.useFakeTimers({ now: Date.now() });
    try {
      const now = Math.floor(Date.now() / 1000);
      const shortLived = sign({ sub: 'u', role: 'auditor', iat: now, exp: now + 60 }, {}, SECRET, false);
      expect(verifier.verify(shortLived).role).toBe('auditor');
      expect(verifier.verify(shortLived).role).toBe('auditor');
      jest.setSystemTime((now + 60 + 120) * 1000);
      expect(reasonOf(() => verifier.verify(shortLived))).toMatch(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects a token without expiry', () => {
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'auditor' }, {}, SECRET, false)))).toMatch(/exp/);
  });

  it('rejects the wrong issuer or audience', () => {
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'auditor' }, { issuer: 'someone-else' })))).toMatch(/issuer/);
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'auditor' }, { audience: 'other' })))).toMatch(/audience/);
  });

  it('rejects an unsigned token (alg none)', () => {
    const unsigned = jwt.sign({ sub: 'u', role: 'auditor' }, null as unknown as string, {
      algorithm: 'none',
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: 60,
    });
    reasonOf(() => verifier.verify(unsigned));
  });

  it('rejects unknown roles and roles missing their scope', () => {
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'admin' })))).toMatch(/role/);
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'clerk' })))).toMatch(/postal_code/);
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'clerk', postal_code: '331' })))).toMatch(/postal_code/);
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'digitization-operator' })))).toMatch(/postal_code/);
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'agency' })))).toMatch(/agency_id/);
    expect(reasonOf(() => verifier.verify(sign({ sub: 'u', role: 'operations' })))).toMatch(/province_code/);
    expect(reasonOf(() => verifier.verify(sign({ role: 'auditor' })))).toMatch(/sub/);
  });

  it('refuses to issue a token a service would reject', () => {
    expect(() => issueDevToken({ role: 'clerk' }, SECRET)).toThrow(InvalidTokenError);
  });
});

describe('TokenVerifier (RS256, identity provider)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const rsVerifier = new TokenVerifier({ publicKey: publicPem });

  it('accepts RS256 tokens signed by the private key', () => {
    const token = jwt.sign({ sub: 'idp-7', role: 'agency', agency_id: '000.00.00.H59' }, privateKey, {
      algorithm: 'RS256',
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: 60,
    });
    expect(rsVerifier.verify(token)).toEqual({ subject: 'idp-7', role: 'agency', agencyId: '000.00.00.H59' });
  });

  it('rejects an HS256 token signed with the public key as secret (key confusion)', () => {
    reasonOf(() => rsVerifier.verify(sign({ sub: 'u', role: 'auditor' }, {}, publicPem)));
  });

  it('needs exactly one key', () => {
    expect(() => new TokenVerifier({} as never)).toThrow(/required/);
    expect(() => new TokenVerifier({ secret: 's', publicKey: publicPem } as never)).toThrow(/not both/);
  });
});
