import { DEFAULT_WEBHOOK_RETRY, nextWebhookDelayMs } from './webhook-backoff';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook HMAC-SHA256 signature', () => {
  it('signs timestamp and raw body so a receiver with the secret can verify them', () => {
    const signature = signWebhook('s3cret-of-the-agency', '1741746245', '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('s3cret-of-the-agency', '1741746245', '{"a":1}', signature)).toBe(true);
  });

  it('fails verification when the body, the timestamp or the secret differ', () => {
    const signature = signWebhook('s3cret-of-the-agency', '1741746245', '{"a":1}');
    expect(verifyWebhookSignature('s3cret-of-the-agency', '1741746245', '{"a":2}', signature)).toBe(false);
    expect(verifyWebhookSignature('s3cret-of-the-agency', '1741746246', '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature('another-secret-value', '1741746245', '{"a":1}', signature)).toBe(false);
  });
});

describe('webhook retries with exponential backoff', () => {
  it('doubles the delay after each failure, up to the cap', () => {
    const policy = { ...DEFAULT_WEBHOOK_RETRY, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4].map((n) => nextWebhookDelayMs(policy, n))).toEqual([1000, 2000, 4000, 5000]);
  });
});
