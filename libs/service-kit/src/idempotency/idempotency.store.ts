import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import { requestFingerprint } from './request-fingerprint';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key support (architecture.md §3): a retried creating request returns the first answer
 * instead of doing the work twice. Runs inside the use case's transaction, so the key, the state
 * change and the outbox rows commit (or roll back) together.
 *
 * Concurrent retries: the second INSERT waits on the first transaction's row lock; if the first
 * commits, the second returns its answer; if it rolls back, the second does the work.
 */
@Injectable()
export class IdempotencyStore {
  /**
   * @param scope e.g. `register-dossier:33100` — keys are unique per scope, not globally.
   * @param key the client's Idempotency-Key header; undefined runs `fn` without protection.
   * @param request what identifies the request (usually the body); a reused key with a different
   *   request is a client bug → ConflictError (409).
   * @returns fn's result the first time; the stored result (as JSON, Dates become strings) on a retry.
   */
  async run<T>(manager: EntityManager, scope: string, key: string | undefined, fn: () => Promise<T>, request?: unknown): Promise<T> {
    if (key === undefined) return fn();
    if (!KEY_PATTERN.test(key)) {
      throw new InvalidInputError({
        code: 'idempotency-key.format',
        message: 'Idempotency-Key must be 1 to 200 visible ASCII characters',
        messageVi: 'Khóa Idempotency-Key không hợp lệ (1 đến 200 ký tự ASCII, không có khoảng trắng).',
      });
    }
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('IdempotencyStore.run must run inside a transaction (use dataSource.transaction(manager => ...))');
    }
    const fingerprint = request === undefined ? null : requestFingerprint(request);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (scope, key, request_fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, fingerprint],
    );
    if (inserted.length === 0) {
      const [stored] = (await manager.query(`SELECT request_fingerprint, response FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key])) as Array<{
        request_fingerprint: string | null;
        response: { value: T } | null;
      }>;
      if (stored && stored.request_fingerprint !== fingerprint) {
        throw new ConflictError({
          code: 'idempotency-key.reused',
          message: 'This Idempotency-Key was already used for a different request',
          messageVi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
        });
      }
      if (stored?.response) return stored.response.value;
      // Only possible if the first transaction is still open on this very connection.
      throw new ConflictError({
        code: 'idempotency-key.in-progress',
        message: 'A request with this Idempotency-Key is still being processed',
        messageVi: 'Yêu cầu với khóa Idempotency-Key này đang được xử lý, vui lòng thử lại sau.',
      });
    }
    const result = await fn();
    // Wrapped so that `undefined` and primitives round-trip through jsonb.
    await manager.query(`UPDATE idempotency_keys SET response = $3::jsonb WHERE scope = $1 AND key = $2`, [
      scope,
      key,
      JSON.stringify({ value: result ?? null }),
    ]);
    return result;
  }
}
