import { FORBIDDEN_KEYS, printable, type InputLimits, type InputProblem } from './input-limits';
import { textProblem } from './json-text';

function badQuery(code: string, message: string, messageVi: string): InputProblem {
  return { status: 400, code: `query.${code}`, message, messageVi };
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The first reason to refuse a query string, if any. Every parameter of every route is a flat,
 * single value: a name given twice (`purpose=a&purpose=b`) or in brackets (`limit[$ne]=x`) is refused
 * rather than guessed at, as are NUL (PostgreSQL refuses it mid-query, a 500 before), malformed
 * percent-encoding and names that mean something to JavaScript objects.
 */
export function findQueryProblem(raw: string, limits: InputLimits): InputProblem | undefined {
  if (raw.length > limits.maxQueryLength) {
    return badQuery('too-long', `Query string longer than ${limits.maxQueryLength} characters`, `Chuỗi truy vấn dài quá ${limits.maxQueryLength} ký tự.`);
  }
  const pairs = raw.split('&').filter((pair) => pair !== '');
  if (pairs.length > limits.maxQueryParameters) {
    return badQuery('too-many-parameters', `More than ${limits.maxQueryParameters} query parameters`, `Quá ${limits.maxQueryParameters} tham số truy vấn.`);
  }
  const seen = new Set<string>();
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    const name = decode(separator < 0 ? pair : pair.slice(0, separator));
    const value = decode(separator < 0 ? '' : pair.slice(separator + 1));
    if (name === undefined || value === undefined) {
      return badQuery('malformed', 'Query string has malformed percent-encoding', 'Chuỗi truy vấn mã hoá sai (%).');
    }
    const shown = printable(name);
    if (textProblem(name) || textProblem(value)) {
      return badQuery('nul-character', `Query parameter ${shown} contains a NUL or invalid character`, `Tham số ${shown} chứa ký tự không hợp lệ (NUL).`);
    }
    if (name.length > limits.maxKeyLength || /[[\]]/.test(name) || FORBIDDEN_KEYS.has(name)) {
      return badQuery('parameter-name', `Query parameter ${shown} is not a plain name (no brackets, no objects)`, `Tham số ${shown} không hợp lệ (không nhận dạng đối tượng hay mảng).`);
    }
    if (seen.has(name)) {
      return badQuery('repeated-parameter', `Query parameter ${shown} is given more than once`, `Tham số ${shown} được gửi nhiều lần.`);
    }
    seen.add(name);
  }
  return undefined;
}

/** A NUL in the path (`/dossiers/a%00b`) would reach a route parameter and PostgreSQL the same way. */
export function pathHasNul(path: string): boolean {
  return /%00/.test(path) || path.includes('\u0000');
}
