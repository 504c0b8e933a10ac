import { DEFAULT_INPUT_LIMITS } from './input-limits';
import { findJsonProblem, jsonNestingDepth, textProblem } from './json-text';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestingDepth (raw bytes, before JSON.parse)', () => {
  it('counts objects and arrays', () => {
    expect(jsonNestingDepth(bytes('{"a":[{"b":1},[2]]}'), 32)).toBe(3);
    expect(jsonNestingDepth(bytes('[]'), 32)).toBe(1);
    expect(jsonNestingDepth(bytes('"just text"'), 32)).toBe(0);
  });

  it('stops past the limit on a hostile body without reading it all', () => {
    expect(jsonNestingDepth(bytes('{"a":'.repeat(5_000)), 32)).toBe(33);
    expect(jsonNestingDepth(bytes('['.repeat(50_000)), 32)).toBe(33);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingDepth(bytes(`{"note":"${'['.repeat(100)}","q":"say \\"[[[\\" ok"}`), 32)).toBe(1);
    expect(jsonNestingDepth(bytes('{"a":"\\\\","b":[[1]]}'), 32)).toBe(3);
  });

  it('is not fooled by multi-byte UTF-8 text', () => {
    expect(jsonNestingDepth(bytes('{"lý do":"Người nộp đề nghị rút [ { ]"}'), 32)).toBe(1);
  });
});

describe('textProblem', () => {
  it('finds NUL and lone surrogates, accepts paired surrogates and Vietnamese', () => {
    expect(textProblem('a\u0000b')).toBe('nul');
    expect(textProblem('x\ud800y')).toBe('lone-surrogate');
    expect(textProblem('x\udc00')).toBe('lone-surrogate');
    expect(textProblem('\ud800')).toBe('lone-surrogate');
    expect(textProblem('hồ sơ 📄')).toBeUndefined();
  });
});

describe('findJsonProblem (parsed body, one walk)', () => {
  const limits = { ...DEFAULT_INPUT_LIMITS, maxJsonItems: 5, maxStringLength: 10, maxKeyLength: 8 };

  it('accepts an ordinary body', () => {
    expect(findJsonProblem({ reason: 'rút hồ sơ', items: [1, 2, { a: null }] }, limits)).toBeUndefined();
  });

  it('refuses NUL and lone surrogates in values, in nested values and in names', () => {
    expect(findJsonProblem(JSON.parse('{"reason":"a\\u0000b"}'), limits)).toMatchObject({ status: 400, code: 'json.nul' });
    expect(findJsonProblem(JSON.parse('{"a":[{"b":"x\\ud800y"}]}'), limits)).toMatchObject({ code: 'json.lone-surrogate', message: expect.stringContaining('"a.0.b"') });
    expect(findJsonProblem(JSON.parse('{"a\\u0000":1}'), limits)).toMatchObject({ code: 'json.nul' });
  });

  it('refuses __proto__, constructor and prototype as member names, top level or nested', () => {
    expect(findJsonProblem(JSON.parse('{"__proto__":{"admin":true}}'), limits)).toMatchObject({ code: 'json.forbidden-name' });
    expect(findJsonProblem(JSON.parse('{"constructor":{"prototype":1}}'), limits)).toMatchObject({ code: 'json.forbidden-name' });
    expect(findJsonProblem(JSON.parse('{"a":{"b":{"prototype":1}}}'), limits)).toMatchObject({ code: 'json.forbidden-name', message: expect.stringContaining('a.b.prototype') });
  });

  it('refuses arrays, objects, strings and names over their limits', () => {
    expect(findJsonProblem([1, 2, 3, 4, 5, 6], limits)).toMatchObject({ code: 'json.too-many-items' });
    expect(findJsonProblem({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, limits)).toMatchObject({ code: 'json.too-many-items' });
    expect(findJsonProblem({ a: 'x'.repeat(11) }, limits)).toMatchObject({ code: 'json.string-too-long' });
    expect(findJsonProblem({ ['k'.repeat(9)]: 1 }, limits)).toMatchObject({ code: 'json.name-too-long' });
  });

  it('keeps its message small however long the offending name is', () => {
    const problem = findJsonProblem({ ['\u0000'.repeat(100_000)]: 1 }, DEFAULT_INPUT_LIMITS);
    expect(problem?.code).toBe('json.nul');
    expect(JSON.stringify(problem).length).toBeLessThan(500);
  });
});
