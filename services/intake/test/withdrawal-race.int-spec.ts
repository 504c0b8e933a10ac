import { randomUUID } from 'node:crypto';
import { assertValidEvent, buildEvent, EventType, toKafkaRecord } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';
import type { TestService } from '@bcci/service-kit/testing';
import request from 'supertest';
import { registration, startIntake } from './intake-test-kit';

const ROUNDS = 30;

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * The counter withdraws a dossier (twice: a double click without Idempotency-Key, or two clerks) while
 * the courier's DISPATCHED scan arrives from forwarding. Each withdrawal reads the dossier, decides and
 * writes; the one that comes second must see the first (and the scan), so one dossier-withdrawn at most.
 */
describe('intake: withdrawal and dispatch racing (PostgreSQL + broker)', () => {
  let service: TestService;
  let producer: MessageProducer;

  beforeAll(async () => {
    service = await startIntake('withdrawal-race');
    producer = await new KafkajsMessageBus({ clientId: 'intake-race-forwarding', brokers: service.brokers, logLevel: 'NOTHING' }).createProducer();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  const clerk = () => service.authHeader({ role: 'clerk', postalCode: '33100', subject: 'clerk-33100', displayName: 'Trần Thị Lan' });
  const withdraw = (id: string) => request(service.url).post(`/dossiers/${id}/withdrawal`).set('Authorization', clerk()).send({});

  /** What forwarding publishes when the courier scans the sealed item out of the postal point. */
  async function dispatchScan(dossierId: string, s10ItemId: string): Promise<string> {
    const event = buildEvent({
      type: EventType.CourierScanned,
      data: { dossierId, legId: randomUUID(), s10ItemId, scanKind: 'DISPATCHED', postalCode: '33100', scannedAt: new Date().toISOString(), actor: { role: 'COURIER', ref: 'staff:33100-104' } },
    });
    const record = toKafkaRecord(event, { traceparent: createTraceparent() });
    await producer.send([{ topic: record.topic, key: record.key, value: record.value, headers: record.headers }]);
    return event.id;
  }

  it(`two withdrawals and the DISPATCHED scan at once, ${ROUNDS} rounds: at most one withdrawal, and only before dispatch`, async () => {
    const wrong: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dossier = (await request(service.url).post('/dossiers').set('Authorization', clerk()).send(registration({ sealNumber: `NP-R-${round}` })).expect(201)).body;
      const [first, second, scanId] = await Promise.all([withdraw(dossier.id), withdraw(dossier.id), dispatchScan(dossier.id, dossier.postalItemId)]);
      await waitUntil(async () => (await service.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [scanId])).length > 0);

      const [row] = await service.dataSource.query(`SELECT status, dispatched_at IS NOT NULL AS dispatched FROM dossiers WHERE id = $1`, [dossier.id]);
      const events: { envelope: unknown }[] = await service.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = $1 AND message_key = $2`, [EventType.DossierWithdrawn, dossier.id]);
      for (const { envelope } of events) assertValidEvent(envelope);
      const answers = [first, second].map((res) => (res.status === 200 ? 'withdrawn' : (res.body.code as string)));
      const withdrawals = answers.filter((answer) => answer === 'withdrawn').length;
      // Withdrawn once and the other refused as already withdrawn; or both refused as already dispatched.
      const consistent =
        withdrawals === 1
          ? answers.includes('dossier.already-withdrawn') && row.status === 'WITHDRAWN' && events.length === 1
          : answers.every((answer) => answer === 'dossier.already-dispatched') && row.status === 'REGISTERED' && events.length === 0;
      // The scan is kept either way: it proves the item left (a withdrawal it overtook is for a person).
      if (!consistent || !row.dispatched) wrong.push({ round, answers, row, withdrawnEvents: events.length });
    }
    expect(wrong).toEqual([]);
  });
});
