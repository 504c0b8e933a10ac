import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertValidEvent, EXAMPLES_DIR, topicFor } from '@bcci/contracts';
import { KafkajsMessageBus } from '@bcci/messaging';
import { databaseOf, withAdminClient, withDatabase } from '@bcci/persistence';
import request from 'supertest';
import { startTestService, type TestService } from '../testing/src';
import { SampleModule } from './sample/sample.module';

const WITHDRAWN = 'bcci.intake.dossier-withdrawn.v1';
const TOPIC = topicFor(WITHDRAWN);

/** Polls until `condition` holds; fails naming what it waited for after a generous deadline (not a timing assertion). */
async function eventually(waitingFor: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${waitingFor}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Issue 9 as operators see it: while the service's database is unavailable, its consumer holds the
// incoming events (no dead letter), /ready says why it is not ready and /metrics shows the wait; once
// the database is back, every event is applied once and the service is ready again.
describe('service kit: a database outage while events arrive', () => {
  let service: TestService;
  let setConnections: (allowed: boolean) => Promise<void>;

  beforeAll(async () => {
    service = await startTestService(SampleModule, { serviceName: 'outage' });
    const url = (service.dataSource.options as { url: string }).url;
    const database = databaseOf(url);
    setConnections = (allowed) =>
      withAdminClient(withDatabase(url, 'postgres'), async (client) => {
        await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} WITH ALLOW_CONNECTIONS ${allowed}`);
        if (!allowed) await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      });
  });
  afterAll(async () => {
    await setConnections?.(true);
    await service?.stop();
  });

  const withdrawn = (dossierId: string) => {
    const example = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'intake', 'dossier-withdrawn.v1.example.json'), 'utf8'));
    const event = { ...example, id: randomUUID(), subject: dossierId, data: { ...example.data, dossierId } };
    assertValidEvent(event);
    return { topic: TOPIC, key: dossierId, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json' } };
  };
  const seenCount = async (dossierId: string) =>
    Number((await service.dataSource.query(`SELECT count(*)::int AS n FROM sample_seen_event WHERE dossier_id = $1`, [dossierId]))[0].n);
  const metric = (text: string, name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  it('holds the events, reports the wait on /ready and /metrics, then applies each once and is ready again', async () => {
    const dossierIds = [randomUUID(), randomUUID(), randomUUID()];
    await setConnections(false);
    const bus = new KafkajsMessageBus({ clientId: 'outage-producer', brokers: service.brokers, logLevel: 'NOTHING' });
    const producer = await bus.createProducer();
    await producer.send(dossierIds.map(withdrawn));
    await producer.disconnect();

    let ready: request.Response | undefined;
    await eventually('/ready to report the consumer waiting on a dependency', async () => {
      ready = await request(service.url).get('/ready');
      return ready.status === 503 && ready.body.details?.consumer === 'waiting-on-dependency';
    });
    expect(ready!.body.message).toMatch(/^Not ready: database down, kafka up, consumer waiting on a dependency since \S+ \(.+\)$/);
    expect(ready!.body.details.consumerWait).toMatchObject({ holding: expect.stringMatching(new RegExp(`^${TOPIC.replace(/\./g, '\\.')}@\\d+:\\d+$`)) });
    const during = (await request(service.url).get('/metrics').expect(200)).text;
    expect(metric(during, 'messaging_consumer_waiting_on_dependency')).toBe(1);
    expect(metric(during, 'messaging_consumer_dependency_retries_total')).toBeGreaterThanOrEqual(1);

    await setConnections(true);
    await eventually('the 3 events held during the outage to be applied', async () => (await Promise.all(dossierIds.map(seenCount))).every((n) => n >= 1));
    await eventually('/ready to answer 200 again', async () => (await request(service.url).get('/ready')).status === 200);

    expect(await Promise.all(dossierIds.map(seenCount))).toEqual([1, 1, 1]);
    const after = (await request(service.url).get('/metrics').expect(200)).text;
    expect(metric(after, 'messaging_consumer_waiting_on_dependency')).toBe(0);
    expect(after).not.toMatch(/^dead_letters_total\{/m);
    expect(after).not.toMatch(/^events_consumed_total\{[^}]*outcome="dead-lettered"/m);
  });
});
