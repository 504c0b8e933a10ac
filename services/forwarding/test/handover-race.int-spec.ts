import request from 'supertest';
import { assertValidEvent, type BcciEvent } from '@bcci/contracts';
import { EventPublisher, startTestService, type TestService } from '@bcci/service-kit/testing';
import { AcknowledgeHandoverUseCase } from '../src/forwarding/application/acknowledge-handover.use-case';
import { acknowledgementEvent, registrationEvent } from './support/events';
import { ForwardingTestModule } from './support/forwarding-test.module';

const CRIMINAL_RECORD_AGENCY = '000.00.13.H65';
const ROUNDS = 30;

/**
 * Issue 9: the agency's acknowledgement (Kafka) and the post's handover record (HTTP) for the same
 * dossier, in either order or at the same time. Whatever the interleaving, the record must end SIGNED,
 * the leg FILED, with exactly one handover-record-signed and one fees-remitted in the outbox.
 */
describe('forwarding: acknowledgement and handover record racing (PostgreSQL + broker)', () => {
  let service: TestService;
  let publisher: EventPublisher;
  const courier = () => service.authHeader({ role: 'courier', postalCode: '33100', subject: 'staff:33100-104' });

  beforeAll(async () => {
    service = await startTestService(ForwardingTestModule, { serviceName: 'forwarding-race' });
    publisher = await new EventPublisher({ clientId: 'forwarding-race-test', brokers: service.brokers }).start();
  });

  afterAll(async () => {
    await publisher?.stop();
    await service?.stop();
  });

  async function until(condition: () => Promise<boolean>): Promise<void> {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** This consumer has handled the event (its inbox row is committed with the effect). */
  const handled = (eventId: string) => until(async () => (await service.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0);

  /** Legs opened from registrations and dispatched by one courier scan of the whole run. */
  async function dispatchedLegs(count: number): Promise<BcciEvent<'bcci.intake.dossier-registered.v1'>[]> {
    const registrations = Array.from({ length: count }, () => registrationEvent({ fees: 200000 }));
    await publisher.publish(...registrations);
    const dossierIds = registrations.map((registration) => registration.subject);
    await until(async () => {
      const [row] = await service.dataSource.query(`SELECT count(*)::int AS n FROM postal_legs WHERE dossier_id = ANY($1::uuid[])`, [dossierIds]);
      return row.n === count;
    });
    const scan = await request(service.url)
      .post('/scans/batch')
      .set('Authorization', courier())
      .send({ kind: 'DISPATCHED', postalCode: '33100', at: '2025-03-12T15:40:00+07:00', s10ItemIds: registrations.map((r) => r.data.s10ItemId) });
    expect(scan.status).toBe(200);
    return registrations;
  }

  function postRecord(dossierId: string) {
    return request(service.url)
      .post('/handover-records')
      .set('Authorization', courier())
      .send({ items: [{ dossierId, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' });
  }

  const acknowledgement = (dossierId: string) => acknowledgementEvent(dossierId, CRIMINAL_RECORD_AGENCY, '2025-03-13T10:00:00+07:00');

  async function ackFirst(dossierId: string): Promise<void> {
    const ack = acknowledgement(dossierId);
    await publisher.publish(ack);
    await handled(ack.id);
    expect((await postRecord(dossierId)).status).toBe(201);
  }

  async function recordFirst(dossierId: string): Promise<void> {
    expect((await postRecord(dossierId)).status).toBe(201);
    const ack = acknowledgement(dossierId);
    await publisher.publish(ack);
    await handled(ack.id);
  }

  async function togetherOverKafka(dossierId: string): Promise<void> {
    const ack = acknowledgement(dossierId);
    const [posted] = await Promise.all([postRecord(dossierId), publisher.publish(ack)]);
    expect(posted.status).toBe(201);
    await handled(ack.id);
  }

  /**
   * Kafka's delivery usually lets the HTTP request finish first; here the acknowledgement is handled as
   * the consumer handles it (the use case in a transaction of its own) while the record is posted, its
   * statements pushed back by `stagger` round trips so that the rounds sweep the interleavings.
   */
  async function togetherInProcess(dossierId: string, stagger: number): Promise<void> {
    const acknowledge = service.app.get(AcknowledgeHandoverUseCase);
    const [posted] = await Promise.all([
      postRecord(dossierId),
      service.dataSource.transaction(async (manager) => {
        for (let i = 0; i < stagger; i++) await manager.query('SELECT 1');
        await acknowledge.execute(manager, acknowledgement(dossierId));
      }),
    ]);
    expect(posted.status).toBe(201);
  }

  /** What each dossier ended with: record and leg status, and its events in the outbox (schema-checked). */
  async function outcomeOf(dossierId: string) {
    const [row] = await service.dataSource.query(
      `SELECT r.status AS "recordStatus", l.status AS "legStatus"
         FROM postal_legs l LEFT JOIN handover_records r ON r.id = l.handover_record_id WHERE l.dossier_id = $1`,
      [dossierId],
    );
    const events: { event_type: string; envelope: unknown }[] = await service.dataSource.query(
      `SELECT event_type, envelope FROM outbox WHERE message_key = $1 AND event_type IN ('bcci.forwarding.handover-record-signed.v1', 'bcci.forwarding.fees-remitted.v1')`,
      [dossierId],
    );
    for (const { envelope } of events) assertValidEvent(envelope);
    const count = (type: string) => events.filter((event) => event.event_type === type).length;
    return { ...row, signed: count('bcci.forwarding.handover-record-signed.v1'), remitted: count('bcci.forwarding.fees-remitted.v1') };
  }

  const FILED_ONCE = { recordStatus: 'SIGNED', legStatus: 'FILED', signed: 1, remitted: 1 };

  it(`acknowledgement first, record first, and both at once, ${ROUNDS} rounds: every dossier is filed once with its fees remitted once`, async () => {
    const orders = [ackFirst, recordFirst, togetherOverKafka, togetherInProcess];
    const registrations = await dispatchedLegs(ROUNDS * orders.length);
    for (let round = 0; round < ROUNDS; round++) {
      const ofRound = registrations.slice(round * orders.length, (round + 1) * orders.length);
      await Promise.all(ofRound.map((registration, i) => orders[i](registration.subject, round)));
    }
    const outcomes = await Promise.all(registrations.map(async (r, i) => ({ order: orders[i % orders.length].name, ...(await outcomeOf(r.subject)) })));
    const wrong = outcomes.filter((outcome) => !(outcome.recordStatus === 'SIGNED' && outcome.legStatus === 'FILED' && outcome.signed === 1 && outcome.remitted === 1));
    expect(wrong).toEqual([]);
  });

  it('an acknowledgement still uncommitted while the record is signed: the record waits for it and is filed once', async () => {
    // The interleaving of the issue, made certain: the acknowledgement's transaction has read the leg
    // (no record yet) and stays open while the courier posts the record. Before the fix the record read
    // no acknowledgement, committed AWAITING_AGENCY_SIGNATURE, and nothing ever completed it.
    const [registration] = await dispatchedLegs(1);
    const dossierId = registration.subject;
    const acknowledge = service.app.get(AcknowledgeHandoverUseCase);
    let posting: Promise<request.Response> | undefined;
    let answered = false;
    await service.dataSource.transaction(async (manager) => {
      await acknowledge.execute(manager, acknowledgement(dossierId));
      posting = postRecord(dossierId).then((response) => {
        answered = true;
        return response;
      });
      // Commit once the record's request has either answered or is waiting for a lock we hold.
      await until(async () => answered || (await waitingOnALock()));
    });
    expect((await posting!).status).toBe(201);
    expect(await outcomeOf(dossierId)).toEqual(FILED_ONCE);
  });

  it('both acknowledgements of a two-dossier record at once, 10 rounds: the record is filed once, no deadlock', async () => {
    const acknowledge = service.app.get(AcknowledgeHandoverUseCase);
    const registrations = await dispatchedLegs(20);
    for (let round = 0; round < 10; round++) {
      const [a, b] = registrations.slice(round * 2, round * 2 + 2).map((registration) => registration.subject);
      const posted = await request(service.url)
        .post('/handover-records')
        .set('Authorization', courier())
        .send({ items: [{ dossierId: a, documentsCounted: 2 }, { dossierId: b, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' });
      expect(posted.body.status).toBe('AWAITING_AGENCY_SIGNATURE');
      // Each in a transaction of its own, as the consumer runs them; a deadlock would reject one.
      await Promise.all([a, b].map((dossierId) => service.dataSource.transaction((manager) => acknowledge.execute(manager, acknowledgement(dossierId)))));
      expect([await outcomeOf(a), await outcomeOf(b)]).toEqual([FILED_ONCE, FILED_ONCE]);
    }
  });

  async function waitingOnALock(): Promise<boolean> {
    const [row] = await service.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return row.n > 0;
  }
});
