import { randomUUID } from 'node:crypto';
import { derivedUuid, isUuid } from '../../shared/derived-uuid';

/**
 * The command id of an HTTP decision: the Idempotency-Key when it is a UUID (so an agency can use the
 * same id over HTTP and Kafka), a stable UUID derived from it otherwise, a fresh one without a key.
 */
export function commandIdFrom(issuer: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return randomUUID();
  return isUuid(idempotencyKey) ? idempotencyKey.toLowerCase() : derivedUuid(`${issuer}:${idempotencyKey}`);
}
