import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '../envelope/cloud-event';
import type { IncomingMessage } from '../ports/message-bus.port';

export interface EventContext {
  /** The transaction in which the inbox row is written; do ALL database work of the handler with it. */
  manager: EntityManager;
  message: IncomingMessage;
  /** traceparent for anything this handler emits (a child span of the incoming trace). */
  traceparent: string;
  consumer: string;
  /** 1 for the first delivery attempt within this process. */
  attempt: number;
  /**
   * Runs `work` once, in this transaction, after the last handler of the transaction returned and
   * before the commit. A consumer run handles many events in one transaction: a handler that gathers
   * its events here writes them together (one statement for the run instead of several per event).
   * Work registered twice under the same `key` runs once. A failure in it fails the whole transaction,
   * exactly as a failing handler does (the run is then handled one event per transaction).
   */
  beforeCommit(key: object, work: () => Promise<void>): void;
}

export type EventHandlerFn = (event: CloudEvent, context: EventContext) => Promise<void>;

/** Finds the handler for an event type; undefined means "not for this consumer" (offset moves on). */
export type HandlerResolver = (eventType: string) => EventHandlerFn | undefined;

/** Returns problems found (empty or undefined when the event is valid). E.g. Ajv against contracts/. */
export type EventValidator = (event: CloudEvent) => string[] | undefined | Promise<string[] | undefined>;

/** Runs work in one database transaction; DataSource.transaction fits. */
export type TransactionRunner = <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;

/**
 * The consumer's record of handled events. Where the transaction lets steps presume (presumption.ts in
 * @bcci/persistence), an inbox may record events as new without asking (Inbox does); the consumer
 * allows it on a message's first try and reruns at once should a presumed record meet one handled before.
 */
export interface InboxPort {
  record(manager: EntityManager, consumer: string, eventId: string): Promise<boolean>;
  /** Records several events at once; answers the ids recorded now (the others were handled before). */
  recordMany?(manager: EntityManager, consumer: string, eventIds: readonly string[]): Promise<Set<string>>;
}
