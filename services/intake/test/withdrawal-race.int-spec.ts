import { randomUUID } from 'node:crypto';
import { assertValidEvent, buildEvent, EventType, toKafkaRecord } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';
import type { TestService } from '@bcci/service-kit/testing';
import request from 'supertest';
import { RecordDispatchUseCase } from '../src/dossiers/application/record-dispatch.use-case';
import { registration, startIntake } from './intake-test-kit';

const ROUNDS = 30;

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * The counter withdraws a dossier (twice: a double click without Idempotency-Key, or two clerks) while
 * the courier's DISPATCHED scan arrives from forwarding. Each withdrawal reads the dossier, decides and
 * writes; the one that comes second must see the first (and the scan), so one dossier-withdrawn at most.
 * Each order one after the other is checked too: withdrawn before the scan, refused after it.
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

  it(`withdrawal then scan, and scan then withdrawal, ${ROUNDS} rounds: withdrawn once before dispatch, refused after it; the scan kept either way`, async () => {
    const wrong: unknown[] = [];
    const stateOf = async (id: string) => {
      const [row] = await service.dataSource.query(`SELECT status, dispatched_at IS NOT NULL AS dispatched FROM dossiers WHERE id = $1`, [id]);
      const events: { envelope: unknown }[] = await service.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = $1 AND message_key = $2`, [EventType.DossierWithdrawn, id]);
      for (const { envelope } of events) assertValidEvent(envelope);
      return { status: row.status as string, dispatched: row.dispatched as boolean, withdrawnEvents: events.length };
    };
    for (let round = 0; round < ROUNDS; round++) {
      const register = async (seal: string) => (await request(service.url).post('/dossiers').set('Authorization', clerk()).send(registration({ sealNumber: seal })).expect(201)).body;
      const [withdrawFirst, scanFirst] = await Promise.all([register(`NP-W-${round}`), register(`NP-S-${round}`)]);

      const withdrawn = await withdraw(withdrawFirst.id);
      const lateScan = await dispatchScan(withdrawFirst.id, withdrawFirst.postalItemId);
      const earlyScan = await dispatchScan(scanFirst.id, scanFirst.postalItemId);
      for (const scanId of [lateScan, earlyScan]) await waitUntil(async () => (await service.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [scanId])).length > 0);
      const refused = await withdraw(scanFirst.id);

      const outcome = {
        answers: [withdrawn.status, refused.status, refused.body.code],
        withdrawFirst: await stateOf(withdrawFirst.id),
        scanFirst: await stateOf(scanFirst.id),
      };
      const expected = {
        answers: [200, 409, 'dossier.already-dispatched'],
        withdrawFirst: { status: 'WITHDRAWN', dispatched: true, withdrawnEvents: 1 },
        scanFirst: { status: 'REGISTERED', dispatched: true, withdrawnEvents: 0 },
      };
      if (JSON.stringify(outcome) !== JSON.stringify(expected)) wrong.push({ round, outcome });
    }
    expect(wrong).toEqual([]);
  });

  it(`a withdrawal and the scan handled in process at once, ${ROUNDS} rounds: either withdrawn before the dispatch or refused after it, never both`, async () => {
    // Kafka's delivery usually lets the withdrawal finish first; here the scan is handled as the consumer
    // handles it (the use case in a transaction of its own), pushed back by `stagger` round trips so that
    // the rounds sweep the interleavings.
    const recordDispatch = service.app.get(RecordDispatchUseCase);
    const wrong: unknown[] = [];
    const seen = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const dossier = (await request(service.url).post('/dossiers').set('Authorization', clerk()).send(registration({ sealNumber: `NP-P-${round}` })).expect(201)).body;
      const [answer] = await Promise.all([
        withdraw(dossier.id),
        service.dataSource.transaction(async (manager) => {
          for (let i = 0; i < round % 8; i++) await manager.query('SELECT 1');
          // As the consumer runs it: the fact is applied with its run's, just before the commit.
          const beforeCommit: Array<() => Promise<void>> = [];
          recordDispatch.execute({ manager, beforeCommit: (_key, work) => beforeCommit.push(work) }, dossier.id, new Date());
          for (const work of beforeCommit) await work();
        }),
      ]);
      const [row] = await service.dataSource.query(`SELECT status, dispatched_at IS NOT NULL AS dispatched FROM dossiers WHERE id = $1`, [dossier.id]);
      const events: { envelope: unknown }[] = await service.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = $1 AND message_key = $2`, [EventType.DossierWithdrawn, dossier.id]);
      for (const { envelope } of events) assertValidEvent(envelope);
      const outcome = { answer: answer.status === 200 ? 'withdrawn' : answer.body.code, status: row.status, dispatched: row.dispatched, withdrawnEvents: events.length };
      seen.add(outcome.answer);
      const consistent =
        outcome.answer === 'withdrawn'
          ? outcome.status === 'WITHDRAWN' && outcome.withdrawnEvents === 1
          : outcome.answer === 'dossier.already-dispatched' && outcome.status === 'REGISTERED' && outcome.withdrawnEvents === 0;
      if (!consistent || !row.dispatched) wrong.push({ round, outcome });
    }
    expect(wrong).toEqual([]);
    // Both interleavings happened: otherwise this test would only repeat the one-after-the-other test.
    expect([...seen].sort()).toEqual(['dossier.already-dispatched', 'withdrawn']);
  });
});
