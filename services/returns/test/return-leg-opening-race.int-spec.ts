import request from 'supertest';
import { assertValidEvent, type BcciEvent } from '@bcci/contracts';
import { EventPublisher, startTestService, type TestService } from '@bcci/service-kit/testing';
import { RecordUpstreamUseCase } from '../src/returns/application/record-upstream.use-case';
import { againWithNewId, registrationEvent, resultIssuedEvent } from './support/events';
import { ReturnsTestModule } from './support/returns-test.module';

const ROUNDS = 24;
const OPENED = 'bcci.returns.return-leg-opened.v1';
const PICKED_UP = 'bcci.returns.result-picked-up-at-agency.v1';

type Registration = BcciEvent<'bcci.intake.dossier-registered.v1'>;
type ResultIssued = BcciEvent<'bcci.agency-gateway.result-issued.v1'>;

/**
 * Issue 9: the courier's pick-up (HTTP) and the agency's result that opens the return leg (Kafka), for
 * the same dossier, in either order or at the same moment; and the two upstream facts that open the leg
 * (registration and result) at the same moment. Whatever the interleaving, a pick-up is either refused
 * as "no leg yet" with nothing written, or lands on the opened leg; the leg opens once; a copy of the
 * result handled while the courier picks up changes nothing.
 */
