import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { agencyTopicFor, assertValidEvent, EventType, type BcciEvent } from '@bcci/contracts';
import { DLQ_HEADERS } from '@bcci/messaging';
import { EventCollector, RowLockHolder, startTestService, waitUntil, type TestService } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import { GatewayClock } from '../src/shared/gateway-clock';
import { RecordDossierDigitizedUseCase } from '../src/dossiers/application/record-dossier-digitized.use-case';
import { RecordDossierRegisteredUseCase } from '../src/dossiers/application/record-dossier-registered.use-case';
import { RecordPostalLegOpenedUseCase } from '../src/dossiers/application/record-postal-leg-opened.use-case';
import { verifyWebhookSignature } from '../src/webhooks/domain/webhook-signature';
import { AGENCY, agencyCommand, OTHER_AGENCY, INTAKE_POSTAL_CODE, UpstreamProducer, upstreamEvents } from './agency-gateway.fixtures';

jest.setTimeout(120_000);

const STREAM = 'bcci.agency-gateway.dossier-events.v1';
const DECISIONS_DLQ = 'bcci.agency.decisions.v1.dlq';

let service: TestService;
let upstream: UpstreamProducer;
let stream: EventCollector;
let agencyTopic: EventCollector | undefined;
let deadLetters: EventCollector;
const mine = new Set<string>();
const agency = () => service.authHeader({ role: 'agency', agencyId: AGENCY, subject: 'agency-user:H65-0042' });
const otherAgency = () => service.authHeader({ role: 'agency', agencyId: OTHER_AGENCY, subject: 'agency-user:H65-0099' });
const clerk = () => service.authHeader({ role: 'clerk', postalCode: INTAKE_POSTAL_CODE, subject: 'staff:33100-017' });

function setNow(iso: string): void {
  service.app.get(GatewayClock).now = () => new Date(iso);
}

