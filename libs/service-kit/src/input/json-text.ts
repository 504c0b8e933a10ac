import { FORBIDDEN_KEYS, printable, type InputLimits, type InputProblem } from './input-limits';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The deepest nesting of `{`/`[` in JSON text, stopping as soon as it passes `limit`. It reads the raw
 * bytes before `JSON.parse`, so a `[` × 50,000 body is refused without building anything; strings are
 * skipped (their brackets do not count). UTF-8 only: every structural character is one ASCII byte and
 * no byte of a multi-byte sequence is below 0x80, so a byte scan cannot be fooled.
 */
export function jsonNestingDepth(bytes: Uint8Array, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

/** A NUL anywhere, or a UTF-16 surrogate without its partner: PostgreSQL's text refuses both (a 500 before). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function textProblem(text: string): 'nul' | 'lone-surrogate' | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  return undefined;
}

const TEXT_PROBLEM_VI = {
  nul: 'chứa ký tự NUL (\\u0000)',
  'lone-surrogate': 'chứa ký tự Unicode không hợp lệ (nửa cặp surrogate)',
} as const;

function badRequest(code: string, message: string, messageVi: string): InputProblem {
  return { status: 400, code, message, messageVi };
}

function checkString(text: string, where: string, maxLength: number, what: 'value' | 'name'): InputProblem | undefined {
  const problem = textProblem(text);
  if (problem) {
    return badRequest(
      `json.${problem}`,
      `JSON ${what} at ${where} contains ${problem === 'nul' ? 'a NUL character' : 'a lone UTF-16 surrogate'}`,
      `Dữ liệu JSON tại ${where} ${TEXT_PROBLEM_VI[problem]}.`,
    );
  }
  if (text.length > maxLength) {
    return badRequest(
      what === 'name' ? 'json.name-too-long' : 'json.string-too-long',
      `JSON ${what} at ${where} is longer than ${maxLength} characters`,
      `Dữ liệu JSON tại ${where} dài quá ${maxLength} ký tự.`,
    );
  }
  return undefined;
}

/**
 * Walks a parsed JSON body once (without recursion) and names the first thing the services must never
 * see: a forbidden member name, NUL or a lone surrogate in any name or string, a string, name or
 * array over its limit. Depth was bounded before parsing, so the path stays short.
 */
export function findJsonProblem(body: unknown, limits: InputLimits): InputProblem | undefined {
  const pending: Array<{ value: unknown; path: string }> = [{ value: body, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    const where = path === '' ? 'the top level' : printable(path, 120);
    if (typeof value === 'string') {
      const problem = checkString(value, where, limits.maxStringLength, 'value');
      if (problem) return problem;
    } else if (Array.isArray(value)) {
      if (value.length > limits.maxJsonItems) {
        return badRequest('json.too-many-items', `JSON array at ${where} has more than ${limits.maxJsonItems} items`, `Danh sách tại ${where} có quá ${limits.maxJsonItems} phần tử.`);
      }
      value.forEach((item, index) => pending.push({ value: item, path: path === '' ? String(index) : `${path}.${index}` }));
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length > limits.maxJsonItems) {
        return badRequest('json.too-many-items', `JSON object at ${where} has more than ${limits.maxJsonItems} members`, `Đối tượng tại ${where} có quá ${limits.maxJsonItems} trường.`);
      }
      for (const key of keys) {
        const child = path === '' ? key : `${path}.${key}`;
        if (FORBIDDEN_KEYS.has(key)) {
          return badRequest('json.forbidden-name', `JSON member ${printable(child, 120)} is not allowed`, `Trường ${printable(child, 120)} không được phép gửi.`);
        }
        const problem = checkString(key, where, limits.maxKeyLength, 'name');
        if (problem) return problem;
        pending.push({ value: (value as Record<string, unknown>)[key], path: child });
      }
    }
  }
  return undefined;
}
