import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-bcci-signature';
export const TIMESTAMP_HEADER = 'x-bcci-timestamp';

/**
 * HMAC-SHA256 over `<timestamp>.<raw body>` with the agency's secret: the timestamp inside the MAC lets
 * the receiver refuse replays older than its tolerance.
 */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Receiver-side check (for agencies, and for our tests): constant-time comparison. */
export function verifyWebhookSignature(secret: string, timestamp: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
