import { randomUUID } from 'node:crypto';
import { assertValidEvent, buildEvent, EventType, toKafkaRecord, topicFor, type DossierWithdrawnData } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';
import { EventCollector, type TestService, waitUntil } from '@bcci/service-kit/testing';
import request from 'supertest';
import { countRows, registration, startIntake } from './intake-test-kit';

/** A bounded wait for an effect of intake's consumer (fails after a minute, saying so). */
const waitFor = (condition: () => Promise<boolean>) => waitUntil('an effect of intake’s consumer', condition);

describe('intake: search, personal data, sending slip, withdrawal and dispatch (PostgreSQL + broker)', () => {
  let service: TestService;
  let events: EventCollector;
  let producer: MessageProducer;
  const mine = new Set<string>();

  beforeAll(async () => {
    service = await startIntake('lifecycle');
    events = await new EventCollector({
      brokers: service.brokers,
      topics: [topicFor(EventType.DossierWithdrawn)],
      where: (event) => mine.has(event.subject) && event.type === EventType.DossierWithdrawn,
    }).start();
    producer = await new KafkajsMessageBus({ clientId: 'intake-test-forwarding', brokers: service.brokers, logLevel: 'NOTHING' }).createProducer();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await events?.stop();
    await service?.stop();
  });

  const clerk = (postalCode = '33100') => service.authHeader({ role: 'clerk', postalCode, subject: `clerk-${postalCode}`, displayName: 'Trần Thị Lan' });

  async function registerAt(postalCode: string, body: Record<string, unknown>) {
    const res = await request(service.url).post('/dossiers').set('Authorization', clerk(postalCode)).send(body).expect(201);
    mine.add(res.body.id);
    return res.body as { id: string; provisionalDossierId: string; postalItemId: string; status: string };
  }

  /** What forwarding publishes when the courier scans the sealed item: a valid event on its real topic. */
  async function produceCourierScan(dossierId: string, s10ItemId: string, scanKind: 'DISPATCHED' | 'ARRIVED') {
    const event = buildEvent({
      type: EventType.CourierScanned,
      data: { dossierId, legId: randomUUID(), s10ItemId, scanKind, postalCode: '33100', scannedAt: new Date().toISOString(), actor: { role: 'COURIER', ref: 'staff:33100-104' } },
    });
    assertValidEvent(event);
    const record = toKafkaRecord(event, { traceparent: createTraceparent() });
    await producer.send([{ topic: record.topic, key: record.key, value: record.value, headers: record.headers }]);
    return event;
  }

  const dispatchedAt = async (id: string) => (await service.dataSource.query(`SELECT dispatched_at FROM dossiers WHERE id = $1`, [id]))[0].dispatched_at as Date | null;

  describe('search within the postal point', () => {
    let duc: { id: string; provisionalDossierId: string; postalItemId: string };
    let other: { id: string };

    beforeAll(async () => {
      duc = await registerAt('33100', registration({ sealNumber: 'NP-S-1' }));
      await registerAt('33100', registration({ sealNumber: 'NP-S-2', applicant: { fullName: 'Nguyễn Thị Mai', identityDocument: { kind: 'cccd', number: '015190004321' }, phone: '0987654321', address: 'Tổ 1, phường Yên Bái, tỉnh Lào Cai' } }));
      other = await registerAt('33700', registration({ sealNumber: 'NP-S-3' }));
    });

    const search = (query: Record<string, string>, postalCode = '33100') =>
      request(service.url).get('/dossiers').query(query).set('Authorization', clerk(postalCode)).expect(200);

    it('finds by the name without diacritics, every word matching', async () => {
      const res = await search({ name: 'nguyen van DUC' });
      expect(res.body.items.map((d: { id: string }) => d.id)).toContain(duc.id);
      expect(res.body.items.every((d: { postalCode: string }) => d.postalCode === '33100')).toBe(true);
      expect((await search({ name: 'Nguyễn' })).body.total).toBeGreaterThanOrEqual(2);
      expect((await search({ name: 'nguyen van mai' })).body.total).toBe(0);
    });

    it('finds by phone in any notation, by provisional id and by S10 item id; never across postal points', async () => {
      expect((await search({ phone: '+84 912 345 678' })).body.items.map((d: { id: string }) => d.id)).toContain(duc.id);
      expect((await search({ code: duc.provisionalDossierId.toLowerCase() })).body.items.map((d: { id: string }) => d.id)).toEqual([duc.id]);
      expect((await search({ postalItemId: duc.postalItemId })).body.items.map((d: { id: string }) => d.id)).toEqual([duc.id]);
      const at33700 = await search({ name: 'nguyen van duc' }, '33700');
      expect(at33700.body.items.map((d: { id: string }) => d.id)).toEqual([other.id]);
    });

    it('paginates and shows only masked personal numbers', async () => {
      const page = await search({ name: 'nguyen', pageSize: '1', page: '2' });
      expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(page.body.items).toHaveLength(1);
      const text = JSON.stringify((await search({})).body);
      expect(text).not.toContain('015090001234');
      expect(text).not.toContain('0912345678');
      expect(text).not.toContain('Nguyễn');
    });

    it('stores personal data only encrypted and search terms only as keyed hashes', async () => {
      const raw = JSON.stringify(await service.dataSource.query(`SELECT d.*, encode(d.pii_ciphertext, 'escape') AS clear FROM dossiers d WHERE id = $1`, [duc.id]));
      expect(raw).not.toContain('015090001234');
      expect(raw).not.toContain('Nguy');
      const tokens = await service.dataSource.query(`SELECT token FROM dossier_search_tokens WHERE dossier_id = $1`, [duc.id]);
      expect(tokens.length).toBe(4); // nguyen, van, duc, one phone
      expect(tokens.every((t: { token: string }) => /^[0-9a-f]{64}$/.test(t.token))).toBe(true);
    });
  });

  describe('access', () => {
    it('403 for another postal point’s dossier, 404 for an unknown one', async () => {
      const dossier = await registerAt('33700', registration({ sealNumber: 'NP-X-1' }));
      const forbidden = await request(service.url).get(`/dossiers/${dossier.id}`).set('Authorization', clerk('33100')).expect(403);
      expect(forbidden.body).toMatchObject({ statusCode: 403, code: 'dossier.other-postal-point', messageVi: expect.stringContaining('điểm phục vụ bưu chính khác') });
      await request(service.url).get(`/dossiers/${dossier.id}/applicant`).query({ purpose: 'Kiểm tra' }).set('Authorization', clerk('33100')).expect(403);
      await request(service.url).post(`/dossiers/${dossier.id}/withdrawal`).set('Authorization', clerk('33100')).send({}).expect(403);
      const notFound = await request(service.url).get(`/dossiers/${randomUUID()}`).set('Authorization', clerk('33100')).expect(404);
      expect(notFound.body.messageVi).toBe('Không tìm thấy hồ sơ.');
      await request(service.url).get(`/dossiers/${dossier.id}`).set('Authorization', service.authHeader({ role: 'auditor' })).expect(200);
      await request(service.url).get(`/dossiers/${dossier.id}`).set('Authorization', service.authHeader({ role: 'operations', provinceCode: '15' })).expect(200);
      await request(service.url).get(`/dossiers/${dossier.id}`).set('Authorization', service.authHeader({ role: 'operations', provinceCode: '01' })).expect(403);
    });
  });

  describe('personal data', () => {
    it('returns the applicant to the clerk of the point and to an auditor, and audits every read', async () => {
      const dossier = await registerAt('33100', registration({ sealNumber: 'NP-P-1' }));
      const res = await request(service.url)
        .get(`/dossiers/${dossier.id}/applicant`)
        .query({ purpose: 'Xác minh người nộp khi rút hồ sơ' })
        .set('Authorization', clerk('33100'))
        .expect(200);
      expect(res.body.applicant).toEqual({ fullName: 'Nguyễn Văn Đức', identityDocument: { kind: 'cccd', number: '015090001234' }, phone: '0912345678', address: 'Số 5, tổ 3, phường Yên Bái, tỉnh Lào Cai' });
      expect(res.body.recipientIsApplicant).toBe(true);
      await request(service.url).get(`/dossiers/${dossier.id}/applicant`).query({ purpose: 'Thanh tra định kỳ' }).set('Authorization', service.authHeader({ role: 'auditor', subject: 'auditor-7' })).expect(200);

      const reads = await service.dataSource.query(`SELECT actor_ref, actor_role, purpose, read_at FROM personal_data_reads WHERE dossier_id = $1 ORDER BY id`, [dossier.id]);
      expect(reads).toEqual([
        { actor_ref: 'clerk-33100', actor_role: 'clerk', purpose: 'Xác minh người nộp khi rút hồ sơ', read_at: expect.any(Date) },
        { actor_ref: 'auditor-7', actor_role: 'auditor', purpose: 'Thanh tra định kỳ', read_at: expect.any(Date) },
      ]);
    });

    it('lets the competent agency read its own dossier (claim check, audited) and refuses another agency', async () => {
      const dossier = await registerAt('33100', registration({ sealNumber: 'NP-P-3' }));
      const agency = (agencyId: string) => service.authHeader({ role: 'agency', agencyId, subject: `agency-${agencyId}` });
      const read = await request(service.url)
        .get(`/dossiers/${dossier.id}/applicant`)
        .query({ purpose: 'Giải quyết thủ tục' })
        .set('Authorization', agency('000.00.13.H39'))
        .expect(200);
      expect(read.body.applicant.fullName).toBe('Nguyễn Văn Đức');
      await request(service.url).get(`/dossiers/${dossier.id}/applicant`).query({ purpose: 'Giải quyết thủ tục' }).set('Authorization', agency('000.00.12.H39')).expect(403);
      const reads = await service.dataSource.query(`SELECT actor_role, purpose FROM personal_data_reads WHERE dossier_id = $1`, [dossier.id]);
      expect(reads).toEqual([{ actor_role: 'agency', purpose: 'Giải quyết thủ tục' }]);
    });

    it('refuses a read without a purpose and by operations, and records nothing', async () => {
      const dossier = await registerAt('33100', registration({ sealNumber: 'NP-P-2' }));
      await request(service.url).get(`/dossiers/${dossier.id}/applicant`).set('Authorization', clerk('33100')).expect(400);
      await request(service.url).get(`/dossiers/${dossier.id}/applicant`).query({ purpose: 'Thống kê' }).set('Authorization', service.authHeader({ role: 'operations', provinceCode: '15' })).expect(403);
      const reads = await service.dataSource.query(`SELECT count(*)::int AS n FROM personal_data_reads WHERE dossier_id = $1`, [dossier.id]);
      expect(reads[0].n).toBe(0);
    });
  });

  describe('sending slip', () => {
    it('returns the Phiếu gửi hồ sơ as a PDF and audits the decryption', async () => {
      const dossier = await registerAt('33100', registration({ sealNumber: 'NP-SLIP-1' }));
      const res = await request(service.url)
        .get(`/dossiers/${dossier.id}/sending-slip`)
        .set('Authorization', clerk('33100'))
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/pdf/);
      expect((res.body as Buffer).subarray(0, 4).toString('latin1')).toBe('%PDF');
      const reads = await service.dataSource.query(`SELECT purpose FROM personal_data_reads WHERE dossier_id = $1`, [dossier.id]);
      expect(reads).toEqual([{ purpose: 'In Phiếu gửi hồ sơ' }]);
    });
  });

  describe('withdrawal and dispatch', () => {
    it('withdraws before dispatch: one valid dossier-withdrawn event with the refund', async () => {
      const dossier = await registerAt('33100', registration({ sealNumber: 'NP-W-1' }));
      const res = await request(service.url)
        .post(`/dossiers/${dossier.id}/withdrawal`)
        .set('Authorization', clerk('33100'))
        .send({ reasonCode: 'APPLICANT_REQUEST', reason: 'Người nộp đề nghị rút hồ sơ' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'WITHDRAWN', withdrawal: { reasonCode: 'APPLICANT_REQUEST' } });
      const [withdrawn] = await events.waitFor((event) => event.subject === dossier.id);
      assertValidEvent(withdrawn!.event);
      expect(withdrawn!.event).toMatchObject({ nationalstatus: 7, data: { dossierId: dossier.id, refund: { agencyFees: 200000, postage: 0 } } as Partial<DossierWithdrawnData> });
      await events.drainToEnd();
      expect(events.events.filter(({ event }) => event.subject === dossier.id)).toHaveLength(1);

      const again = await request(service.url).post(`/dossiers/${dossier.id}/withdrawal`).set('Authorization', clerk('33100')).send({}).expect(409);
      expect(again.body.code).toBe('dossier.already-withdrawn');
    });

    it('refuses withdrawal after the courier’s DISPATCHED scan (409) and writes nothing', async () => {
      const dossier = await registerAt('33100', registration({ sealNumber: 'NP-W-2' }));
      const scan = await produceCourierScan(dossier.id, dossier.postalItemId, 'DISPATCHED');
      await waitFor(async () => (await dispatchedAt(dossier.id)) !== null);
      // The same event delivered twice is applied once (inbox).
      await producer.send([{ ...toKafkaRecord(scan, { traceparent: createTraceparent() }) }]);

      const before = await countRows(service);
      const res = await request(service.url).post(`/dossiers/${dossier.id}/withdrawal`).set('Authorization', clerk('33100')).send({ reason: 'Muốn rút' }).expect(409);
      expect(res.body).toMatchObject({ code: 'dossier.already-dispatched', messageVi: expect.stringContaining('đã được chuyển đi') });
      expect(await countRows(service)).toEqual(before);
      const detail = await request(service.url).get(`/dossiers/${dossier.id}`).set('Authorization', clerk('33100')).expect(200);
      expect(detail.body).toMatchObject({ status: 'REGISTERED', dispatchedAt: expect.any(String) });
      await waitFor(async () => (await service.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [scan.id]))[0].n === 1);
    });

    it('records the dossier code the agency issues (handover-acknowledged)', async () => {
      const dossier = await registerAt('33100', registration({ sealNumber: 'NP-W-3' }));
      const event = buildEvent({
        type: EventType.HandoverAcknowledged,
        data: {
          dossierId: dossier.id,
          agencyId: '000.00.13.H39',
          acknowledgedAt: new Date().toISOString(),
          dossierCode: '000.00.13.H39-261122-0007',
          agencyDeadline: { clockStart: new Date().toISOString(), workingDays: 10, dueDate: '2026-12-07' },
          actor: { role: 'AGENCY_RECEIVER', ref: 'agency-user:H39-0001' },
        },
      });
      assertValidEvent(event);
      const record = toKafkaRecord(event, { traceparent: createTraceparent() });
      await producer.send([{ topic: record.topic, key: record.key, value: record.value, headers: record.headers }]);
      await waitFor(async () => (await service.dataSource.query(`SELECT dossier_code FROM dossiers WHERE id = $1`, [dossier.id]))[0].dossier_code !== null);
      const found = await request(service.url).get('/dossiers').query({ code: '000.00.13.H39-261122-0007' }).set('Authorization', clerk('33100')).expect(200);
      expect(found.body.items.map((d: { id: string; provisionalDossierId: string }) => [d.id, d.provisionalDossierId])).toEqual([[dossier.id, dossier.provisionalDossierId]]);
    });
  });
});
