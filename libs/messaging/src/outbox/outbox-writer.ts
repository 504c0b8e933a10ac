import { writeWithNextStatement, type SqlStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '../envelope/cloud-event';
import { CLOUDEVENTS_CONTENT_TYPE } from '../envelope/cloud-event';
import { createTraceparent, TRACEPARENT_HEADER } from '../envelope/trace-context';
import type { MessageHeaders } from '../ports/message-bus.port';

export interface OutboxEntry {
  topic: string;
  event: CloudEvent;
  /** Kafka key; defaults to event.subject (the dossier id). */
  key?: string;
  /** Extra Kafka headers. Pass the request's traceparent here; a new trace is started otherwise. */
  headers?: MessageHeaders;
}

/**
 * Appends events to the outbox inside the caller's transaction, so they exist if and only if the state
 * change that produced them commits (architecture.md §2.1). Never publishes anything itself.
 */
export class OutboxWriter {
  async append(manager: EntityManager, entries: OutboxEntry | OutboxEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    // An append outside a transaction would commit the event on its own, even if the state change
    // later fails: exactly the inconsistency the outbox exists to prevent.
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside a transaction (use dataSource.transaction(manager => ...))');
    }
    // Nobody reads the insert's result: it goes to PostgreSQL with the transaction's next statement (its
    // COMMIT at the latest), one round trip less; should it fail, the transaction fails with it.
    await writeWithNextStatement(manager, this.appendStatement(list));
  }

  /**
   * The INSERT of these entries, for a caller that sends it together with its own writes in one round
   * trip (combineWritableStatements); it must run it inside the transaction of the state change.
   */
  appendStatement(entries: readonly OutboxEntry[]): SqlStatement {
    if (entries.length === 0) throw new RangeError('OutboxWriter.appendStatement needs at least one entry');
    const values: unknown[] = [];
    const rows = entries.map((entry) => {
      const headers: MessageHeaders = {
        'content-type': CLOUDEVENTS_CONTENT_TYPE,
        [TRACEPARENT_HEADER]: createTraceparent(),
        ...entry.headers,
      };
      values.push(entry.event.id, entry.event.type, entry.topic, entry.key ?? entry.event.subject, JSON.stringify(entry.event), JSON.stringify(headers));
      const n = values.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n}::jsonb)`;
    });
    return { text: `INSERT INTO outbox (event_id, event_type, topic, message_key, envelope, headers) VALUES ${rows.join(', ')}`, values };
  }
}
