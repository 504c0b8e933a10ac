import type { IncomingMessage } from '@bcci/messaging';
import { ServiceMetrics } from '../metrics/service-metrics';
import { dependencyWaitReporter } from './dependency-wait-reporter';

const held: IncomingMessage = { topic: 'bcci.returns.leg-events.v1', partition: 1, offset: '42', key: null, value: null, headers: {} };
const reason = 'QueryFailedError: the database system is not yet accepting connections';

describe('dependency wait reporter', () => {
  it('logs the start and the end of a wait, counts every retry, and raises the gauge meanwhile', async () => {
    const metrics = new ServiceMetrics('returns');
    const lines: string[] = [];
    const report = dependencyWaitReporter('bcci.returns', metrics, { warn: (line: string) => lines.push(`WARN ${line}`), log: (line: string) => lines.push(`LOG ${line}`) });
    const gauge = async () => (await metrics.consumerWaitingOnDependency.get()).values[0]?.value;

    report.waiting!(reason, held);
    for (let i = 0; i < 7; i++) report.retried!(reason, 200);
    expect(await gauge()).toBe(1);
    report.recovered!(12_345, 7);

    expect(await gauge()).toBe(0);
    expect((await metrics.consumerDependencyRetries.get()).values[0]?.value).toBe(7);
    expect(lines).toEqual([
      'WARN consumer bcci.returns waiting on a dependency: QueryFailedError: the database system is not yet accepting connections; ' +
        'holding bcci.returns.leg-events.v1@1:42 (not dead-lettered) and retrying with backoff until it answers',
      'LOG consumer bcci.returns resumed: the dependency answered after 12.3 s and 7 failed attempt(s)',
    ]);
    expect(await metrics.render()).toMatch(/messaging_consumer_dependency_retries_total\{service="returns"\} 7/);
  });

  it('lowers the gauge when the wait is abandoned on shutdown', async () => {
    const metrics = new ServiceMetrics('returns');
    const report = dependencyWaitReporter('bcci.returns', metrics, { warn: () => undefined, log: () => undefined });
    report.waiting!(reason, held);
    report.abandoned!(500, 2);
    expect((await metrics.consumerWaitingOnDependency.get()).values[0]?.value).toBe(0);
  });
});