/** Sum of events_consumed_total{outcome="duplicate"} on /metrics. */
async function duplicatesSeen(): Promise<number> {
  const text = (await request(service.url).get('/metrics').expect(200)).text;
  return text
    .split('\n')
    .filter((line) => line.startsWith('events_consumed_total{') && line.includes('outcome="duplicate"'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

const ofType = (subject: string, type: string) => (e: BcciEvent) => e.subject === subject && e.type === type;

async function publishDossier(): Promise<string> {
  const dossierId = randomUUID();
  mine.add(dossierId);
  const events = upstreamEvents(dossierId);
  for (const event of events) assertValidEvent(event);
  await upstream.send(events);
  await stream.waitFor(ofType(dossierId, EventType.DossierPublishedToAgency));
  return dossierId;
}

async function agencyCopies(): Promise<EventCollector> {
  agencyTopic ??= await new EventCollector({ brokers: service.brokers, topics: [agencyTopicFor(AGENCY)], where: (e) => mine.has(e.subject) }).start();
  return agencyTopic;
}

beforeAll(async () => {
  service = await startTestService(AppModule, {
    serviceName: 'agency-gateway',
    extraEnv: { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_POLL_INTERVAL_MS: '20' },
  });
  setNow('2025-03-12T09:30:00+07:00');
  upstream = new UpstreamProducer(service.brokers);
  stream = await new EventCollector({ brokers: service.brokers, topics: [STREAM], where: (e) => mine.has(e.subject) }).start();
  deadLetters = await new EventCollector({ brokers: service.brokers, topics: [DECISIONS_DLQ], where: (e) => mine.has(e.subject) }).start();
});

afterAll(async () => {
  await agencyTopic?.stop();
  await deadLetters?.stop();
  await stream?.stop();
  await upstream?.stop();
  await service?.stop();
});

describe('publication to the competent agency', () => {
  it('publishes a dossier once registration, postal leg and digitization are known: on the stream and on the agency topic, status 1, channel 3', async () => {
    const dossierId = await publishDossier();
    const [published] = await stream.waitFor(ofType(dossierId, EventType.DossierPublishedToAgency));
    expect(published.event).toMatchObject({ nationalstatus: 1, channel: 3, data: { agencyId: AGENCY, applicantDataUrl: `/agency/dossiers/${dossierId}/applicant` } });
    const [copy] = await (await agencyCopies()).waitFor(ofType(dossierId, EventType.DossierPublishedToAgency));
    expect(copy.message.topic).toBe(agencyTopicFor(AGENCY));
    expect(copy.event.causationid).toBe(published.event.id);
    expect(copy.event.data).toEqual(published.event.data);
  });

  it('applies the facts of a consumer run together exactly as one per transaction: a dossier complete within the run is published once, one still incomplete waits', async () => {
    const [together, incomplete, oneByOne] = [randomUUID(), randomUUID(), randomUUID()];
    const useCases = {
      [EventType.DossierRegistered]: service.app.get(RecordDossierRegisteredUseCase),
      [EventType.PostalLegOpened]: service.app.get(RecordPostalLegOpenedUseCase),
      [EventType.DossierDigitized]: service.app.get(RecordDossierDigitizedUseCase),
    } as const;
    /** One transaction handling `events` as a consumer run does: each fact gathered, the run's work done before the commit. */
    const handleInOneTransaction = (events: BcciEvent[]) =>
      service.dataSource.transaction(async (manager) => {
        const beforeCommit = new Map<object, () => Promise<void>>();
        const run = { manager, beforeCommit: (key: object, work: () => Promise<void>) => void (beforeCommit.has(key) || beforeCommit.set(key, work)) };
        for (const event of events) useCases[event.type as keyof typeof useCases].execute(run, event as never);
        for (const work of beforeCommit.values()) await work();
      });
    // Interleaved as a run across partitions brings them: two dossiers, one of them missing its digitization.
    const [registered, legOpened, digitized] = upstreamEvents(together);
    const [otherRegistered, otherLegOpened] = upstreamEvents(incomplete);
    await handleInOneTransaction([otherRegistered!, registered!, legOpened!, otherLegOpened!, digitized!]);
    for (const event of upstreamEvents(oneByOne)) await handleInOneTransaction([event]);

    const published = async (dossierId: string) =>
      (await service.dataSource.query(`SELECT envelope FROM outbox WHERE message_key = $1 AND event_type = $2 AND topic = $3`, [dossierId, EventType.DossierPublishedToAgency, STREAM])) as unknown[];
    expect(await published(together)).toHaveLength(1);
    expect(await published(oneByOne)).toHaveLength(1);
    expect(await published(incomplete)).toHaveLength(0);
    const stateOf = async (dossierId: string) => {
      const [row] = (await service.dataSource.query(`SELECT status, state FROM agency_dossier WHERE dossier_id = $1`, [dossierId])) as Array<{ status: string; state: Record<string, unknown> }>;
      return row!;
    };
    const [gathered, separate] = [await stateOf(together), await stateOf(oneByOne)];
    expect(gathered.status).toBe('PUBLISHED');
    // The same state but for what names the dossier itself (ids drawn per dossier by the fixtures).
    const comparable = (state: Record<string, unknown>) => JSON.stringify(state).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
    expect(comparable(gathered.state)).toBe(comparable(separate.state));
    expect((await stateOf(incomplete)).status).toBe('AWAITING_UPSTREAM');
  });

  it('ignores redelivered upstream events: no second publication', async () => {
    const dossierId = randomUUID();
    mine.add(dossierId);
    const events = upstreamEvents(dossierId);
    await upstream.send(events);
    await stream.waitFor(ofType(dossierId, EventType.DossierPublishedToAgency));
    const before = await duplicatesSeen();
    await upstream.send(events);
    await upstream.send([events[1]]);
    // The consumer reports each redelivery it absorbed through the inbox.
    await waitUntil('the consumer to report 4 redeliveries absorbed by the inbox', async () => (await duplicatesSeen()) >= before + 4);
    await service.drainOutbox();
    await stream.drainToEnd();
    expect(stream.events.filter((c) => ofType(dossierId, EventType.DossierPublishedToAgency)(c.event))).toHaveLength(1);
  });
});

describe('agency decisions over HTTP', () => {
  let dossierId: string;

  beforeAll(async () => {
    dossierId = await publishDossier();
  });

  it('refuses another agency (403) and an unknown dossier (404)', async () => {
    const res = await request(service.url).get(`/agency/dossiers/${dossierId}`).set('Authorization', otherAgency()).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, messageVi: expect.any(String) });
    await request(service.url).post(`/agency/dossiers/${dossierId}/handover-signature`).set('Authorization', otherAgency()).send({}).expect(403);
    await request(service.url).get(`/agency/dossiers/${randomUUID()}`).set('Authorization', agency()).expect(404);
    await request(service.url).get(`/agency/dossiers/${dossierId}`).set('Authorization', clerk()).expect(403);
  });

  it('signs the handover → handover-acknowledged (2) with the agency deadline; a retry with the same key does nothing twice', async () => {
    setNow('2025-03-13T09:41:12+07:00');
    const key = randomUUID();
    const first = await request(service.url).post(`/agency/dossiers/${dossierId}/handover-signature`).set('Authorization', agency()).set('Idempotency-Key', key).send({}).expect(200);
    expect(first.body).toMatchObject({ status: 'RECEIVED', nationalStatus: 2, dueDate: '2025-03-27', replayed: false });
    const again = await request(service.url).post(`/agency/dossiers/${dossierId}/handover-signature`).set('Authorization', agency()).set('Idempotency-Key', key).send({}).expect(200);
    expect(again.body).toMatchObject({ eventId: first.body.eventId, replayed: true });
    const [ack] = await stream.waitFor(ofType(dossierId, EventType.HandoverAcknowledged));
    expect(ack.event).toMatchObject({ nationalstatus: 2, channel: 3, data: { agencyDeadline: { workingDays: 10, dueDate: '2025-03-27' } } });
    await (await agencyCopies()).waitFor(ofType(dossierId, EventType.HandoverAcknowledged));
    await service.drainOutbox();
    await stream.drainToEnd();
    expect(stream.events.filter((c) => ofType(dossierId, EventType.HandoverAcknowledged)(c.event))).toHaveLength(1);
    await request(service.url).post(`/agency/dossiers/${dossierId}/handover-signature`).set('Authorization', agency()).send({}).expect(409);

    const view = await request(service.url).get(`/agency/dossiers/${dossierId}`).set('Authorization', agency()).expect(200);
    expect(view.body).toMatchObject({ nationalStatus: 2, channel: 3, agencyDeadline: { workingDays: 10, dueDate: '2025-03-27' } });
  });

  it('answers the same command sent twice at once as one: the second waits for the first and is its replay, one handover-acknowledged', async () => {
    const raced = await publishDossier();
    setNow('2025-03-13T09:41:12+07:00');
    const key = randomUUID();
    // The test holds the dossier's row, so both requests are inside their transactions, waiting for it,
    // before either decides: the second to get the row must see the first's command, not only its state.
    const holder = await RowLockHolder.hold(service.dataSource, `SELECT 1 FROM agency_dossier WHERE dossier_id = $1 FOR UPDATE`, [raced]);
    const sign = () => request(service.url).post(`/agency/dossiers/${raced}/handover-signature`).set('Authorization', agency()).set('Idempotency-Key', key).send({});
    const answers = Promise.all([sign(), sign()]);
    await holder.queued(2, 'both signatures waiting for the dossier row the test holds');
    await holder.release();
    const [first, second] = await answers;
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.eventId).toBe(first.body.eventId);
    expect([first.body.replayed, second.body.replayed].sort()).toEqual([false, true]);
    await service.drainOutbox();
    await stream.waitFor(ofType(raced, EventType.HandoverAcknowledged));
    await stream.drainToEnd();
    expect(stream.events.filter((c) => ofType(raced, EventType.HandoverAcknowledged)(c.event))).toHaveLength(1);
  });

  it('refuses a supplement request after 3 working days (422) and writes nothing; accepts one within them (5)', async () => {
    setNow('2025-03-19T08:00:00+07:00');
    const late = await request(service.url)
      .post(`/agency/dossiers/${dossierId}/supplement-requests`)
      .set('Authorization', agency())
      .send({ requestedComponents: [{ componentCode: 'TO-KHAI' }], reason: 'Thiếu chữ ký.' })
      .expect(422);
    expect(late.body).toMatchObject({ statusCode: 422, code: 'supplement.window-closed', messageVi: expect.stringContaining('03 ngày làm việc') });
    await request(service.url).post(`/agency/dossiers/${dossierId}/supplement-requests`).set('Authorization', agency()).send({ requestedComponents: [], reason: '' }).expect(400);

    setNow('2025-03-14T10:00:00+07:00');
    const ok = await request(service.url)
      .post(`/agency/dossiers/${dossierId}/supplement-requests`)
      .set('Authorization', agency())
      .send({ requestedComponents: [{ componentCode: 'TO-KHAI', note: 'Thiếu chữ ký.' }], reason: 'Thiếu chữ ký.' })
      .expect(200);
    expect(ok.body).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', nationalStatus: 5 });
    await stream.waitFor(ofType(dossierId, EventType.SupplementRequested));
  });

  it('restarts the agency clock from zero when the clerk records the supplement complete (4)', async () => {
    await request(service.url).post(`/dossiers/${dossierId}/supplement-completion`).set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33200' })).send({ submissionChannel: 'POSTAL' }).expect(403);
    setNow('2025-03-24T10:00:00+07:00');
    await request(service.url).post(`/dossiers/${dossierId}/supplement-completion`).set('Authorization', clerk()).send({ submissionChannel: 'POSTAL' }).expect(200);
    const [completed] = await stream.waitFor(ofType(dossierId, EventType.SupplementCompleted));
    // 24/03 + 10 working days, skipping Hùng Kings day (07/04/2025).
    expect(completed.event).toMatchObject({ nationalstatus: 4, data: { agencyDeadline: { clockStart: '2025-03-24T03:00:00.000Z', workingDays: 10, dueDate: '2025-04-08' } } });
    await (await agencyCopies()).waitFor(ofType(dossierId, EventType.SupplementCompleted));
  });

  it('reschedules once with an apology (4); a second reschedule is refused (409)', async () => {
    setNow('2025-04-03T10:00:00+07:00');
    const once = await request(service.url).post(`/agency/dossiers/${dossierId}/reschedule`).set('Authorization', agency()).send({ newDueDate: '2025-04-15', reason: 'Chờ xác minh.' }).expect(200);
    expect(once.body).toMatchObject({ nationalStatus: 4, dueDate: '2025-04-15' });
    const twice = await request(service.url).post(`/agency/dossiers/${dossierId}/reschedule`).set('Authorization', agency()).send({ newDueDate: '2025-04-20', reason: 'Chờ xác minh.' }).expect(409);
    expect(twice.body.code).toBe('reschedule.already-done');
    const [rescheduled] = await stream.waitFor(ofType(dossierId, EventType.ProcessingRescheduled));
    expect(rescheduled.event.data).toMatchObject({ previousDueDate: '2025-04-08', newDueDate: '2025-04-15' });
  });

  it('issues the result with fees owed (6), returned by post; the applicant claim check is audited', async () => {
    const claim = await request(service.url).get(`/agency/dossiers/${dossierId}/applicant`).set('Authorization', agency()).expect(200);
    expect(claim.body.claimCheck).toEqual({ service: 'intake', method: 'GET', path: `/dossiers/${dossierId}/applicant` });
    await request(service.url).get(`/agency/dossiers/${dossierId}/applicant`).set('Authorization', otherAgency()).expect(403);
    const audits = await service.dataSource.query(`SELECT agency_id FROM applicant_access_audit WHERE dossier_id = $1`, [dossierId]);
    expect(audits).toEqual([{ agency_id: AGENCY }]);

    setNow('2025-04-10T10:00:00+07:00');
    await request(service.url).post(`/agency/dossiers/${dossierId}/result`).set('Authorization', agency()).send({ resultKind: 'DOCUMENT', medium: 'PAPER', feesOwed: 0 }).expect(400);
    const oldPermit = { documentCode: 'GP-CU', title: 'Giấy phép cũ', count: 1 };
    // A document to take back with an ID number in its title is refused: no personal data travels.
    await request(service.url)
      .post(`/agency/dossiers/${dossierId}/result`)
      .set('Authorization', agency())
      .send({ resultKind: 'DOCUMENT', medium: 'PAPER', resultReference: '12/QD-SNV', feesOwed: 50000, documentsToTakeBack: [{ ...oldPermit, title: 'CCCD 015090001234' }] })
      .expect(400);
    const res = await request(service.url)
      .post(`/agency/dossiers/${dossierId}/result`)
      .set('Authorization', agency())
      .send({ resultKind: 'DOCUMENT', medium: 'PAPER', resultReference: '12/QD-SNV', feesOwed: 50000, documentsToTakeBack: [oldPermit] })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'RESULT_ISSUED', nationalStatus: 6 });
    const [issued] = await stream.waitFor(ofType(dossierId, EventType.ResultIssued));
    expect(issued.event).toMatchObject({ nationalstatus: 6, channel: 3, data: { feesOwed: 50000, returnByPost: true, documentsToTakeBack: [oldPermit] } });
  });

  it('signs a batch of handovers in one record', async () => {
    setNow('2025-03-13T14:00:00+07:00');
    const a = await publishDossier();
    const b = await publishDossier();
    const res = await request(service.url).post('/agency/handover-signatures').set('Authorization', agency()).send({ dossiers: [{ dossierId: a }, { dossierId: b }] }).expect(200);
    expect(res.body.results).toHaveLength(2);
    const acks = await stream.waitFor((e) => e.type === EventType.HandoverAcknowledged && (e.subject === a || e.subject === b), 2);
    expect(new Set(acks.map((c) => (c.event.data as { batchId?: string }).batchId))).toEqual(new Set([res.body.batchId]));
  });
});

