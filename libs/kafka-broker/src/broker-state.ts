import type { ResolvedBrokerOptions } from './broker-options';
import type { DataWaiters } from './log/data-waiters';
import type { ProducerIdAllocator } from './log/producer-ids';
import type { TopicStore } from './log/topic-store';
import type { BrokerNode } from './server/api-handler';
import type { BrokerLogger } from './server/logger';

/** What the non-group API handlers share: the topics, the fetch waiters, and who this node is. */
export interface BrokerState {
  readonly options: ResolvedBrokerOptions;
  readonly topics: TopicStore;
  readonly waiters: DataWaiters;
  readonly producerIds: ProducerIdAllocator;
  readonly logger: BrokerLogger;
  node(): BrokerNode;
  /** Drops committed offsets of a deleted topic (the group coordinator owns them). */
  forgetTopic(topic: string): void;
  /** True once stop() began: long polls return at once so shutdown is not held up by max_wait. */
  isStopping(): boolean;
}

export const CLUSTER_ID = 'bcci-embedded-kafka';
