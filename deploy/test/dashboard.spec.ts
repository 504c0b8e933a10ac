// The Grafana dashboard parses and queries only documented metrics: those of @bcci/service-kit, of the
// project's broker (docs/kafka-broker.md "Metrics") and of Kafka Exporter (docs/operations.md).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, readText } from './deploy-fixtures';

const SERVICE_KIT_METRICS = [
  'http_requests_total',
  'http_request_duration_seconds',
  'events_produced_total',
  'events_consumed_total',
  'event_handler_duration_seconds',
  'outbox_backlog_size',
  'outbox_oldest_age_seconds',
  'consumer_lag',
  'dead_letters_total',
  'messaging_consumer_waiting_on_dependency',
  'messaging_consumer_dependency_retries_total',
];
const KAFKA_EXPORTER_METRICS = ['kafka_consumergroup_lag', 'kafka_topic_partition_current_offset', 'kafka_brokers'];

interface Panel {
  type: string;
  title: string;
  targets?: Array<{ expr: string }>;
}

const DASHBOARD_DIR = path.join(ROOT, 'deploy', 'grafana', 'dashboards');
const dashboards = fs.readdirSync(DASHBOARD_DIR).filter((f) => f.endsWith('.json'));

function brokerMetrics(): string[] {
  const doc = readText('docs/kafka-broker.md');
  const section = doc.slice(doc.indexOf('## Metrics'), doc.indexOf('\n## ', doc.indexOf('## Metrics') + 1));
  return [...section.matchAll(/`(kafka_broker_[a-z_]+)`/g)].map((m) => m[1]);
}

/** Metric names of a PromQL expression: identifiers followed by `{` or `[` or standing alone, minus keywords. */
function metricNames(expr: string): string[] {
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const withoutGrouping = withoutStrings.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const identifiers = withoutGrouping.match(/[a-zA-Z_:][a-zA-Z0-9_:]*(?=\s*[{[]|\s*\)|\s*$|\s*[-+*/])/g) ?? [];
  const functionsAndKeywords = /^(sum|max|min|avg|count|rate|increase|irate|deriv|histogram_quantile|by|without|le|and|or|unless)$/;
  return [...new Set(identifiers.filter((id) => !functionsAndKeywords.test(id)))];
}

/** A histogram is queried through its _bucket, _sum and _count series. */
function baseName(name: string): string {
  return name.replace(/_(bucket|sum|count)$/, '');
}

describe.each(dashboards)('Grafana dashboard %s', (file) => {
  const dashboard = JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')) as { uid: string; title: string; panels: Panel[] };
  const expressions = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

  it('parses, has a uid and a title, and queries something in every non-row panel', () => {
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(dashboard.title).toBeTruthy();
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) expect(panel.targets?.length).toBeGreaterThan(0);
  });

  it('uses only documented metric names', () => {
    const allowed = new Set([...SERVICE_KIT_METRICS, ...brokerMetrics(), ...KAFKA_EXPORTER_METRICS]);
    const used = [...new Set(expressions.flatMap(metricNames).map(baseName))];
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('shows HTTP, events, outbox, consumer lag, dead letters and broker metrics', () => {
    const used = new Set(expressions.flatMap(metricNames).map(baseName));
    for (const name of [...SERVICE_KIT_METRICS, 'kafka_consumergroup_lag', 'kafka_broker_requests_total']) expect(used).toContain(name);
  });
});

describe('documented metrics', () => {
  it('docs/operations.md lists every metric the dashboards may use', () => {
    const operations = readText('docs/operations.md');
    for (const name of [...SERVICE_KIT_METRICS, ...KAFKA_EXPORTER_METRICS]) expect(operations).toContain(`\`${name}\``);
  });

  it('@bcci/service-kit registers every service metric the dashboard expects', () => {
    const source = readText('libs/service-kit/src/metrics/service-metrics.ts');
    for (const name of SERVICE_KIT_METRICS) expect(source).toContain(`'${name}'`);
  });

  it('finds metric names in PromQL, not functions, labels or label values', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket{service=~"a|b"}[5m])))')).toEqual([
      'http_request_duration_seconds_bucket',
    ]);
    expect(metricNames('sum(kafka_broker_connections) / max(up_total{x="kafka_brokers"})')).toEqual(['kafka_broker_connections', 'up_total']);
  });
});
