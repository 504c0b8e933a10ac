import { assertValidEvent, EventType, topicFor, type DossierRegisteredData } from '@bcci/contracts';
import { systemClock, toVietnamDate } from '@bcci/kernel';
import { EventCollector, type TestService } from '@bcci/service-kit/testing';
import request from 'supertest';
import { countRows, registration, startIntake } from './intake-test-kit';

/**
 * Registrations arriving together are written together (group commit). Whatever the grouping, each
 * counter's numbering stays gapless and unique, each dossier gets exactly one event, and each request
 * gets its own answer.
 */
describe('intake: registrations arriving at the same moment (PostgreSQL + broker)', () => {
  let service: TestService;
  let events: EventCollector;

  beforeAll(async () => {
    service = await startIntake('concurrent');
    events = await new EventCollector({
      brokers: service.brokers,
      topics: [topicFor(EventType.DossierRegistered)],
    }).start();
  });
  afterAll(async () => {
    await events?.stop();
    await service?.stop();
  });

  const clerk = (postalCode: string) => service.authHeader({ role: 'clerk', postalCode, subject: `clerk-${postalCode}`, displayName: 'Trần Thị Lan' });
  const register = (postalCode: string, body: object, headers: Record<string, string> = {}) =>
    request(service.url).post('/dossiers').set({ Authorization: clerk(postalCode), ...headers }).send(body).then((res) => res);
  const sequenceOf = (provisionalDossierId: string) => Number(provisionalDossierId.slice(-4));
  const serialOf = (postalItemId: string) => Number(postalItemId.slice(2, 10));

  it('numbers a burst at three counters without gap or repeat, in transactions shared between requests, with one event per dossier', async () => {
    const points = ['33100', '33700', '33500'];
    const burst = points.flatMap((point) => Array.from({ length: 15 }, (_, i) => ({ point, seal: `NP-BURST-${point}-${i}` })));
    const answers = await Promise.all(burst.map(({ point, seal }) => register(point, registration({ sealNumber: seal }))));
    for (const answer of answers) expect(answer.status).toBe(201);

    for (const point of points) {
      const atPoint = answers.filter((answer) => answer.body.postalCode === point).map((answer) => answer.body);
      expect(atPoint.map((d) => sequenceOf(d.provisionalDossierId)).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      const serials = atPoint.map((d) => serialOf(d.postalItemId)).sort((a, b) => a - b);
      expect(serials[14]! - serials[0]!).toBe(14);
      expect(new Set(serials).size).toBe(15);
    }
    // The seal a clerk typed comes back on the dossier that got it: answers are not crossed.
    burst.forEach(({ seal }, i) => expect(answers[i]!.body.sealNumber).toBe(seal));

    // This file has its own broker: every event on the topic so far is the burst's.
    const ids = new Set(answers.map((answer) => answer.body.id));
    await events.waitFor((event) => ids.has(event.subject), burst.length);
    await events.drainToEnd();
    expect(events.events).toHaveLength(burst.length);
    expect(new Set(events.events.map(({ event }) => event.subject))).toEqual(ids);
    for (const { event } of events.events) {
      assertValidEvent(event);
      const answer = answers.find((a) => a.body.id === event.subject)!.body;
      expect(event.data as DossierRegisteredData).toMatchObject({ provisionalDossierId: answer.provisionalDossierId, s10ItemId: answer.postalItemId, sealNumber: answer.sealNumber });
    }

    const metrics = await request(service.url).get('/metrics').expect(200);
    const transactions = Number(/^intake_registrations_per_transaction_count(?:\{[^}]*\})? (\d+)/m.exec(metrics.text)?.[1]);
    const written = Number(/^intake_registrations_per_transaction_sum(?:\{[^}]*\})? (\d+)/m.exec(metrics.text)?.[1]);
    expect(written).toBe(burst.length);
    expect(transactions).toBeLessThan(burst.length);
  });

  it('answers each request of a mixed burst on its own: retries get the first answer, a reused key is refused, the rest are registered', async () => {
    const first = await register('33100', registration({ sealNumber: 'NP-MIX-1' }), { 'Idempotency-Key': 'mix-1' });
    expect(first.status).toBe(201);
    const before = await countRows(service);

    const [retryA, retryB, reused, twinA, twinB, ...fresh] = await Promise.all([
      register('33100', registration({ sealNumber: 'NP-MIX-1' }), { 'Idempotency-Key': 'mix-1' }),
      register('33100', registration({ sealNumber: 'NP-MIX-1' }), { 'Idempotency-Key': 'mix-1' }),
      register('33100', registration({ sealNumber: 'NP-MIX-OTHER' }), { 'Idempotency-Key': 'mix-1' }),
      register('33100', registration({ sealNumber: 'NP-MIX-2' }), { 'Idempotency-Key': 'mix-2' }),
      register('33100', registration({ sealNumber: 'NP-MIX-2' }), { 'Idempotency-Key': 'mix-2' }),
      ...Array.from({ length: 5 }, (_, i) => register('33100', registration({ sealNumber: `NP-MIX-FRESH-${i}` }))),
    ]);
    expect(retryA!.status).toBe(201);
    expect(retryA!.body).toEqual(first.body);
    expect(retryB!.body).toEqual(first.body);
    expect(reused!.status).toBe(409);
    expect(reused!.body.code).toBe('idempotency-key.reused');
    expect(twinA!.status).toBe(201);
    expect(twinB!.status).toBe(201);
    expect(twinB!.body.id).toBe(twinA!.body.id);
    for (const answer of fresh) expect(answer.status).toBe(201);

    const after = await countRows(service);
    expect(after.dossiers - before.dossiers).toBe(1 + fresh.length);
    expect(after.outbox - before.outbox).toBe(1 + fresh.length);
    expect(after.keys - before.keys).toBe(1);
  });

  it("refuses only the registrations past a counter's 9,999th of the day, and burns no number", async () => {
    const today = toVietnamDate(systemClock.now());
    await service.dataSource.query(`INSERT INTO provisional_id_sequences (postal_code, received_on, last_value) VALUES ('33700', $1, 9997)
      ON CONFLICT (postal_code, received_on) DO UPDATE SET last_value = 9997`, [today]);
    const before = await countRows(service);
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => register('33700', registration({ sealNumber: `NP-LIMIT-${i}` }))),
      ...Array.from({ length: 4 }, (_, i) => register('33500', registration({ sealNumber: `NP-OK-${i}` }))),
    ]);
    const atFull = answers.slice(0, 4);
    expect(atFull.filter((a) => a.status === 201).map((a) => sequenceOf(a.body.provisionalDossierId)).sort()).toEqual([9998, 9999]);
    const refused = atFull.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(2);
    for (const answer of refused) {
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('provisional-id.daily-limit');
    }
    for (const answer of answers.slice(4)) expect(answer.status).toBe(201);
    expect((await countRows(service)).dossiers - before.dossiers).toBe(6);
    const [row] = await service.dataSource.query(`SELECT last_value FROM provisional_id_sequences WHERE postal_code = '33700' AND received_on = $1`, [today]);
    expect(row.last_value).toBe(9999);
  });

  it('continues a burst in a new block of S10 serials when the point\'s range runs out mid-burst', async () => {
    // The postal operator allocated this point a range with three serials left.
    await service.dataSource.query(
      `INSERT INTO postal_item_ranges (postal_code, service_indicator, first_serial, last_serial, next_serial) VALUES ('33110', 'RR', 500, 509, 507)`,
    );
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => register('33110', registration({ sealNumber: `NP-RANGE-${i}` }))));
    for (const answer of answers) expect(answer.status).toBe(201);
    const ids = answers.map((answer) => answer.body.postalItemId as string);
    expect(new Set(ids).size).toBe(6);
    expect(ids.filter((id) => id.startsWith('RR')).map(serialOf).sort()).toEqual([507, 508, 509]);
    expect(ids.filter((id) => !id.startsWith('RR'))).toHaveLength(3);
    const [range] = await service.dataSource.query(`SELECT next_serial FROM postal_item_ranges WHERE postal_code = '33110' AND service_indicator = 'RR'`);
    expect(range.next_serial).toBe(510);
  });
});
