import { ConflictError, DomainError, ForbiddenError, InvalidInputError, isDomainError, NotFoundError, RuleViolationError } from './domain-error';

describe('DomainError', () => {
  const init = { code: 'x.y', message: 'English', messageVi: 'Tiếng Việt' };

  it.each([
    [InvalidInputError, 'invalid'],
    [NotFoundError, 'not-found'],
    [ConflictError, 'conflict'],
    [ForbiddenError, 'forbidden'],
    [RuleViolationError, 'rule-violation'],
  ] as const)('%p has kind %s and keeps code and both messages', (Type, kind) => {
    const error = new Type({ ...init, details: { field: 'a' } });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({ kind, code: 'x.y', message: 'English', messageVi: 'Tiếng Việt', details: { field: 'a' }, name: Type.name });
  });

  it('leaves details absent when not given', () => {
    expect('details' in new ConflictError(init)).toBe(false);
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});
