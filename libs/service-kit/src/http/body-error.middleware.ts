import { errorBody } from '../errors/error-body';
import { JsonInputRefused } from '../input/json-body.parser';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}
interface ResponseLike {
  status(code: number): ResponseLike;
  json(body: unknown): unknown;
}

/**
 * Express error middleware placed right after the body parsers: their refusals (too large, not JSON)
 * happen before Nest's exception filters and would otherwise get Express's HTML page.
 */
export function bodyErrorMiddleware(limitBytes: number) {
  return (error: BodyParserError, _request: unknown, response: ResponseLike, next: (error?: unknown) => void): void => {
    if (error instanceof JsonInputRefused) {
      const { status, code, message, messageVi } = error.problem;
      response.status(status).json(errorBody(status, { code, message, messageVi }));
      return;
    }
    if (error?.type === 'entity.too.large') {
      response.status(413).json(
        errorBody(413, {
          code: 'body-too-large',
          message: `Request body exceeds ${limitBytes} bytes`,
          messageVi: `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(limitBytes / 1024)} KB).`,
        }),
      );
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      response.status(400).json(
        errorBody(400, { code: 'malformed-json', message: 'Request body is not valid JSON', messageVi: 'Dữ liệu gửi lên không đúng định dạng JSON.' }),
      );
      return;
    }
    if (error?.type && typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      response.status(error.status).json(errorBody(error.status, { message: `Request body refused: ${error.type}` }));
      return;
    }
    next(error);
  };
}