describe('returns: pick-up and the return leg opening racing (PostgreSQL + broker)', () => {
  let service: TestService;
  let publisher: EventPublisher;
  let upstream: RecordUpstreamUseCase;
  const courier = () => service.authHeader({ role: 'courier', postalCode: '33100', subject: 'staff:33100-104' });

  beforeAll(async () => {
    service = await startTestService(ReturnsTestModule, { serviceName: 'returns-opening-race' });
    publisher = await new EventPublisher({ clientId: 'returns-opening-race-test', brokers: service.brokers }).start();
    upstream = service.app.get(RecordUpstreamUseCase);
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

  const pickUp = (dossierId: string) => request(service.url).post(`/returns/${dossierId}/pickup`).set('Authorization', courier()).send({ pickedUpAt: '2025-04-03T16:00:00+07:00' });

  /** Registrations handled: each return waits for its result, the event that opens its leg. */
  async function awaitingResults(count: number): Promise<{ registration: Registration; result: ResultIssued }[]> {
    const registrations = Array.from({ length: count }, () => registrationEvent());
    await publisher.publish(...registrations);
    for (const registration of registrations) await handled(registration.id);
    return registrations.map((registration) => ({ registration, result: resultIssuedEvent(registration.subject, { correlationId: registration.correlationid }) }));
  }

  /**
   * The result handled as the consumer handles it (the use case in a transaction of its own), its
   * statements pushed back by `stagger` round trips so that the rounds sweep the interleavings.
   */
  function resultInProcess(result: ResultIssued, stagger: number): Promise<string> {
    return service.dataSource.transaction(async (manager) => {
      for (let i = 0; i < stagger; i++) await manager.query('SELECT 1');
      return upstream.resultIssued(manager, result);
    });
  }

  /** A pick-up refused because the leg is not open yet must have written nothing; the courier then tries again. */
  async function pickUpUntilOpen(dossierId: string, first: request.Response): Promise<void> {
    if (first.status === 404) {
      expect(first.body.code).toBe('returns.not-found');
      await until(async () => (await service.dataSource.query(`SELECT 1 FROM returns WHERE dossier_id = $1 AND status = 'OPEN'`, [dossierId])).length > 0);
      first = await pickUp(dossierId);
    }
    expect(first.status).toBe(200);
  }

  async function openingFirst({ registration, result }: { registration: Registration; result: ResultIssued }): Promise<void> {
    await publisher.publish(result);
    await handled(result.id);
    expect((await pickUp(registration.subject)).status).toBe(200);
  }

  async function pickUpFirst({ registration, result }: { registration: Registration; result: ResultIssued }): Promise<void> {
    const early = await pickUp(registration.subject);
    expect(early.status).toBe(404);
    expect(await outboxCount(PICKED_UP, registration.subject)).toBe(0);
    await publisher.publish(result);
    await handled(result.id);
    await pickUpUntilOpen(registration.subject, early);
  }

  async function togetherOverKafka({ registration, result }: { registration: Registration; result: ResultIssued }): Promise<void> {
    const [picked] = await Promise.all([pickUp(registration.subject), publisher.publish(result)]);
    await handled(result.id);
    await pickUpUntilOpen(registration.subject, picked);
  }

  async function togetherInProcess({ registration, result }: { registration: Registration; result: ResultIssued }, round: number): Promise<void> {
    const [picked, outcome] = await Promise.all([pickUp(registration.subject), resultInProcess(result, round % 6)]);
    expect(outcome).toBe('recorded');
    await pickUpUntilOpen(registration.subject, picked);
  }

  /** The leg is open; a copy of its result (a new event id) is handled while the courier picks up. */
  async function copyOfResultWhilePickingUp({ registration, result }: { registration: Registration; result: ResultIssued }, round: number): Promise<void> {
    await publisher.publish(result);
    await handled(result.id);
    const [picked, outcome] = await Promise.all([pickUp(registration.subject), resultInProcess(againWithNewId(result), round % 6)]);
    expect(picked.status).toBe(200);
    expect(outcome).toBe('already-known');
  }

  async function outboxCount(type: string, dossierId: string): Promise<number> {
    const [row] = await service.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND message_key = $2`, [type, dossierId]);
    return row.n;
  }

  /** What each dossier ended with: status, its events in the outbox (schema-checked), and whether the pick-up names the opened leg. */
  async function storyOf(dossierId: string) {
    const [row] = await service.dataSource.query(`SELECT status, leg_id FROM returns WHERE dossier_id = $1`, [dossierId]);
    const events: { event_type: string; envelope: BcciEvent }[] = await service.dataSource.query(`SELECT event_type, envelope FROM outbox WHERE message_key = $1`, [dossierId]);
    for (const { envelope } of events) assertValidEvent(envelope);
    const of = (type: string) => events.filter((event) => event.event_type === type).map((event) => event.envelope as { data: { legId: string } });
    const legIds = new Set([row.leg_id, ...of(OPENED).map((event) => event.data.legId), ...of(PICKED_UP).map((event) => event.data.legId)]);
    return { status: row.status, opened: of(OPENED).length, pickedUp: of(PICKED_UP).length, others: events.length - of(OPENED).length - of(PICKED_UP).length, oneLeg: legIds.size === 1 };
  }

  const PICKED_UP_ONCE = { status: 'PICKED_UP', opened: 1, pickedUp: 1, others: 0, oneLeg: true };

  it(`opening first, pick-up first, both at once (Kafka and in process), and a copy of the result during the pick-up, ${ROUNDS} rounds: one leg, picked up once`, async () => {
    const orders = [openingFirst, pickUpFirst, togetherOverKafka, togetherInProcess, copyOfResultWhilePickingUp];
    const dossiers = await awaitingResults(ROUNDS * orders.length);
    for (let round = 0; round < ROUNDS; round++) {
      const ofRound = dossiers.slice(round * orders.length, (round + 1) * orders.length);
      await Promise.all(ofRound.map((dossier, i) => orders[i](dossier, round)));
    }
    const stories = await Promise.all(dossiers.map(async (dossier, i) => ({ order: orders[i % orders.length].name, ...(await storyOf(dossier.registration.subject)) })));
    expect(stories.filter(({ order: _order, ...story }) => JSON.stringify(story) !== JSON.stringify(PICKED_UP_ONCE))).toEqual([]);
  });

  it(`registration and result of a dossier returns has not heard of, in either order and at once, ${ROUNDS} rounds: the leg opens once`, async () => {
    // Neither fact has a row to lock yet: the advisory lock on the dossier id keeps the second from
    // also seeing "nothing yet" (it would otherwise fail on the primary key or open nothing).
    const wrong: unknown[] = [];
    const registrationFirst = async (registration: Registration, result: ResultIssued) => {
      await service.dataSource.transaction((manager) => upstream.registration(manager, registration));
      await service.dataSource.transaction((manager) => upstream.resultIssued(manager, result));
    };
    const resultFirst = async (registration: Registration, result: ResultIssued) => {
      await service.dataSource.transaction((manager) => upstream.resultIssued(manager, result));
      await service.dataSource.transaction((manager) => upstream.registration(manager, registration));
    };
    const together = async (registration: Registration, result: ResultIssued, round: number) => {
      await Promise.all([
        service.dataSource.transaction(async (manager) => {
          for (let i = 0; i < round % 4; i++) await manager.query('SELECT 1');
          return upstream.registration(manager, registration);
        }),
        service.dataSource.transaction((manager) => upstream.resultIssued(manager, result)),
      ]);
    };
    const orders = [registrationFirst, resultFirst, together];
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        orders.map(async (order) => {
          const registration = registrationEvent();
          await order(registration, resultIssuedEvent(registration.subject, { correlationId: registration.correlationid }), round);
          const story = await storyOf(registration.subject);
          const expected = { status: 'OPEN', opened: 1, pickedUp: 0, others: 0, oneLeg: true };
          if (JSON.stringify(story) !== JSON.stringify(expected)) wrong.push({ round, order: order.name, story });
        }),
      );
    }
    expect(wrong).toEqual([]);
  });
});
