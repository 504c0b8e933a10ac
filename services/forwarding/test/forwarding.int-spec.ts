import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { BcciEvent } from '@bcci/contracts';
import { EventCollector, EventPublisher, RowLockHolder, startTestService, type TestService, waitUntil } from '@bcci/service-kit/testing';
import { acknowledgementEvent, againWithNewId, registrationEvent, withdrawalEvent } from './support/events';
import { ForwardingTestModule } from './support/forwarding-test.module';
import { storedHandoverRecordView } from './support/stored-handover-record-view';

const FORWARDING_TOPIC = 'bcci.forwarding.dossier-events.v1';
const CRIMINAL_RECORD_AGENCY = '000.00.13.H65';

describe('forwarding service (PostgreSQL + broker)', () => {
  let service: TestService;
  let publisher: EventPublisher;
  let collector: EventCollector;
  const courier = () => service.authHeader({ role: 'courier', postalCode: '33100', subject: 'staff:33100-104' });

  beforeAll(async () => {
    service = await startTestService(ForwardingTestModule, { serviceName: 'forwarding' });
    publisher = await new EventPublisher({ clientId: 'forwarding-test', brokers: service.brokers }).start();
    collector = await new EventCollector({ brokers: service.brokers, topics: [FORWARDING_TOPIC], where: (event) => publisher.subjects.has(event.subject) }).start();
  });

  afterAll(async () => {
    await collector?.stop();
    await publisher?.stop();
    await service?.stop();
  });

  const publish = (...events: BcciEvent[]) => publisher.publish(...events);


  /** Waits until this consumer's inbox holds the event: everything before it on its key was handled. */
  async function handled(eventId: string): Promise<void> {
    await waitUntil(`event ${eventId} in forwarding's inbox`, async () => (await service.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0);
  }

  async function eventsOf(type: string, dossierId: string) {
    await service.drainOutbox();
    return collector.waitFor((event) => event.type === type && event.subject === dossierId);
  }

  async function outboxCount(type: string, dossierId: string): Promise<number> {
    const [row] = await service.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND message_key = $2`, [type, dossierId]);
    return row.n;
  }

  /** A registered dossier whose leg is open (and its postal-leg-opened seen on Kafka). */
  async function openLeg(options: Parameters<typeof registrationEvent>[0] = {}) {
    const registration = registrationEvent(options);
    await publish(registration);
    const [opened] = await eventsOf('bcci.forwarding.postal-leg-opened.v1', registration.subject);
    return { registration, opened: opened.event as BcciEvent<'bcci.forwarding.postal-leg-opened.v1'> };
  }

  async function scan(dossierId: string, kind: string, at: string, auth = courier()) {
    return request(service.url).post(`/dossiers/${dossierId}/scans`).set('Authorization', auth).send({ kind, postalCode: '33100', at });
  }

  describe('registration in → leg opened out', () => {
    it('opens the leg to the agency competent on the intake day, with J+n from the catalog', async () => {
      const { registration, opened } = await openLeg({ intakeDay: '2025-03-14', registeredAt: '2025-03-14T10:00:00+07:00' });
      expect(opened.data).toMatchObject({
        dossierId: registration.subject,
        s10ItemId: registration.data.s10ItemId,
        agencyId: CRIMINAL_RECORD_AGENCY,
        competenceDate: '2025-03-14',
        originPostalCode: '33100',
        deadline: { legClass: 'BETWEEN_DISTRICTS', startDay: '2025-03-14', workingDays: 2, dueDate: '2025-03-18' },
      });
      expect(opened.correlationid).toBe(registration.correlationid);
      expect(opened.causationid).toBe(registration.id);
    });

    it('routes a driving-licence renewal by intake date across the move to the police on 2025-03-01', async () => {
      const before = await openLeg({ procedureCode: '1.002804', intakeDay: '2025-02-28', registeredAt: '2025-02-28T10:00:00+07:00' });
      const after = await openLeg({ procedureCode: '1.002804', intakeDay: '2025-03-03', registeredAt: '2025-03-01T09:00:00+07:00' });
      expect(before.opened.data.agencyId).toBe('000.00.16.H65');
      expect(after.opened.data.agencyId).toBe('000.05.15.G01');
      expect(after.opened.data.competenceDate).toBe('2025-03-01');
    });

    it('opens no leg for service form 2 (result only)', async () => {
      const registration = registrationEvent({ serviceForm: 'RECEIVE_RESULT' });
      await publish(registration);
      await handled(registration.id);
      const legs = await service.dataSource.query(`SELECT 1 FROM postal_legs WHERE dossier_id = $1`, [registration.subject]);
      expect(legs).toHaveLength(0);
    });

    it('a redelivered registration, or the same one under a new id, has no second effect', async () => {
      const { registration } = await openLeg();
      const replay = againWithNewId(registration);
      await publish(registration, replay);
      await handled(replay.id);
      expect(await outboxCount('bcci.forwarding.postal-leg-opened.v1', registration.subject)).toBe(1);
    });

    it('a withdrawal closes a leg not yet dispatched; it then takes no scan; redelivery changes nothing', async () => {
      const { registration } = await openLeg();
      const withdrawal = withdrawalEvent(registration.subject);
      const marker = againWithNewId(withdrawal);
      await publish(withdrawal, withdrawal, marker);
      await handled(marker.id);
      const leg = await request(service.url).get(`/dossiers/${registration.subject}/leg`).set('Authorization', courier());
      expect(leg.status).toBe(200);
      expect(leg.body).toMatchObject({ status: 'WITHDRAWN', late: false });
      const refused = await scan(registration.subject, 'DISPATCHED', '2025-03-12T15:00:00+07:00');
      expect(refused.status).toBe(409);
    });

    it('a withdrawal after dispatch leaves the leg travelling', async () => {
      const { registration } = await openLeg();
      expect((await scan(registration.subject, 'DISPATCHED', '2025-03-12T15:00:00+07:00')).status).toBe(200);
      const withdrawal = withdrawalEvent(registration.subject);
      await publish(withdrawal);
      await handled(withdrawal.id);
      const leg = await request(service.url).get(`/dossiers/${registration.subject}/leg`).set('Authorization', courier());
      expect(leg.body.status).toBe('DISPATCHED');
    });
  });

  describe('courier scans', () => {
    it('records DISPATCHED → ARRIVED → HANDED_OVER in order, idempotent on repeat, 409 out of order', async () => {
      const { registration, opened } = await openLeg();
      const dossierId = registration.subject;

      const skip = await scan(dossierId, 'ARRIVED', '2025-03-12T15:40:00+07:00');
      expect(skip.status).toBe(409);
      expect(skip.body).toMatchObject({ statusCode: 409, messageVi: expect.any(String) });

      const dispatched = await scan(dossierId, 'DISPATCHED', '2025-03-12T15:40:00+07:00');
      expect(dispatched.status).toBe(200);
      expect(dispatched.body).toMatchObject({ outcome: 'recorded', status: 'DISPATCHED' });
      const repeated = await scan(dossierId, 'DISPATCHED', '2025-03-12T15:45:00+07:00');
      expect(repeated.body).toMatchObject({ outcome: 'repeated', status: 'DISPATCHED', scannedAt: '2025-03-12T08:40:00.000Z' });

      const earlier = await scan(dossierId, 'ARRIVED', '2025-03-12T15:00:00+07:00');
      expect(earlier.status).toBe(422);
      expect((await scan(dossierId, 'HANDED_OVER', '2025-03-13T09:30:00+07:00')).status).toBe(409);
      expect((await scan(dossierId, 'ARRIVED', '2025-03-13T08:05:00+07:00')).body).toMatchObject({ outcome: 'recorded', status: 'ARRIVED' });
      expect((await scan(dossierId, 'HANDED_OVER', '2025-03-13T09:30:00+07:00')).body).toMatchObject({ outcome: 'recorded', status: 'HANDED_OVER' });

      const scanned = await collector.waitFor((event) => event.type === 'bcci.forwarding.courier-scanned.v1' && event.subject === dossierId, 3);
      await service.drainOutbox();
      expect(scanned.map(({ event }) => (event as BcciEvent<'bcci.forwarding.courier-scanned.v1'>).data.scanKind).sort()).toEqual(['ARRIVED', 'DISPATCHED', 'HANDED_OVER']);
      const handedOver = scanned.find(({ event }) => (event as BcciEvent<'bcci.forwarding.courier-scanned.v1'>).data.scanKind === 'HANDED_OVER')!.event as BcciEvent<'bcci.forwarding.courier-scanned.v1'>;
      expect(handedOver.data).toMatchObject({ legId: opened.data.legId, agencyId: CRIMINAL_RECORD_AGENCY, actor: { role: 'COURIER', ref: 'staff:33100-104' } });
      expect(await outboxCount('bcci.forwarding.courier-scanned.v1', dossierId)).toBe(3);
      // The leg as a courier looks at it: each step once (the repeat left the first time), in scan time order.
      const leg = await request(service.url).get(`/dossiers/${dossierId}/leg`).set('Authorization', courier());
      expect(leg.body).toMatchObject({ status: 'HANDED_OVER', handover: null });
      expect(leg.body.scans).toEqual([
        { kind: 'DISPATCHED', postalCode: expect.any(String), scannedAt: '2025-03-12T08:40:00.000Z' },
        { kind: 'ARRIVED', postalCode: expect.any(String), scannedAt: '2025-03-13T01:05:00.000Z' },
        { kind: 'HANDED_OVER', postalCode: expect.any(String), scannedAt: '2025-03-13T02:30:00.000Z' },
      ]);
    });

    it("the same scan sent twice at once (a device's retry): the second waits for the first and is a repeat, one scan, one event", async () => {
      const { registration } = await openLeg();
      const dossierId = registration.subject;
      // The test holds the leg while both scans queue behind it: the second to get the leg must see the
      // scan the first recorded, not only the leg's new status.
      const holder = await RowLockHolder.hold(service.dataSource, `SELECT 1 FROM postal_legs WHERE dossier_id = $1 FOR UPDATE`, [dossierId]);
      const answers = Promise.all([scan(dossierId, 'DISPATCHED', '2025-03-12T15:40:00+07:00'), scan(dossierId, 'DISPATCHED', '2025-03-12T15:40:00+07:00')]);
      await holder.queued(2, 'both scans waiting for the leg the test holds');
      await holder.release();
      const [first, second] = await answers;
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.body.outcome, second.body.outcome].sort()).toEqual(['recorded', 'repeated']);
      const [{ scans }] = (await service.dataSource.query(`SELECT count(*)::int AS scans FROM courier_scans WHERE dossier_id = $1`, [dossierId])) as Array<{ scans: number }>;
      expect(scans).toBe(1);
      expect(await outboxCount('bcci.forwarding.courier-scanned.v1', dossierId)).toBe(1);
    });

    it('refuses bad input (400), an unknown dossier (404), another postal point (403) and agencies (403)', async () => {
      const { registration } = await openLeg();
      const url = `/dossiers/${registration.subject}/scans`;
      const bad = await request(service.url).post(url).set('Authorization', courier()).send({ kind: 'LOST', postalCode: '331', at: 'yesterday' });
      expect(bad.status).toBe(400);
      expect(bad.body.messageVi).toEqual(expect.any(String));
      expect((await request(service.url).post('/dossiers/not-a-uuid/scans').set('Authorization', courier()).send({ kind: 'DISPATCHED', postalCode: '33100', at: '2025-03-12T15:00:00+07:00' })).status).toBe(400);
      expect((await scan(randomUUID(), 'DISPATCHED', '2025-03-12T15:00:00+07:00')).status).toBe(404);
      const elsewhere = service.authHeader({ role: 'courier', postalCode: '33500' });
      expect((await scan(registration.subject, 'DISPATCHED', '2025-03-12T15:00:00+07:00', elsewhere)).status).toBe(403);
      expect((await scan(registration.subject, 'DISPATCHED', '2025-03-12T15:00:00+07:00', service.authHeader({ role: 'agency', agencyId: CRIMINAL_RECORD_AGENCY }))).status).toBe(403);
      expect((await request(service.url).post(url).send({ kind: 'DISPATCHED', postalCode: '33100', at: '2025-03-12T15:00:00+07:00' })).status).toBe(401);
      expect((await scan(registration.subject, 'DISPATCHED', '2999-01-01T00:00:00+07:00')).status).toBe(400);
      expect(await outboxCount('bcci.forwarding.courier-scanned.v1', registration.subject)).toBe(0);
    });

    it("scans a courier's run by S10 ids, all or nothing", async () => {
      const a = await openLeg();
      const b = await openLeg();
      const s10 = [a.registration.data.s10ItemId!, b.registration.data.s10ItemId!];
      const body = { kind: 'DISPATCHED', postalCode: '33100', at: '2025-03-12T16:00:00+07:00', bagRef: 'T33100-250312-02' };

      const unknown = await request(service.url).post('/scans/batch').set('Authorization', courier()).send({ ...body, s10ItemIds: [...s10, 'EB000000000VN'] });
      expect(unknown.status).toBe(404);
      expect(unknown.body.details).toEqual({ unknown: ['EB000000000VN'] });
      expect(await outboxCount('bcci.forwarding.courier-scanned.v1', a.registration.subject)).toBe(0);

      const ok = await request(service.url).post('/scans/batch').set('Authorization', courier()).send({ ...body, s10ItemIds: s10 });
      expect(ok.status).toBe(200);
      expect(ok.body.items.map((item: { outcome: string }) => item.outcome)).toEqual(['recorded', 'recorded']);

      const arrivedOne = await request(service.url).post('/scans/batch').set('Authorization', courier()).send({ ...body, kind: 'HANDED_OVER', s10ItemIds: s10 });
      expect(arrivedOne.status).toBe(409);
      expect(arrivedOne.body.details.items).toHaveLength(2);
      const [event] = await eventsOf('bcci.forwarding.courier-scanned.v1', b.registration.subject);
      expect((event.event as BcciEvent<'bcci.forwarding.courier-scanned.v1'>).data.bagRef).toBe('T33100-250312-02');
    });
  });

  describe('handover record', () => {
    async function dispatched(options: Parameters<typeof registrationEvent>[0] = {}) {
      const leg = await openLeg(options);
      expect((await scan(leg.registration.subject, 'DISPATCHED', '2025-03-12T15:40:00+07:00')).status).toBe(200);
      return leg;
    }

    it('signed on paper by both sides: handover-record-signed (legal filing time) and fees-remitted out, total of the dossiers', async () => {
      const a = await dispatched({ fees: 200000 });
      const b = await dispatched({ fees: 135000 });
      const c = await dispatched({ fees: 0 });
      const response = await request(service.url)
        .post('/handover-records')
        .set('Authorization', courier())
        .send({
          items: [
            { dossierId: a.registration.subject, documentsCounted: 2 },
            { s10ItemId: b.registration.data.s10ItemId, documentsCounted: 2 },
            { dossierId: c.registration.subject, documentsCounted: 2 },
          ],
          signedAt: '2025-03-13T09:41:12+07:00',
          agencySignerName: 'Nguyễn Văn A',
          remittanceMethod: 'BANK_TRANSFER',
        });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        status: 'SIGNED',
        agencyId: CRIMINAL_RECORD_AGENCY,
        signedAt: '2025-03-13T02:41:12.000Z',
        agencySignatureSource: 'PAPER_RECORD',
        remittance: { total: 335000, dossierCount: 2, method: 'BANK_TRANSFER' },
      });
      expect(response.body.items.every((item: { postalDeadlineMet: boolean }) => item.postalDeadlineMet)).toBe(true);
      // The answer is built from the decision, not read back: it must say what the stored rows say.
      expect(response.body).toEqual(await storedHandoverRecordView(service.dataSource.manager, response.body.handoverRecordId));

      const [signed] = await eventsOf('bcci.forwarding.handover-record-signed.v1', a.registration.subject);
      const data = (signed.event as BcciEvent<'bcci.forwarding.handover-record-signed.v1'>).data;
      expect(signed.event).toMatchObject({ nationalstatus: 2, channel: 3 });
      expect(data).toMatchObject({
        handoverRecordId: response.body.handoverRecordId,
        signedAt: '2025-03-13T02:41:12.000Z',
        itemsCounted: 2,
        componentsMatch: true,
        batchId: response.body.handoverRecordId,
        postalSigner: { role: 'COURIER', ref: 'staff:33100-104' },
        agencySigner: { role: 'AGENCY_RECEIVER', ref: `agency-receiver:${CRIMINAL_RECORD_AGENCY}` },
        postalDeadlineMet: true,
      });
      expect(JSON.stringify(signed.event)).not.toContain('Nguyễn Văn A');

      const [remitted] = await eventsOf('bcci.forwarding.fees-remitted.v1', b.registration.subject);
      expect((remitted.event as BcciEvent<'bcci.forwarding.fees-remitted.v1'>).data).toMatchObject({
        amount: 135000,
        remittanceTotal: 335000,
        remittanceDossierCount: 2,
        method: 'BANK_TRANSFER',
        handoverRecordId: response.body.handoverRecordId,
        remittedAt: '2025-03-13T02:41:12.000Z',
      });
      await eventsOf('bcci.forwarding.handover-record-signed.v1', c.registration.subject);
      expect(await outboxCount('bcci.forwarding.fees-remitted.v1', c.registration.subject)).toBe(0);

      const leg = await request(service.url).get(`/dossiers/${a.registration.subject}/leg`).set('Authorization', courier());
      expect(leg.body).toMatchObject({
        status: 'FILED',
        filedAt: '2025-03-13T02:41:12.000Z',
        late: false,
        handover: { handoverRecordId: response.body.handoverRecordId, recordNumber: response.body.recordNumber, status: 'SIGNED', signedAt: '2025-03-13T02:41:12.000Z' },
        scans: [{ kind: 'DISPATCHED', postalCode: '33100', scannedAt: '2025-03-12T08:40:00.000Z' }],
      });
      const again = await request(service.url).post('/handover-records').set('Authorization', courier()).send({ items: [{ dossierId: a.registration.subject, documentsCounted: 2 }], signedAt: '2025-03-13T10:00:00+07:00', agencySignerName: 'B' });
      expect(again.status).toBe(409);
    });

    it('a count that differs from a sending slip is refused (422) listing the dossiers, writing nothing', async () => {
      const a = await dispatched();
      const b = await dispatched();
      const response = await request(service.url)
        .post('/handover-records')
        .set('Authorization', courier())
        .send({ items: [{ dossierId: a.registration.subject, documentsCounted: 2 }, { dossierId: b.registration.subject, documentsCounted: 1 }], signedAt: '2025-03-13T09:41:12+07:00', agencySignerName: 'X' });
      expect(response.status).toBe(422);
      expect(response.body.details).toEqual({ items: [{ dossierId: b.registration.subject, s10ItemId: b.registration.data.s10ItemId, expected: 2, counted: 1 }] });
      const records = await service.dataSource.query(`SELECT 1 FROM handover_record_items WHERE dossier_id IN ($1, $2)`, [a.registration.subject, b.registration.subject]);
      expect(records).toHaveLength(0);
    });

    it('refuses bad input (400), a leg not dispatched (409), dossiers of two agencies (422)', async () => {
      const open = await openLeg();
      const police = await dispatched({ procedureCode: '1.002804', intakeDay: '2025-03-12' });
      const justice = await dispatched();
      const post = (body: object) => request(service.url).post('/handover-records').set('Authorization', courier()).send(body);
      expect((await post({ items: [], signedAt: '2025-03-13T09:41:12+07:00' })).status).toBe(400);
      expect((await post({ items: [{ dossierId: justice.registration.subject, s10ItemId: justice.registration.data.s10ItemId, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' })).status).toBe(400);
      expect((await post({ items: [{ dossierId: justice.registration.subject, documentsCounted: -1 }], signedAt: 'soon' })).status).toBe(400);
      expect((await post({ items: [{ dossierId: open.registration.subject, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' })).status).toBe(409);
      const mixed = await post({ items: [{ dossierId: police.registration.subject, documentsCounted: 2 }, { dossierId: justice.registration.subject, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' });
      expect(mixed.status).toBe(422);
      expect(mixed.body.details.items).toHaveLength(2);
      const dup = await post({ items: [{ dossierId: justice.registration.subject, documentsCounted: 2 }, { s10ItemId: justice.registration.data.s10ItemId, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' });
      expect(dup.status).toBe(400);
      const agency = await request(service.url).post('/handover-records').set('Authorization', service.authHeader({ role: 'agency', agencyId: CRIMINAL_RECORD_AGENCY })).send({ items: [{ dossierId: justice.registration.subject, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' });
      expect(agency.status).toBe(403);
      expect(await service.dataSource.query(`SELECT 1 FROM handover_records`)).toHaveLength(1);
    });

    it('waits for the agency gateway when signed by the post alone; complete at the later signature; redelivery has no second effect', async () => {
      const a = await dispatched();
      const b = await dispatched();
      const posted = await request(service.url)
        .post('/handover-records')
        .set('Authorization', courier())
        .set('Idempotency-Key', `handover-${a.registration.subject}`)
        .send({ items: [{ dossierId: a.registration.subject, documentsCounted: 2 }, { dossierId: b.registration.subject, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' });
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({ status: 'AWAITING_AGENCY_SIGNATURE', signedAt: null, remittance: null });
      expect(posted.body).toEqual(await storedHandoverRecordView(service.dataSource.manager, posted.body.handoverRecordId));
      const retry = await request(service.url)
        .post('/handover-records')
        .set('Authorization', courier())
        .set('Idempotency-Key', `handover-${a.registration.subject}`)
        .send({ items: [{ dossierId: a.registration.subject, documentsCounted: 2 }, { dossierId: b.registration.subject, documentsCounted: 2 }], signedAt: '2025-03-13T09:41:12+07:00' });
      expect(retry.status).toBe(201);
      expect(retry.body.handoverRecordId).toBe(posted.body.handoverRecordId);

      const ackA = acknowledgementEvent(a.registration.subject, CRIMINAL_RECORD_AGENCY, '2025-03-13T10:00:00+07:00');
      await publish(ackA);
      await handled(ackA.id);
      expect(await outboxCount('bcci.forwarding.handover-record-signed.v1', a.registration.subject)).toBe(0);

      const ackB = acknowledgementEvent(b.registration.subject, CRIMINAL_RECORD_AGENCY, '2025-03-13T10:02:00+07:00');
      await publish(ackB);
      const [signed] = await eventsOf('bcci.forwarding.handover-record-signed.v1', b.registration.subject);
      expect((signed.event as BcciEvent<'bcci.forwarding.handover-record-signed.v1'>).data).toMatchObject({
        signedAt: '2025-03-13T03:02:00.000Z',
        postalSignedAt: '2025-03-13T02:41:12.000Z',
        agencySignatureSource: 'AGENCY_GATEWAY',
        agencySigner: { role: 'AGENCY_RECEIVER', ref: 'agency-user:H65-0042' },
      });
      expect(signed.event.causationid).toBe(ackB.id);

      const replay = againWithNewId(ackB);
      await publish(ackB, ackA, replay);
      await handled(replay.id);
      expect(await outboxCount('bcci.forwarding.handover-record-signed.v1', b.registration.subject)).toBe(1);
      expect(await outboxCount('bcci.forwarding.fees-remitted.v1', b.registration.subject)).toBe(1);
      expect(await service.dataSource.query(`SELECT 1 FROM fee_remittances WHERE handover_record_id = $1`, [posted.body.handoverRecordId])).toHaveLength(1);
    });

    it('an agency acknowledgement that arrives before the record completes it at the postal signature', async () => {
      const a = await dispatched();
      const ack = acknowledgementEvent(a.registration.subject, CRIMINAL_RECORD_AGENCY, '2025-03-13T09:30:00+07:00');
      await publish(ack);
      await handled(ack.id);
      const posted = await request(service.url)
        .post('/handover-records')
        .set('Authorization', courier())
        .send({ items: [{ dossierId: a.registration.subject, documentsCounted: 2 }], signedAt: '2025-03-17T09:41:12+07:00' });
      expect(posted.body).toMatchObject({ status: 'SIGNED', signedAt: '2025-03-17T02:41:12.000Z', agencySignatureSource: 'AGENCY_GATEWAY' });
      const [signed] = await eventsOf('bcci.forwarding.handover-record-signed.v1', a.registration.subject);
      // J = 12/03, J+2 = 14/03: handed over on Monday 17/03 is late.
      expect((signed.event as BcciEvent<'bcci.forwarding.handover-record-signed.v1'>).data.postalDeadlineMet).toBe(false);
    });
  });

  describe('leg queries within scope', () => {
    it('GET /dossiers/:id/leg tells status, deadline and lateness; out of scope 403; unknown 404', async () => {
      const { registration } = await openLeg({ intakeDay: '2025-03-12' });
      const leg = await request(service.url).get(`/dossiers/${registration.subject}/leg`).set('Authorization', courier());
      expect(leg.status).toBe(200);
      expect(leg.body).toMatchObject({ status: 'OPEN', late: true, deadline: { dueDate: '2025-03-14', workingDays: 2 }, scans: [], handover: null });
      expect((await request(service.url).get(`/dossiers/${registration.subject}/leg`).set('Authorization', service.authHeader({ role: 'agency', agencyId: CRIMINAL_RECORD_AGENCY }))).status).toBe(200);
      expect((await request(service.url).get(`/dossiers/${registration.subject}/leg`).set('Authorization', service.authHeader({ role: 'agency', agencyId: '000.00.12.H65' }))).status).toBe(403);
      expect((await request(service.url).get(`/dossiers/${registration.subject}/leg`).set('Authorization', service.authHeader({ role: 'courier', postalCode: '33700' }))).status).toBe(403);
      expect((await request(service.url).get(`/dossiers/${randomUUID()}/leg`).set('Authorization', courier())).status).toBe(404);
    });

    it('GET /legs?status=open&overdue=true lists overdue legs within scope only', async () => {
      const { registration } = await openLeg();
      const elsewhere = await openLeg({ postalCode: '33500' });
      const list = await request(service.url).get('/legs?status=open&overdue=true&limit=200').set('Authorization', courier());
      expect(list.status).toBe(200);
      const ids = list.body.items.map((item: { dossierId: string }) => item.dossierId);
      expect(ids).toContain(registration.subject);
      expect(ids).not.toContain(elsewhere.registration.subject);
      expect(list.body.items.every((item: { late: boolean; originPostalCode: string }) => item.late && item.originPostalCode === '33100')).toBe(true);

      const operations = await request(service.url).get('/legs?status=open&overdue=true&limit=200').set('Authorization', service.authHeader({ role: 'operations', provinceCode: '15' }));
      expect(operations.body.items.map((item: { dossierId: string }) => item.dossierId)).toEqual(expect.arrayContaining([registration.subject, elsewhere.registration.subject]));
      const otherProvince = await request(service.url).get('/legs').set('Authorization', service.authHeader({ role: 'operations', provinceCode: '01' }));
      expect(otherProvince.body).toEqual({ items: [], total: 0 });
      expect((await request(service.url).get('/legs?status=lost').set('Authorization', courier())).status).toBe(400);
      expect((await request(service.url).get('/legs?limit=0').set('Authorization', courier())).status).toBe(400);
    });
  });
});
