import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ApiKey } from '../protocol/api-keys';

export interface MetricsSources {
  partitions(): { topic: string; partition: number; highWatermark: number; logStartOffset: number; sizeBytes: number }[];
  groups(): { groupId: string; state: string; members: number }[];
}

/** Prometheus metrics of the broker, on a registry of its own so an embedding process keeps its own. */
export class BrokerMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'kafka_broker_requests_total',
    help: 'Requests handled, by API and outcome',
    labelNames: ['api', 'outcome'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'kafka_broker_request_duration_seconds',
    help: 'Time from a request frame arriving to its response being written (includes fetch long-polls)',
    labelNames: ['api'],
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });
  private readonly bytesIn = new Counter({
    name: 'kafka_broker_bytes_in_total',
    help: 'Request bytes received',
    registers: [this.registry],
  });
  private readonly bytesOut = new Counter({
    name: 'kafka_broker_bytes_out_total',
    help: 'Response bytes sent',
    registers: [this.registry],
  });
  readonly connections = new Gauge({ name: 'kafka_broker_connections', help: 'Open client connections', registers: [this.registry] });

  constructor(sources: MetricsSources) {
    new Gauge({
      name: 'kafka_broker_partition_high_watermark',
      help: 'Next offset to be written, per partition',
      labelNames: ['topic', 'partition'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const p of sources.partitions()) this.set({ topic: p.topic, partition: String(p.partition) }, p.highWatermark);
      },
    });
    new Gauge({
      name: 'kafka_broker_partition_log_start_offset',
      help: 'First offset still on disk, per partition',
      labelNames: ['topic', 'partition'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const p of sources.partitions()) this.set({ topic: p.topic, partition: String(p.partition) }, p.logStartOffset);
      },
    });
    new Gauge({
      name: 'kafka_broker_partition_size_bytes',
      help: 'Bytes on disk, per partition',
      labelNames: ['topic', 'partition'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const p of sources.partitions()) this.set({ topic: p.topic, partition: String(p.partition) }, p.sizeBytes);
      },
    });
    new Gauge({
      name: 'kafka_broker_group_members',
      help: 'Members of each consumer group, labelled with the group state',
      labelNames: ['group', 'state'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const g of sources.groups()) this.set({ group: g.groupId, state: g.state }, g.members);
      },
    });
  }

  observe(apiKey: number, outcome: 'ok' | 'error', seconds: number, requestBytes: number, responseBytes: number): void {
    const api = ApiKey[apiKey] ?? String(apiKey);
    this.requests.inc({ api, outcome });
    this.latency.observe({ api }, seconds);
    this.bytesIn.inc(requestBytes);
    if (responseBytes > 0) this.bytesOut.inc(responseBytes);
  }
}
