import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError } from '@bcci/kernel';
import { presumeIfAllowed, writeWithNextStatement, type SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import { requestFingerprint } from './request-fingerprint';

/** The constraint a presumed key meets when it was taken (the table's primary key, scope and key). */
const IDEMPOTENCY_KEYS_PRIMARY_KEY = 'idempotency_keys_pkey';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** One key of a batch: `request` is what identifies the request (usually the body). */
export interface IdempotencyClaimRequest {
  readonly scope: string;
  readonly key: string;
  readonly request?: unknown;
}

/** The result of a claimed key's request, stored for its retries. */
export interface IdempotencyRecord {
  readonly scope: string;
  readonly key: string;
  readonly result: unknown;
}

/**
 * Per key of a batch: `new` (do the work, then record its result), `replay` (answer the stored result of
 * the first request) or `refused` (the key belongs to another request, or that request is still open).
 */
export type IdempotencyClaim<T> =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly value: T }
  | { readonly kind: 'refused'; readonly error: ConflictError };

interface StoredKey<T> {
  request_fingerprint: string | null;
  response: { value: T } | null;
}

/**
 * Idempotency-Key support (architecture.md §3): a retried creating request returns the first answer
 * instead of doing the work twice. Runs inside the use case's transaction, so the key, the state
 * change and the outbox rows commit (or roll back) together.
 *
 * Concurrent retries: the second INSERT waits on the first transaction's row lock; if the first
 * commits, the second returns its answer; if it rolls back, the second does the work.
 *
 * In a transaction of transactionWithRetry the keys are presumed new (see presumption.ts in
 * @bcci/persistence): their INSERT costs no round trip of its own, and a retried request's key fails
 * the first try, which is run again at once asking, and answered as above.
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
    const [claim] = await this.claimMany<T>(manager, [{ scope, key, request }]);
    if (claim!.kind === 'replay') return claim!.value;
    if (claim!.kind === 'refused') throw claim!.error;
    const result = await fn();
    await this.recordMany(manager, [{ scope, key, result }]);
    return result;
  }

  /**
   * Claims the keys of several requests in one statement, for a transaction that writes them together.
   * Keys must be distinct within one call (the caller writes a repeated key in a later transaction).
   * Throws InvalidInputError if a key is malformed: check keys with `assertValidKey` before batching.
   */
  async claimMany<T>(manager: EntityManager, claims: readonly IdempotencyClaimRequest[]): Promise<IdempotencyClaim<T>[]> {
    for (const claim of claims) IdempotencyStore.assertValidKey(claim.key);
    assertInTransaction(manager);
    if (claims.length === 0) return [];
    const fingerprints = claims.map((claim) => (claim.request === undefined ? null : requestFingerprint(claim.request)));
    const columns = [claims.map((claim) => claim.scope), claims.map((claim) => claim.key), fingerprints];
    if (presumeIfAllowed(manager, IDEMPOTENCY_KEYS_PRIMARY_KEY)) {
      // Presumed new (a retry is rare): no ON CONFLICT, sent with the step's next statement. A key that
      // was taken fails the transaction, and transactionWithRetry runs the step again, asking then.
      await writeWithNextStatement(manager, {
        text: `INSERT INTO idempotency_keys (scope, key, request_fingerprint)
         SELECT scope, key, fingerprint FROM unnest($1::text[], $2::text[], $3::text[]) AS c(scope, key, fingerprint) ORDER BY scope, key`,
        values: columns,
      });
      return claims.map(() => ({ kind: 'new' }));
    }
    // Sorted, so that two transactions claiming overlapping keys lock them in the same order.
    const inserted: { scope: string; key: string }[] = await manager.query(
      `INSERT INTO idempotency_keys (scope, key, request_fingerprint)
       SELECT scope, key, fingerprint FROM unnest($1::text[], $2::text[], $3::text[]) AS c(scope, key, fingerprint) ORDER BY scope, key
       ON CONFLICT (scope, key) DO NOTHING RETURNING scope, key`,
      columns,
    );
    const claimed = new Set(inserted.map((row) => idOf(row.scope, row.key)));
    const taken = claims.filter((claim) => !claimed.has(idOf(claim.scope, claim.key)));
    const stored = new Map<string, StoredKey<T>>();
    if (taken.length > 0) {
      const rows: (StoredKey<T> & { scope: string; key: string })[] = await manager.query(
        `SELECT k.scope, k.key, k.request_fingerprint, k.response FROM idempotency_keys k
         JOIN unnest($1::text[], $2::text[]) AS c(scope, key) ON k.scope = c.scope AND k.key = c.key`,
        [taken.map((claim) => claim.scope), taken.map((claim) => claim.key)],
      );
      for (const row of rows) stored.set(idOf(row.scope, row.key), row);
    }
    return claims.map((claim, i) => {
      const id = idOf(claim.scope, claim.key);
      return claimed.has(id) ? { kind: 'new' } : answerFromStore(stored.get(id), fingerprints[i]!);
    });
  }

  /**
   * Stores the results of claimed keys, in the transaction that did the work: sent with its next
   * statement (the COMMIT, as a rule), since nobody reads what the UPDATE returns; should it fail, the
   * transaction fails with it.
   */
  async recordMany(manager: EntityManager, records: readonly IdempotencyRecord[]): Promise<void> {
    if (records.length === 0) return;
    await writeWithNextStatement(manager, this.recordStatement(records));
  }

  /** The UPDATE that recordMany sends, for a caller that combines it with its own writes in one round trip. */
  recordStatement(records: readonly IdempotencyRecord[]): SqlStatement {
    // Wrapped so that `undefined` and primitives round-trip through jsonb.
    return {
      text: `UPDATE idempotency_keys k SET response = r.response
       FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS r(scope, key, response)
       WHERE k.scope = r.scope AND k.key = r.key`,
      values: [records.map((r) => r.scope), records.map((r) => r.key), records.map((r) => JSON.stringify({ value: r.result ?? null }))],
    };
  }

  /** A key a client may send: 1 to 200 visible ASCII characters. */
  static assertValidKey(key: string): void {
    if (!KEY_PATTERN.test(key)) {
      throw new InvalidInputError({
        code: 'idempotency-key.format',
        message: 'Idempotency-Key must be 1 to 200 visible ASCII characters',
        messageVi: 'Khóa Idempotency-Key không hợp lệ (1 đến 200 ký tự ASCII, không có khoảng trắng).',
      });
    }
  }
}

function idOf(scope: string, key: string): string {
  return `${scope}\u0000${key}`;
}

function assertInTransaction(manager: EntityManager): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('IdempotencyStore must run inside a transaction (use dataSource.transaction(manager => ...))');
  }
}

function answerFromStore<T>(stored: StoredKey<T> | undefined, fingerprint: string | null): IdempotencyClaim<T> {
  if (stored && stored.request_fingerprint !== fingerprint) {
    return {
      kind: 'refused',
      error: new ConflictError({
        code: 'idempotency-key.reused',
        message: 'This Idempotency-Key was already used for a different request',
        messageVi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
      }),
    };
  }
  if (stored?.response) return { kind: 'replay', value: stored.response.value };
  // Only possible if the first transaction is still open on this very connection.
  return {
    kind: 'refused',
    error: new ConflictError({
      code: 'idempotency-key.in-progress',
      message: 'A request with this Idempotency-Key is still being processed',
      messageVi: 'Yêu cầu với khóa Idempotency-Key này đang được xử lý, vui lòng thử lại sau.',
    }),
  };
}