describe('agency decisions over the Kafka command topic', () => {
  it('applies sign-handover once per commandId, dead-letters another agency’s command, and issues the result', async () => {
    setNow('2025-03-13T09:00:00+07:00');
    const dossierId = await publishDossier();
    const actor = { role: 'AGENCY_SYSTEM' as const, ref: 'agency-system:H65' };
    const commandId = randomUUID();
    const sign = agencyCommand(EventType.SignHandover, { dossierId, commandId, agencyId: AGENCY, actor });
    const signAgain = agencyCommand(EventType.SignHandover, { dossierId, commandId, agencyId: AGENCY, actor });
    const foreign = agencyCommand(EventType.RejectDossier, { dossierId, commandId: randomUUID(), agencyId: OTHER_AGENCY, reasonCode: 'OTHER', reason: 'Không thuộc thẩm quyền.', actor });
    for (const command of [sign, signAgain, foreign]) assertValidEvent(command);
    await upstream.send([sign, sign, signAgain, foreign]);

    const [dead] = await deadLetters.waitFor((e) => e.id === foreign.id);
    expect(dead.message.headers[DLQ_HEADERS.reason]).toContain('scope.agency');
    const [ack] = await stream.waitFor(ofType(dossierId, EventType.HandoverAcknowledged));
    expect(ack.event.causationid).toBe(sign.id);

    const result = agencyCommand(EventType.IssueResult, { dossierId, commandId: randomUUID(), agencyId: AGENCY, resultKind: 'REFERENCE', medium: 'DIGITAL', resultReference: '7/QD', feesOwed: 0, actor });
    await upstream.send([result]);
    const [issued] = await stream.waitFor(ofType(dossierId, EventType.ResultIssued));
    expect(issued.event).toMatchObject({ nationalstatus: 9, causationid: result.id });

    await service.drainOutbox();
    await stream.drainToEnd();
    expect(stream.events.filter((c) => ofType(dossierId, EventType.HandoverAcknowledged)(c.event))).toHaveLength(1);
    expect(stream.events.filter((c) => ofType(dossierId, EventType.DossierRejected)(c.event))).toHaveLength(0);
  });

  it('dead-letters a command a rule refuses (supplement after 3 working days)', async () => {
    setNow('2025-03-13T09:00:00+07:00');
    const dossierId = await publishDossier();
    await request(service.url).post(`/agency/dossiers/${dossierId}/handover-signature`).set('Authorization', agency()).send({}).expect(200);
    setNow('2025-03-20T09:00:00+07:00');
    const late = agencyCommand(EventType.RequestSupplement, {
      dossierId,
      commandId: randomUUID(),
      agencyId: AGENCY,
      requestedComponents: [{ componentCode: 'TO-KHAI' }],
      reason: 'Thiếu chữ ký.',
      actor: { role: 'AGENCY_SYSTEM', ref: 'agency-system:H65' },
    });
    await upstream.send([late]);
    const [dead] = await deadLetters.waitFor((e) => e.id === late.id);
    expect(dead.message.headers[DLQ_HEADERS.reason]).toContain('supplement.window-closed');
  });
});

