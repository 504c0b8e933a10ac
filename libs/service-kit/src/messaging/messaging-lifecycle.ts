import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { formatIssue, validateEvent } from '@bcci/contracts';
import { EventConsumer, measureBacklog, OutboxRelay, type DependencyWaitState, type EventHandlerFn, type MessageBus } from '@bcci/messaging';
import { DataSource } from 'typeorm';
import { ServiceMetrics } from '../metrics/service-metrics';
import { CountingProducer, eventTypeOf } from './counting-producer';
import { dependencyWaitReporter } from './dependency-wait-reporter';
import { EventHandlerRegistry, type DiscoveredHandler } from './event-handler-registry';
import { Housekeeping } from './housekeeping';
import { MESSAGE_BUS, SERVICE_KIT_OPTIONS } from './service-kit-tokens';
import type { ServiceKitOptions } from '../service-kit.options';

/**
 * Starts the outbox relay and the service's consumer once the application is bootstrapped, and stops
 * them (then closes the database) on shutdown, in that order so no handler runs on a closed pool.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private relay?: OutboxRelay;
  private relayProducer?: CountingProducer;
  private consumer?: EventConsumer;
  private handlers: DiscoveredHandler[] = [];
  private housekeeping?: Housekeeping;

  constructor(
    @Inject(SERVICE_KIT_OPTIONS) private readonly options: ServiceKitOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
    @Inject(EventHandlerRegistry) private readonly registry: EventHandlerRegistry,
  ) {}

  get consumerGroup(): string {
    return this.options.consumerGroup ?? `bcci.${this.options.serviceName}`;
  }

  get consumedTopics(): string[] {
    return [...new Set(this.handlers.map((handler) => handler.topic))];
  }

  /** Set while the consumer holds a message because the database (or another dependency) is unavailable. */
  get consumerWaitingOnDependency(): DependencyWaitState | undefined {
    return this.consumer?.waitingOnDependency;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = this.registry.discover();
    this.registerScrapeHooks();
    if (this.options.relay !== false) {
      this.relayProducer = new CountingProducer(await this.bus.createProducer(), this.metrics);
      this.relay = new OutboxRelay(this.dataSource, this.relayProducer, {
        metrics: { failed: (error) => this.logger.warn(`outbox relay cycle failed: ${String(error)}`) },
      });
      await this.relay.start();
    }
    if (this.handlers.length > 0) await this.startConsumer();
    this.housekeeping = new Housekeeping(this.dataSource, this.relay, this.consumedTopics);
    this.housekeeping.start();
  }

  private async startConsumer(): Promise<void> {
    const byType = new Map(this.handlers.map((handler) => [handler.eventType, handler]));
    const resolveHandler = (eventType: string): EventHandlerFn | undefined => {
      const handler = byType.get(eventType);
      if (!handler) return undefined;
      return async (event, context) => {
        const stop = this.metrics.handlerDuration.startTimer({ type: eventType });
        try {
          await handler.handle(event, context.manager, context);
        } finally {
          stop();
        }
      };
    };
    this.consumer = new EventConsumer({
      name: this.consumerGroup,
      topics: this.consumedTopics,
      bus: this.bus,
      dataSource: this.dataSource,
      resolveHandler,
      validate: (event) => {
        const result = validateEvent(event);
        return result.valid ? undefined : result.errors.map(formatIssue);
      },
      onDependencyWait: dependencyWaitReporter(this.consumerGroup, this.metrics, this.logger),
      onOutcome: (outcome, message, reason, eventType) => {
        this.metrics.eventsConsumed.inc({ type: eventType ?? eventTypeOf(message.value), outcome });
        if (outcome === 'dead-lettered') {
          this.metrics.deadLetters.inc({ topic: message.topic });
          this.logger.warn(`dead-lettered ${message.topic}@${message.partition}:${message.offset}: ${reason ?? ''}`);
        }
      },
    });
    await this.consumer.start();
    this.logger.log(`consumer ${this.consumerGroup} on ${this.consumedTopics.join(', ')}`);
  }

  private registerScrapeHooks(): void {
    this.metrics.onScrape(async () => {
      if (!this.dataSource.isInitialized) return;
      const { size, oldestAgeSeconds } = await measureBacklog(this.dataSource.manager);
      this.metrics.outboxBacklog.set(size);
      this.metrics.outboxOldestAge.set(oldestAgeSeconds);
    });
    this.metrics.onScrape(async () => {
      for (const { topic, messagesBehind } of await this.consumerLag()) this.metrics.consumerLag.set({ topic }, messagesBehind);
    });
  }

  /** Per consumed topic, the messages on the broker this service's group has not committed yet. */
  async consumerLag(): Promise<Array<{ topic: string; messagesBehind: number }>> {
    return Promise.all(
      this.consumedTopics.map(async (topic) => {
        const [ends, committed] = await Promise.all([this.bus.topicOffsets(topic), this.bus.committedOffsets(this.consumerGroup, topic)]);
        const done = new Map(committed.map(({ partition, offset }) => [partition, BigInt(offset)]));
        let lag = 0n;
        for (const { partition, low, high } of ends) {
          const position = done.get(partition) ?? -1n;
          lag += BigInt(high) - (position < 0n ? BigInt(low) : position);
        }
        return { topic, messagesBehind: Number(lag) };
      }),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.housekeeping?.stop();
    await this.consumer?.stop().catch((error: unknown) => this.logger.warn(`consumer stop: ${String(error)}`));
    await this.relay?.stop().catch((error: unknown) => this.logger.warn(`relay stop: ${String(error)}`));
    await this.relayProducer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
    this.relay = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** For tests and commands: one housekeeping pass now. */
  runHousekeeping(now?: number) {
    if (!this.housekeeping) throw new Error('housekeeping starts with the application');
    return this.housekeeping.runOnce(now);
  }

  /** For tests and commands: publish everything pending now. */
  drainOutbox(): Promise<number> {
    if (!this.relay) throw new Error('the outbox relay is disabled');
    return this.relay.drain();
  }
}
