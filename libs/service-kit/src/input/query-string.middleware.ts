import { errorBody } from '../errors/error-body';
import type { InputLimits, InputProblem } from './input-limits';
import { findQueryProblem, pathHasNul } from './query-string';

interface RequestLike {
  url: string;
}
interface ResponseLike {
  status(code: number): ResponseLike;
  json(body: unknown): unknown;
}

/** Refuses a bad URL before routing (express's query parser is then only ever given clean input). */
export function queryStringMiddleware(limits: InputLimits) {
  return (request: RequestLike, response: ResponseLike, next: () => void): void => {
    const mark = request.url.indexOf('?');
    const path = mark < 0 ? request.url : request.url.slice(0, mark);
    let problem: InputProblem | undefined;
    if (pathHasNul(path)) {
      problem = { status: 400, code: 'path.nul-character', message: 'Path contains a NUL character', messageVi: 'Đường dẫn chứa ký tự không hợp lệ (NUL).' };
    } else if (mark >= 0) problem = findQueryProblem(request.url.slice(mark + 1), limits);
    if (!problem) return next();
    response.status(problem.status).json(errorBody(problem.status, { code: problem.code, message: problem.message, messageVi: problem.messageVi }));
  };
}
