import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { errorBody } from '../errors/error-body';
import { validationExceptionFactory } from '../errors/validation-exception.factory';

function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && ![Object, Array, String, Number, Boolean].includes(metatype as never);
}

/**
 * The global ValidationPipe (whitelist, forbidNonWhitelisted, transform), refusing first a body that is
 * not a JSON object where a DTO is expected: an array of 200,000 items used to be validated as an object
 * with 200,000 unknown properties, one error each.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: validationExceptionFactory,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && isDtoClass(metadata.metatype) && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new BadRequestException(
        errorBody(400, { code: 'body-not-object', message: 'Request body must be a JSON object', messageVi: 'Dữ liệu gửi lên phải là một đối tượng JSON.' }),
      );
    }
    return super.transform(value, metadata);
  }
}