describe('HTTP feed and webhooks', () => {
  it('pages the agency feed with a cursor and moves the acknowledged cursor forward only', async () => {
    await publishDossier();
    const page = await request(service.url).get('/agency/feed?after=0&limit=2').set('Authorization', agency()).expect(200);
    expect(page.body.items).toHaveLength(2);
    for (const item of page.body.items) {
      assertValidEvent(item.event);
      expect(item.event.data.agencyId).toBe(AGENCY);
    }
    const next = await request(service.url).get(`/agency/feed?after=${page.body.nextCursor}&limit=500`).set('Authorization', agency()).expect(200);
    expect(BigInt(next.body.items[0].cursor)).toBeGreaterThan(BigInt(page.body.nextCursor));

    await request(service.url).post('/agency/feed/ack').set('Authorization', agency()).send({ cursor: page.body.nextCursor }).expect(200);
    const afterAck = await request(service.url).get('/agency/feed?limit=500').set('Authorization', agency()).expect(200);
    expect(afterAck.body.ackedCursor).toBe(page.body.nextCursor);
    expect(afterAck.body.items[0].cursor).toBe(next.body.items[0].cursor);
    await request(service.url).post('/agency/feed/ack').set('Authorization', agency()).send({ cursor: '1' }).expect(200);
    expect((await request(service.url).get('/agency/feed').set('Authorization', agency()).expect(200)).body.ackedCursor).toBe(page.body.nextCursor);
    await request(service.url).post('/agency/feed/ack').set('Authorization', agency()).send({ cursor: '999999999' }).expect(422);
    await request(service.url).post('/agency/feed/ack').set('Authorization', agency()).send({ cursor: 'abc' }).expect(400);
    await request(service.url).get('/agency/feed?limit=0').set('Authorization', agency()).expect(400);

    const other = await request(service.url).get('/agency/feed?after=0').set('Authorization', otherAgency()).expect(200);
    expect(other.body.items).toEqual([]);
  });

  it('delivers to the webhook signed with HMAC-SHA256 and retries after a 500', async () => {
    const secret = 'webhook-secret-of-the-agency';
    const received: Array<{ body: string; headers: http.IncomingHttpHeaders; status: number }> = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const status = received.length === 0 ? 500 : 204;
        received.push({ body, headers: req.headers, status });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await request(service.url).put('/agency/webhook').set('Authorization', agency()).send({ url, secret: 'short' }).expect(400);
      await request(service.url).put('/agency/webhook').set('Authorization', agency()).send({ url, secret }).expect(200);
      const dossierId = await publishDossier();
      await waitUntil('the webhook to be delivered (a 204 after the first 500)', () => received.some((r) => r.status === 204));

      expect(received.map((r) => r.status)).toEqual([500, 204]);
      for (const delivery of received) {
        const event = JSON.parse(delivery.body);
        assertValidEvent(event);
        expect(event).toMatchObject({ subject: dossierId, type: EventType.DossierPublishedToAgency });
        expect(verifyWebhookSignature(secret, String(delivery.headers['x-bcci-timestamp']), delivery.body, String(delivery.headers['x-bcci-signature']))).toBe(true);
      }
      expect(received[0].headers['x-bcci-event-id']).toBe(received[1].headers['x-bcci-event-id']);
      // The receiver answers before the gateway's worker commits what it saw: wait for the stored attempts.
      const storedAttempts = () =>
        service.dataSource.query(
          `SELECT a.attempt, a.status_code, d.status FROM webhook_delivery_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.event_id = $1 ORDER BY a.attempt`,
          [received[0].headers['x-bcci-event-id']],
        );
      let attempts: Array<{ status: string }> = [];
      await waitUntil('both webhook attempts stored as delivered', async () => {
        attempts = await storedAttempts();
        return attempts.length >= 2 && attempts.every((row) => row.status === 'DELIVERED');
      });
      expect(attempts).toEqual([
        { attempt: 1, status_code: 500, status: 'DELIVERED' },
        { attempt: 2, status_code: 204, status: 'DELIVERED' },
      ]);
    } finally {
      await request(service.url).put('/agency/webhook').set('Authorization', agency()).send({ url: 'http://127.0.0.1:9/gone', secret });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
