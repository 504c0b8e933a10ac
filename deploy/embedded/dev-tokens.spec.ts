import { ROLES, TokenVerifier } from '@bcci/auth';
import { loadSampleCatalog } from '@bcci/catalog';
import { devTokensForEveryRole } from './dev-tokens';

describe('devTokensForEveryRole', () => {
  const secret = 'a-test-secret-of-the-embedded-stack-0123456789';
  const grants = devTokensForEveryRole(loadSampleCatalog(), secret, new Date('2025-09-15T03:00:00Z'));
  const verifier = new TokenVerifier({ secret });

  it('issues one token per role that the services accept, with the scope of the sample data', () => {
    expect(grants.map((g) => g.role)).toEqual([...ROLES]);
    const actors = Object.fromEntries(grants.map((g) => [g.role, verifier.verify(g.token)]));
    expect(actors.clerk).toMatchObject({ role: 'clerk', postalCode: '33100' });
    expect(actors['digitization-operator']).toMatchObject({ postalCode: '33100' });
    expect(actors.courier).toMatchObject({ postalCode: '33100' });
    expect(actors.agency.agencyId).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/);
    expect(actors.operations).toMatchObject({ provinceCode: '15' });
    expect(actors.auditor).toMatchObject({ role: 'auditor' });
  });

  it('shows the npm run token command that issues the same kind of token', () => {
    expect(grants.find((g) => g.role === 'clerk')!.command).toBe('npm run -s token -- --role clerk --postal-code 33100');
    expect(grants.find((g) => g.role === 'auditor')!.command).toBe('npm run -s token -- --role auditor');
  });

  it('is refused under another secret', () => {
    expect(() => new TokenVerifier({ secret: 'another-secret-another-secret-another' }).verify(grants[0].token)).toThrow();
  });
});
