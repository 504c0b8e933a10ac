import type { ServiceName } from '../api/service-name';

/** A file sent as multipart/form-data (a scan); kept as a Blob, which IndexedDB stores as it is. */
export interface OutboxFile {
  readonly field: string;
  readonly blob: Blob;
  readonly fileName: string;
}

/** The HTTP call an action makes, stored so it can be made again exactly, with the same Idempotency-Key. */
export interface OutboxRequest {
  readonly service: ServiceName;
  readonly method: 'POST' | 'PUT';
  /** Path on the service, e.g. `/dossiers` or `/returns/<id>/attempts`. */
  readonly path: string;
  readonly json?: unknown;
  readonly file?: OutboxFile;
}

/**
 * - waiting: not sent yet, or sent without an answer (no connection, server busy); sent again by itself.
 * - sending: on its way now.
 * - done: the server accepted it; `response` holds its answer.
 * - failed: the server refused it (a 4xx other than a time-out); it waits for the user to correct or discard it.
 */
export type OutboxState = 'waiting' | 'sending' | 'done' | 'failed';

export interface OutboxItem {
  /** Also the request's Idempotency-Key: a retry, a second tab or a double click can never apply it twice. */
  readonly id: string;
  /** The staff member whose action it is: only their token ever sends it. */
  readonly owner: string;
  /** What the user sees in the outbox, in Vietnamese ("Đăng ký hồ sơ — Nguyễn Văn An"). */
  readonly label: string;
  /** What kind of action (`register-dossier`, `delivery`…), for the screens that show their own pending work. */
  readonly kind: string;
  readonly request: OutboxRequest;
  readonly state: OutboxState;
  readonly attempts: number;
  /** Why it is not done yet or why it failed, in Vietnamese. */
  readonly lastError?: string;
  readonly nextAttemptAt: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly response?: { readonly status: number; readonly body: unknown };
  /** Anything a screen wants back with the answer (the applicant's name for a provisional receipt). */
  readonly context?: Record<string, unknown>;
}

/** Where the outbox lives: IndexedDB in the browser, a Map in unit tests. */
export interface OutboxStore {
  list(owner: string): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
}
