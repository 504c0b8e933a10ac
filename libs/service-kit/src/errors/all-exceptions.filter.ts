import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError, DomainValidationError } from '@bcci/kernel';
import { DOMAIN_ERROR_STATUS } from './domain-error-status';
import { errorBody, httpErrorName, type ErrorBody } from './error-body';

interface ResponseLike {
  headersSent?: boolean;
  status(code: number): ResponseLike;
  json(body: unknown): unknown;
}

/**
 * The single place where errors become HTTP answers `{ statusCode, error, message, messageVi, code?, details? }`.
 * Domain errors map by kind; Nest's HttpExceptions keep their status (and messageVi when they carry
 * one); anything else is a bug: 500 with a generic message, logged with its stack, never leaked.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<ResponseLike>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return errorBody(DOMAIN_ERROR_STATUS[exception.kind], {
        message: exception.message,
        messageVi: exception.messageVi,
        code: exception.code,
        details: exception.details,
      });
    }
    if (exception instanceof DomainValidationError) {
      return errorBody(400, { message: exception.message, messageVi: exception.messageVi, code: exception.code });
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception);

    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : `Non-error thrown: ${String(exception)}`);
    return errorBody(500, { message: 'Internal server error' });
  }

  private fromHttpException(exception: HttpException): ErrorBody {
    const status = exception.getStatus();
    const raw = exception.getResponse();
    if (typeof raw === 'string') return errorBody(status, { message: raw });
    const fields = raw as Record<string, unknown>;
    const message = Array.isArray(fields['message']) ? fields['message'].join('; ') : String(fields['message'] ?? exception.message);
    return errorBody(status, {
      error: typeof fields['error'] === 'string' ? fields['error'] : httpErrorName(status),
      message,
      messageVi: typeof fields['messageVi'] === 'string' ? fields['messageVi'] : undefined,
      code: typeof fields['code'] === 'string' ? fields['code'] : undefined,
      details: fields['details'],
      issueCount: typeof fields['issueCount'] === 'number' ? fields['issueCount'] : undefined,
    });
  }
}
