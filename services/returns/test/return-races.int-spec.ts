import request from 'supertest';
import { assertValidEvent } from '@bcci/contracts';
import { EventPublisher, startTestService, type TestService } from '@bcci/service-kit/testing';
import { registrationEvent, resultIssuedEvent } from './support/events';
import { ReturnsTestModule } from './support/returns-test.module';

const ROUNDS = 30;
const DELIVERED = 'bcci.returns.result-delivered.v1';
const ATTEMPTED = 'bcci.returns.delivery-attempted.v1';
const RETURNED = 'bcci.returns.result-returned-to-agency.v1';

/**
 * A courier's failed attempt and the delivery of the same result sent at the same moment (two phones,
 * or a retry racing the next step), and the same two one after the other in each order. Each command
 * reads the journey, decides and writes: whatever the interleaving, the one that comes second must see
 * the first, so the row and the events tell one story.
 */
describe('returns: delivery attempt and delivery racing (PostgreSQL + broker)', () => {
  let service: TestService;
  let publisher: EventPublisher;
  const courier = () => service.authHeader({ role: 'courier', postalCode: '33100', subject: 'staff:33100-104' });

  beforeAll(async () => {
    service = await startTestService(ReturnsTestModule, { serviceName: 'returns-race' });
    publisher = await new EventPublisher({ clientId: 'returns-race-test', brokers: service.brokers }).start();
  });

  afterAll(async () => {
    await publisher?.stop();
    await service?.stop();
  });

  async function until(condition: () => Promise<boolean>): Promise<void> {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  const post = (dossierId: string, step: string, body: object) => request(service.url).post(`/returns/${dossierId}/${step}`).set('Authorization', courier()).send(body);
  const attempt = (dossierId: string, attemptedAt: string) => post(dossierId, 'attempts', { attemptedAt, reasonCode: 'ADDRESSEE_ABSENT' });
  const deliver = (dossierId: string, deliveredAt: string) =>
    post(dossierId, 'delivery', { deliveredAt, recipientKind: 'APPLICANT', identityDocumentType: 'CCCD', identityMatches: true, feesCollected: 0 });

  /** Home-delivery legs opened (registration and result in) and picked up at the agency. */
  async function pickedUpLegs(count: number): Promise<string[]> {
    const registrations = Array.from({ length: count }, () => registrationEvent());
    await publisher.publish(...registrations);
    await publisher.publish(...registrations.map((r) => resultIssuedEvent(r.subject, { correlationId: r.correlationid })));
    const dossierIds = registrations.map((r) => r.subject);
    await until(async () => {
      const [row] = await service.dataSource.query(`SELECT count(*)::int AS n FROM returns WHERE dossier_id = ANY($1::uuid[]) AND status = 'OPEN'`, [dossierIds]);
      return row.n === count;
    });
    for (const dossierId of dossierIds) expect((await post(dossierId, 'pickup', { pickedUpAt: '2025-04-03T16:00:00+07:00' })).status).toBe(200);
    return dossierIds;
  }

  /** The row and the dossier's events in the outbox (schema-checked). */
  async function storyOf(dossierId: string) {
    const [row] = await service.dataSource.query(`SELECT status, jsonb_array_length(invitations) AS invitations FROM returns WHERE dossier_id = $1`, [dossierId]);
    const [attempts] = await service.dataSource.query(`SELECT count(*)::int AS n FROM delivery_attempts WHERE dossier_id = $1`, [dossierId]);
    const events: { event_type: string; envelope: unknown }[] = await service.dataSource.query(`SELECT event_type, envelope FROM outbox WHERE message_key = $1`, [dossierId]);
    for (const { envelope } of events) assertValidEvent(envelope);
    const count = (type: string) => events.filter((event) => event.event_type === type).length;
    return { status: row.status, invitations: Number(row.invitations), attemptRows: attempts.n, attempted: count(ATTEMPTED), delivered: count(DELIVERED), returned: count(RETURNED) };
  }

  it(`a first failed attempt and the delivery at once, ${ROUNDS} rounds: delivered once, and the attempt counted only if it came first`, async () => {
    const dossierIds = await pickedUpLegs(ROUNDS);
    const wrong: unknown[] = [];
    for (const dossierId of dossierIds) {
      const [attempted, delivered] = await Promise.all([attempt(dossierId, '2025-04-04T10:00:00+07:00'), deliver(dossierId, '2025-04-04T11:00:00+07:00')]);
      const story = await storyOf(dossierId);
      // The delivery is allowed after a failed attempt; an attempt after the delivery is refused.
      const attemptCounted = attempted.status === 200 ? 1 : 0;
      const expected = { status: 'DELIVERED', invitations: attemptCounted, attemptRows: attemptCounted, attempted: attemptCounted, delivered: 1, returned: 0 };
      if (delivered.status !== 200 || ![200, 409].includes(attempted.status) || JSON.stringify(story) !== JSON.stringify(expected)) {
        wrong.push({ dossierId, attempt: attempted.status, delivery: delivered.status, story, expected });
      }
    }
    expect(wrong).toEqual([]);
  });

  it(`the second failed attempt (back to the agency) and the delivery at once, ${ROUNDS} rounds: exactly one of them happens`, async () => {
    const dossierIds = await pickedUpLegs(ROUNDS);
    for (const dossierId of dossierIds) expect((await attempt(dossierId, '2025-04-04T10:00:00+07:00')).status).toBe(200);
    const wrong: unknown[] = [];
    for (const dossierId of dossierIds) {
      const [attempted, delivered] = await Promise.all([attempt(dossierId, '2025-04-08T10:00:00+07:00'), deliver(dossierId, '2025-04-08T11:00:00+07:00')]);
      const story = await storyOf(dossierId);
      const attemptWon = attempted.status === 200;
      const expected = attemptWon
        ? { status: 'RETURNED_TO_AGENCY', invitations: 2, attemptRows: 2, attempted: 2, delivered: 0, returned: 1 }
        : { status: 'DELIVERED', invitations: 1, attemptRows: 1, attempted: 1, delivered: 1, returned: 0 };
      const answers = attemptWon ? [200, 409] : [409, 200];
      if (attempted.status !== answers[0] || delivered.status !== answers[1] || JSON.stringify(story) !== JSON.stringify(expected)) {
        wrong.push({ dossierId, attempt: attempted.status, delivery: delivered.status, story, expected });
      }
    }
    expect(wrong).toEqual([]);
  });

  it(`each order one after the other, ${ROUNDS} rounds: an attempt before the delivery counts, an attempt after it is refused`, async () => {
    const dossierIds = await pickedUpLegs(ROUNDS * 2);
    const wrong: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const [attemptFirst, deliveryFirst] = dossierIds.slice(round * 2, round * 2 + 2);
      const answers = [
        (await attempt(attemptFirst, '2025-04-04T10:00:00+07:00')).status,
        (await deliver(attemptFirst, '2025-04-04T11:00:00+07:00')).status,
        (await deliver(deliveryFirst, '2025-04-04T11:00:00+07:00')).status,
        (await attempt(deliveryFirst, '2025-04-04T12:00:00+07:00')).status,
      ];
      const stories = [await storyOf(attemptFirst), await storyOf(deliveryFirst)];
      const expected = [
        { status: 'DELIVERED', invitations: 1, attemptRows: 1, attempted: 1, delivered: 1, returned: 0 },
        { status: 'DELIVERED', invitations: 0, attemptRows: 0, attempted: 0, delivered: 1, returned: 0 },
      ];
      if (JSON.stringify(answers) !== JSON.stringify([200, 200, 200, 409]) || JSON.stringify(stories) !== JSON.stringify(expected)) wrong.push({ round, answers, stories });
    }
    expect(wrong).toEqual([]);
  });

  it(`the second failed attempt and the delivery one after the other, ${ROUNDS} rounds: whichever comes first happens, the other is refused`, async () => {
    const dossierIds = await pickedUpLegs(ROUNDS * 2);
    for (const dossierId of dossierIds) expect((await attempt(dossierId, '2025-04-04T10:00:00+07:00')).status).toBe(200);
    const wrong: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const [attemptFirst, deliveryFirst] = dossierIds.slice(round * 2, round * 2 + 2);
      const answers = [
        (await attempt(attemptFirst, '2025-04-08T10:00:00+07:00')).status,
        (await deliver(attemptFirst, '2025-04-08T11:00:00+07:00')).status,
        (await deliver(deliveryFirst, '2025-04-08T11:00:00+07:00')).status,
        (await attempt(deliveryFirst, '2025-04-08T12:00:00+07:00')).status,
      ];
      const stories = [await storyOf(attemptFirst), await storyOf(deliveryFirst)];
      const expected = [
        { status: 'RETURNED_TO_AGENCY', invitations: 2, attemptRows: 2, attempted: 2, delivered: 0, returned: 1 },
        { status: 'DELIVERED', invitations: 1, attemptRows: 1, attempted: 1, delivered: 1, returned: 0 },
      ];
      if (JSON.stringify(answers) !== JSON.stringify([200, 409, 200, 409]) || JSON.stringify(stories) !== JSON.stringify(expected)) wrong.push({ round, answers, stories });
    }
    expect(wrong).toEqual([]);
  });
});
