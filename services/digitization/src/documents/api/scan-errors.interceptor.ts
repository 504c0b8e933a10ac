import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { DIGITIZATION_SETTINGS, type DigitizationSettings } from '../application/digitization-settings';
import { ScanTooLargeError, UnsupportedScanTypeError } from '../domain/scan-file';

/**
 * Gives upload refusals their own statuses: 413 for a scan above the limit (whether multer stopped
 * reading it or the domain measured it) and 415 for content that is not PDF/JPEG/PNG; both keep the
 * standard error body with a Vietnamese message. Other errors pass through to the service kit's filter.
 */
@Injectable()
export class ScanErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(DIGITIZATION_SETTINGS) private readonly settings: DigitizationSettings) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException || error instanceof ScanTooLargeError) {
          const domain = new ScanTooLargeError(this.settings.maxScanBytes);
          throw new HttpException(
            { message: domain.message, messageVi: domain.messageVi, code: domain.code, details: domain.details },
            HttpStatus.PAYLOAD_TOO_LARGE,
          );
        }
        if (error instanceof UnsupportedScanTypeError) {
          throw new HttpException(
            { message: error.message, messageVi: error.messageVi, code: error.code, details: error.details },
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          );
        }
        throw error;
      }),
    );
  }
}
