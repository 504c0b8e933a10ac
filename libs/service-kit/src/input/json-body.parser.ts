import { errorBody } from '../errors/error-body';
import { findJsonProblem, jsonNestingDepth } from './json-text';
import type { InputLimits, InputProblem } from './input-limits';

interface RequestLike {
  body?: unknown;
}
interface ResponseLike {
  status(code: number): ResponseLike;
  json(body: unknown): unknown;
}
type Next = (error?: unknown) => void;

/** Thrown from body-parser's `verify` hook (before JSON.parse); bodyErrorMiddleware answers it. */
export class JsonInputRefused extends Error {
  readonly type = 'bcci.input-refused';
  constructor(readonly problem: InputProblem) {
    super(problem.message);
  }
}

function checkRawText(limits: InputLimits) {
  return (_request: unknown, _response: unknown, bytes: Buffer, encoding: string | null): void => {
    // RFC 8259 §8.1: JSON between systems is UTF-8. Other charsets would also defeat the byte scan.
    if (encoding !== null && encoding.toLowerCase().replace('-', '') !== 'utf8') {
      throw new JsonInputRefused({
        status: 415,
        code: 'json.charset',
        message: `JSON must be UTF-8, got charset ${encoding.slice(0, 20)}`,
        messageVi: 'Dữ liệu JSON phải dùng bảng mã UTF-8.',
      });
    }
    const depth = jsonNestingDepth(bytes, limits.maxJsonDepth);
    if (depth > limits.maxJsonDepth) {
      throw new JsonInputRefused({
        status: 400,
        code: 'json.too-deep',
        message: `JSON nesting deeper than ${limits.maxJsonDepth} levels`,
        messageVi: `Dữ liệu JSON lồng nhau quá ${limits.maxJsonDepth} cấp.`,
      });
    }
  };
}

/**
 * Options for the one JSON body parser of every service (body-parser's, through Nest's useBodyParser:
 * size limit, charset, inflation), with the nesting depth checked on the raw bytes before parsing.
 */
export function jsonBodyParserOptions(limitBytes: number, limits: InputLimits) {
  return { limit: limitBytes, strict: true, verify: checkRawText(limits) };
}

/**
 * Runs right after the parser: walks the parsed value once for forbidden names, NUL, lone
 * surrogates and oversized strings or arrays. Refusals are 4xx answers in the shared error shape;
 * nothing of a refused body reaches a controller.
 */
export function jsonBodyInspector(limits: InputLimits) {
  return (request: RequestLike, response: ResponseLike, next: Next): void => {
    if (request.body === undefined) return next();
    const problem = findJsonProblem(request.body, limits);
    if (!problem) return next();
    request.body = undefined;
    response.status(problem.status).json(errorBody(problem.status, { code: problem.code, message: problem.message, messageVi: problem.messageVi }));
  };
}
