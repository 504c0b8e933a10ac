import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The request's `Idempotency-Key` header, or undefined. Pair with @ApiIdempotencyKey() for OpenAPI. */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[IDEMPOTENCY_KEY_HEADER];
  return Array.isArray(value) ? value[0] : value;
});

export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the first answer and creates nothing twice.' });
