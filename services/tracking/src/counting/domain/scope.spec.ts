import { keysMatchScope, parseScope, scopeHasDenominators, ScopeFormatError } from './scope';

const keys = { provinceCode: '15', communeCode: '04249', postalCode: '33100', agencyId: '000.00.13.H65', procedureCode: '2.000488' };

describe('report scopes', () => {
  it.each([
    ['province:15', 'province', '15'],
    ['commune:04249', 'commune', '04249'],
    ['postal-point:33100', 'postal-point', '33100'],
    ['agency:000.00.13.H65', 'agency', '000.00.13.H65'],
    ['procedure:2.000488', 'procedure', '2.000488'],
    ['all', 'all', ''],
  ])('parses %s', (input, kind, code) => {
    expect(parseScope(input)).toEqual({ kind, code });
  });

  it('defaults to everything', () => expect(parseScope(undefined)).toEqual({ kind: 'all', code: '' }));

  it.each(['province:1', 'commune:4249', 'district:132', 'agency:abc', 'procedure:2.48', 'province'])('refuses %s', (input) => {
    expect(() => parseScope(input)).toThrow(ScopeFormatError);
  });

  it('matches count keys on the scope kind only', () => {
    expect(keysMatchScope(keys, parseScope('province:15'))).toBe(true);
    expect(keysMatchScope(keys, parseScope('province:10'))).toBe(false);
    expect(keysMatchScope(keys, parseScope('postal-point:33100'))).toBe(true);
    expect(keysMatchScope(keys, parseScope('commune:04255'))).toBe(false);
    expect(keysMatchScope(keys, parseScope('all'))).toBe(true);
  });

  it('has all-channel denominators for provinces, agencies and procedures only', () => {
    expect(scopeHasDenominators(parseScope('province:15'))).toBe(true);
    expect(scopeHasDenominators(parseScope('postal-point:33100'))).toBe(false);
    expect(scopeHasDenominators(parseScope('commune:04249'))).toBe(false);
  });
});
