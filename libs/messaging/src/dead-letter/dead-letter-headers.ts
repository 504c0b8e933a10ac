import { DeadLetterHeader } from '@bcci/contracts';
import { deadLetterTopicOf } from '../envelope/topics';
import type { IncomingMessage, MessageHeaders, OutgoingMessage } from '../ports/message-bus.port';

/**
 * Headers a dead letter carries besides the original ones (names from the contract
 * `common/dead-letter-headers.v1`); the replay command strips them.
 */
export const DLQ_HEADERS = {
  originalTopic: DeadLetterHeader.OriginalTopic,
  originalPartition: DeadLetterHeader.OriginalPartition,
  originalOffset: DeadLetterHeader.OriginalOffset,
  reason: DeadLetterHeader.Reason,
  errorKind: DeadLetterHeader.ErrorKind,
  consumer: DeadLetterHeader.Consumer,
  attempts: DeadLetterHeader.Attempts,
  failedAt: DeadLetterHeader.FailedAt,
  /** Set on a replayed message, so a consumer's logs can tell a replay from a first delivery. */
  replayedAt: 'dlq-replayed-at',
} as const;

export interface DeadLetterCause {
  reason: string;
  /** VALIDATION: the event breaks its contract; PROCESSING: the handler kept failing after retries. */
  errorKind: 'VALIDATION' | 'PROCESSING';
  consumer: string;
  attempts: number;
  failedAt?: Date;
}

/** The dead letter for `message`: same key and value, original headers plus where and why it failed. */
export function toDeadLetter(message: IncomingMessage, cause: DeadLetterCause): OutgoingMessage {
  return {
    topic: deadLetterTopicOf(message.topic),
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value ?? Buffer.alloc(0),
    headers: {
      ...message.headers,
      [DLQ_HEADERS.originalTopic]: message.topic,
      [DLQ_HEADERS.originalPartition]: String(message.partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.reason]: cause.reason,
      [DLQ_HEADERS.errorKind]: cause.errorKind,
      [DLQ_HEADERS.consumer]: cause.consumer,
      [DLQ_HEADERS.attempts]: String(cause.attempts),
      [DLQ_HEADERS.failedAt]: (cause.failedAt ?? new Date()).toISOString(),
    },
  };
}

/** The message to republish for a dead letter: back to its original topic, DLQ headers removed. */
export function fromDeadLetter(deadLetter: IncomingMessage, now = new Date()): OutgoingMessage {
  const topic = deadLetter.headers[DLQ_HEADERS.originalTopic];
  if (!topic) throw new Error(`dead letter ${deadLetter.topic}/${deadLetter.partition}@${deadLetter.offset} lacks ${DLQ_HEADERS.originalTopic}`);
  const dlqNames = new Set<string>(Object.values(DLQ_HEADERS));
  const headers: MessageHeaders = {};
  for (const [name, value] of Object.entries(deadLetter.headers)) if (!dlqNames.has(name)) headers[name] = value;
  headers[DLQ_HEADERS.replayedAt] = now.toISOString();
  return { topic, key: deadLetter.key ? deadLetter.key.toString('utf8') : null, value: deadLetter.value ?? Buffer.alloc(0), headers };
}
