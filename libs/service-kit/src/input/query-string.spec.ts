import { DEFAULT_INPUT_LIMITS } from './input-limits';
import { findQueryProblem, pathHasNul } from './query-string';

const problem = (raw: string) => findQueryProblem(raw, DEFAULT_INPUT_LIMITS)?.code;

describe('findQueryProblem', () => {
  it('accepts flat single parameters, encoded Vietnamese and empty values', () => {
    expect(problem('limit=20&offset=0&name=nguy%E1%BB%85n+v%C4%83n&flag=')).toBeUndefined();
    expect(problem('')).toBeUndefined();
  });

  it('refuses a NUL, encoded or not, in a value or a name', () => {
    expect(problem('code=a%00b')).toBe('query.nul-character');
    expect(problem('purpose=a%00b')).toBe('query.nul-character');
    expect(problem('a%00=1')).toBe('query.nul-character');
  });

  it('refuses a parameter given twice or as an object', () => {
    expect(problem('purpose=a&purpose=b')).toBe('query.repeated-parameter');
    expect(problem('limit[$ne]=x')).toBe('query.parameter-name');
    expect(problem('limit%5B%24ne%5D=x')).toBe('query.parameter-name');
    expect(problem('ids[]=1')).toBe('query.parameter-name');
    expect(problem('__proto__=x')).toBe('query.parameter-name');
  });

  it('refuses malformed percent-encoding, too many parameters and an over-long query', () => {
    expect(problem('code=%E0%A4%A')).toBe('query.malformed');
    expect(problem('code=%ED%A0%80')).toBe('query.malformed');
    expect(problem(Array.from({ length: 51 }, (_, index) => `p${index}=1`).join('&'))).toBe('query.too-many-parameters');
    expect(problem(`code=${'a'.repeat(5_000)}`)).toBe('query.too-long');
  });
});

describe('pathHasNul', () => {
  it('finds an encoded NUL in a path', () => {
    expect(pathHasNul('/dossiers/a%00b')).toBe(true);
    expect(pathHasNul('/dossiers/BCCI-1')).toBe(false);
  });
});
