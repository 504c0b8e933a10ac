import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * How often the event loop's delay is sampled for nodejs_eventloop_lag_*: prom-client's default, 10 ms,
 * wakes an idle process a hundred times a second for it. Twenty samples a second still put three hundred
 * between two scrapes 15 s apart, and each sample's delay is measured exactly whatever the interval.
 */
const EVENT_LOOP_SAMPLING_MS = 50;

/** Node's process metrics (CPU, memory, GC, event loop) on a registry, sampled as above. */
export function collectProcessMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLING_MS });
}

/**
 * The Prometheus registry of one service (one per application, so tests can run several apps in one
 * process). Gauges that need the database or the broker are filled by ServiceKitModule on scrape.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly eventsProduced = new Counter({
    name: 'events_produced_total',
    help: 'Events published to Kafka by the outbox relay, by type (a relay retry counts again)',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly eventsConsumed = new Counter({
    name: 'events_consumed_total',
    help: 'Events consumed, by type and outcome (handled, duplicate, ignored, dead-lettered)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly handlerDuration = new Histogram({
    name: 'event_handler_duration_seconds',
    help: 'Duration of @OnEvent handlers (inside the inbox transaction), by type',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'dead_letters_total',
    help: 'Messages sent to a dead-letter topic, by source topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly outboxBacklog = new Gauge({ name: 'outbox_backlog_size', help: 'Outbox rows not yet published', registers: [this.registry] });
  readonly outboxOldestAge = new Gauge({
    name: 'outbox_oldest_age_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when empty)',
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'consumer_lag',
    help: "Messages not yet committed by the service's consumer group, by topic",
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly consumerWaitingOnDependency = new Gauge({
    name: 'messaging_consumer_waiting_on_dependency',
    help: "1 while the service's consumer holds a message because a dependency (database, broker) is unavailable",
    registers: [this.registry],
  });
  readonly consumerDependencyRetries = new Counter({
    name: 'messaging_consumer_dependency_retries_total',
    help: 'Attempts of the consumer that failed because a dependency was unavailable (the message was kept and retried)',
    registers: [this.registry],
  });

  constructor(serviceName: string) {
    this.registry.setDefaultLabels({ service: serviceName });
    collectProcessMetrics(this.registry);
  }

  /** Runs `collect` before every scrape (database or broker reads); failures leave the last values. */
  onScrape(collect: () => Promise<void>): void {
    this.scrapeHooks.push(collect);
  }

  async render(): Promise<string> {
    await Promise.all(this.scrapeHooks.map((hook) => hook().catch(() => undefined)));
    return this.registry.metrics();
  }

  private readonly scrapeHooks: Array<() => Promise<void>> = [];
}
