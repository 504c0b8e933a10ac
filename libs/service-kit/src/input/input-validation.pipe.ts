import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { errorBody } from '../errors/error-body';
import { validationExceptionFactory } from '../errors/validation-exception.factory';
import { isInspectedJsonBody } from './json-body.parser';

function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && ![Object, Array, String, Number, Boolean].includes(metatype as never);
}

/** Deeper than any JSON body may nest (the input limits stop at 32): past it, Nest's own walk decides. */
const BINARY_SEARCH_DEPTH = 64;

/** true: a binary value somewhere; false: none; undefined: too deep to tell. */
function holdsBinary(value: unknown, depth = 0): boolean | undefined {
  if (typeof value !== 'object' || value === null) return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  if (depth >= BINARY_SEARCH_DEPTH) return undefined;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = holdsBinary(item, depth + 1);
    if (found !== false) return found;
  }
  return false;
}

/**
 * The global ValidationPipe (whitelist, forbidNonWhitelisted, transform), refusing first a body that is
 * not a JSON object where a DTO is expected: an array of 200,000 items used to be validated as an object
 * with 200,000 unknown properties, one error each.
 *
 * Before it validates, Nest walks the value three times: to close holes in arrays, to strip prototype
 * names, and (with class-validator's metadata) to find binary values where a nested object is expected.
 * Those walks cost a registration a quarter of what its validation costs, and a JSON body the inspector
 * passed holds none of these things, so it skips them. Any other value (a query, a multipart form's
 * fields, part of a body) is walked as Nest walks it.
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

  protected override closeArrayGaps(value: unknown): void {
    if (!isInspectedJsonBody(value)) super.closeArrayGaps(value);
  }

  protected override stripProtoKeys(value: unknown): void {
    if (!isInspectedJsonBody(value)) super.stripProtoKeys(value);
  }

  protected override findNestedBinaryValues(object: unknown, metadataCache?: Map<unknown, unknown[]>): ValidationError[] {
    // The instance built from the value, which holds a binary value only if the value did.
    if (holdsBinary(object) === false) return [];
    return super.findNestedBinaryValues(object, metadataCache as never);
  }
}
