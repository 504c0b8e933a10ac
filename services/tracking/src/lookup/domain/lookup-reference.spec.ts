import { failureKeys, lookupReferenceKind, normalizeLookupReference } from './lookup-reference';

describe('lookup references', () => {
  it('reads an S10 id as printed on the slip, in groups and lower case', () => {
    expect(normalizeLookupReference(' eb 123456785 vn ')).toBe('EB123456785VN');
    expect(lookupReferenceKind('EB123456785VN')).toBe('S10_ITEM');
  });

  it('counts failures against the dossier whichever reference named it, or against the reference when it names none', () => {
    expect(failureKeys('EB123456785VN', ['d-1'])).toEqual(['dossier:d-1']);
    expect(failureKeys('BCCI-33100-250312-0007', ['d-1', 'd-1'])).toEqual(['dossier:d-1']);
    expect(failureKeys('BCCI-33100-250312-9999', [])).toEqual(['reference:BCCI-33100-250312-9999']);
  });
});
