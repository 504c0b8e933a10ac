// Envelope
export type { CloudEvent } from './envelope/cloud-event';
export { CLOUDEVENTS_CONTENT_TYPE } from './envelope/cloud-event';
export { buildEvent, eventCausedBy, parseEvent, type NewEvent } from './envelope/build-event';
export {
  TRACEPARENT_HEADER,
  createTraceparent,
  childTraceparent,
  parseTraceparent,
  formatTraceparent,
  type TraceParent,
} from './envelope/trace-context';
export { deadLetterTopicOf, isDeadLetterTopic } from './envelope/topics';
// Port
export type * from './ports/message-bus.port';
// Outbox
export { OutboxMessageOrmEntity } from './outbox/outbox-message.orm-entity';
export { CreateOutboxTable1735689600000, OUTBOX_NOTIFY_CHANNEL } from './outbox/create-outbox-table.migration';
export { OutboxWriter, type OutboxEntry } from './outbox/outbox-writer';
export { outboxEntryFor, outboxEntryOf, type Causation } from './outbox/outbox-entry';
export { OutboxRelay, type OutboxRelayOptions, type OutboxRelayMetrics } from './outbox/outbox-relay';
export { claimForPublishing, measureBacklog, type OutboxBacklog, type ClaimedOutboxRow } from './outbox/outbox-store';
// Inbox
export { InboxRecordOrmEntity } from './inbox/inbox-record.orm-entity';
export { CreateInboxTable1735689600001 } from './inbox/create-inbox-table.migration';
export { Inbox } from './inbox/inbox';
export { IndexInboxProcessedAt1735689600002 } from './inbox/index-inbox-processed-at.migration';
// Everything a service adds to its DataSource.
export { messagingEntities, messagingMigrations } from './messaging-schema';
// Consumer runtime
export { DEFAULT_RETRY_POLICY, DEFAULT_DEPENDENCY_BACKOFF, backoffDelayMs, type RetryPolicy, type Backoff } from './consumer/retry-policy';
export { NonRetriableError, EventValidationError, DependencyUnavailableError, describeError } from './consumer/consumer-errors';
export { classifyFailure, type FailureClass } from './consumer/failure-classification';
export { decideAfterFailure, type FailureDecision, type FailureHistory, type FailurePolicies } from './consumer/failure-decision';
export { DependencyWaitTracker, ANNOUNCE_AFTER_FAILURES, type DependencyWaitListener, type DependencyWaitState } from './consumer/dependency-wait';
export { interruptibleSleep, type Sleep } from './consumer/interruptible-sleep';
export { runFetchByFetch, type FetchByFetchOptions } from './consumer/fetch-by-fetch';
export type { Delivery } from './consumer/delivery-coalescer';
export type { EventContext, EventHandlerFn, HandlerResolver, EventValidator, TransactionRunner, InboxPort } from './consumer/event-handler';
export { MessageProcessor, type MessageProcessorDeps, type MessageOutcome, type ProcessResult } from './consumer/message-processor';
export { EventConsumer, type EventConsumerOptions } from './consumer/event-consumer';
export { RunFacts, type ConsumerRun } from './consumer/run-facts';
// Dead letters
export { DLQ_HEADERS, toDeadLetter, fromDeadLetter, type DeadLetterCause } from './dead-letter/dead-letter-headers';
export { replayDeadLetters, type ReplayOptions, type ReplayProgress } from './dead-letter/replay-dead-letters';
// kafkajs adapter (the only kafkajs import)
export { KafkajsMessageBus, type KafkajsBusOptions } from './kafkajs/kafkajs-message-bus.adapter';
export { requestQueueTimerFix } from './kafkajs/request-queue-timer-fix';
