import { assertValidEvent, EventType, topicFor, type DossierRegisteredData } from '@bcci/contracts';
import { EventCollector, type TestService } from '@bcci/service-kit/testing';
import { isPostalItemId, postalDayJ } from '@bcci/kernel';
import request from 'supertest';
import { countRows, registration, startIntake } from './intake-test-kit';
import { lookupPinHash } from '../src/dossiers/domain/lookup-pin';
import { readPdf } from '../src/sending-slip/testing/pdf-text';

describe('intake: registration (PostgreSQL + broker)', () => {
  let service: TestService;
  let events: EventCollector;
  const mine = new Set<string>();

  beforeAll(async () => {
    service = await startIntake('register');
    events = await new EventCollector({
      brokers: service.brokers,
      topics: [topicFor(EventType.DossierRegistered)],
      where: (event) => mine.has(event.subject),
    }).start();
  });
  afterAll(async () => {
    await events?.stop();
    await service?.stop();
  });

  const clerk = (postalCode = '33100') => service.authHeader({ role: 'clerk', postalCode, subject: `clerk-${postalCode}`, displayName: 'Trần Thị Lan' });
  const register = (body: object, headers: Record<string, string> = {}) =>
    request(service.url).post('/dossiers').set({ Authorization: clerk(), ...headers }).send(body);

  it('serves OpenAPI with the counter endpoints, health and readiness', async () => {
    const docs = await request(service.url).get('/docs-json').expect(200);
    for (const path of ['/procedures', '/dossiers', '/dossiers/{id}', '/dossiers/{id}/applicant', '/dossiers/{id}/sending-slip', '/dossiers/{id}/withdrawal']) {
      expect(Object.keys(docs.body.paths)).toContain(path);
    }
    await request(service.url).get('/health').expect(200);
    await request(service.url).get('/ready').expect(200);
  });

  it('lists the procedures eligible today with checklist, fees, time limits and agency', async () => {
    const res = await request(service.url).get('/procedures').set('Authorization', clerk()).expect(200);
    expect(res.body).toMatchObject({ postalCode: '33100', sample: true });
    const criminalRecord = res.body.procedures.find((p: { code: string }) => p.code === '2.000488');
    expect(criminalRecord).toMatchObject({
      agency: { id: '000.00.13.H39' },
      serviceForms: [1, 2, 3],
      fees: { agencyFee: 200000, postageSend: 25000, postageReturn: 25000 },
      timeLimits: { agencyWorkingDays: 10, postalLeg: { legClass: 'BETWEEN_COMMUNES', workingDays: 2 } },
    });
    expect(criminalRecord.checklist[0]).toMatchObject({ code: 'TP1', required: true, accepts: ['original'] });
  });

  it('registers a dossier and publishes exactly one valid dossier-registered event without personal data', async () => {
    const res = await register(registration(), { 'Idempotency-Key': 'reg-1' }).expect(201);
    const dossier = res.body;
    mine.add(dossier.id);
    expect(dossier.provisionalDossierId).toMatch(/^BCCI-33100-\d{6}-0001$/);
    expect(isPostalItemId(dossier.postalItemId)).toBe(true);
    expect(dossier.applicant).toEqual({ identityDocumentKind: 'cccd', identityNumberMasked: '********1234', phoneMasked: '*******678' });
    expect(dossier.intakeDay).toBe(postalDayJ(new Date(dossier.receivedAt)));
    expect(dossier.postalDeadline).toMatchObject({ legClass: 'BETWEEN_COMMUNES', startDay: dossier.intakeDay, workingDays: 2 });
    expect(dossier.fees).toMatchObject({ agencyFee: 200000, postage: { forwardLeg: 25000, returnLeg: 25000, total: 50000 }, total: 250000 });
    expect(JSON.stringify(dossier)).not.toContain('015090001234');

    const [registered] = await events.waitFor((event) => event.subject === dossier.id);
    assertValidEvent(registered!.event);
    const data = registered!.event.data as DossierRegisteredData;
    expect(data).toMatchObject({
      dossierId: dossier.id,
      provisionalDossierId: dossier.provisionalDossierId,
      serviceForm: 'SEND_AND_RECEIVE',
      receivingChannel: 3,
      s10ItemId: dossier.postalItemId,
      sealNumber: 'NP-2026-000123',
      expectedAgencyId: '000.00.13.H39',
      intakeSite: { kind: 'POSTAL_POINT', postalCode: '33100', provinceCode: '15', communeCode: '04249' },
      agencyFees: { total: 200000, paymentMethod: 'CASH' },
      postage: { total: 50000, forwardLeg: 25000, returnLeg: 25000 },
      returnDestination: { deliveryMode: 'HOME', postalCode: '33100' },
      actor: { role: 'POSTAL_CLERK', ref: 'clerk-33100' },
    });
    expect(data.recipientRef).toBe(data.applicantRef);

    // The slip prints the lookup PIN; the event carries only its hash, which that PIN must match.
    const slip = await request(service.url)
      .get(`/dossiers/${dossier.id}/sending-slip`)
      .set('Authorization', clerk())
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const pin = /Mã tra cứu \(PIN\): (\d{6})/.exec(readPdf(slip.body as Buffer).text)?.[1];
    expect(pin).toMatch(/^\d{6}$/);
    expect(data.lookupPinHash).toBe(lookupPinHash(dossier.id, pin!));
    const wire = registered!.message.value!.toString();
    for (const secret of ['015090001234', '0912345678', 'Nguyễn', 'phường Yên Bái']) expect(wire).not.toContain(secret);
    expect(registered!.message.key?.toString()).toBe(dossier.id);

    await events.drainToEnd();
    expect(events.events.filter(({ event }) => event.subject === dossier.id)).toHaveLength(1);
  });

  it('returns the first answer to a retry with the same Idempotency-Key and creates nothing', async () => {
    const first = await register(registration({ sealNumber: 'NP-IDEM-1' }), { 'Idempotency-Key': 'reg-retry' }).expect(201);
    mine.add(first.body.id);
    await events.waitFor((event) => event.subject === first.body.id);
    const before = await countRows(service);
    const retry = await register(registration({ sealNumber: 'NP-IDEM-1' }), { 'Idempotency-Key': 'reg-retry' }).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await countRows(service)).toEqual(before);
    await events.drainToEnd();
    expect(events.events.filter(({ event }) => event.subject === first.body.id)).toHaveLength(1);

    const reused = await register(registration({ sealNumber: 'NP-OTHER' }), { 'Idempotency-Key': 'reg-retry' }).expect(409);
    expect(reused.body.code).toBe('idempotency-key.reused');
  });

  it('allocates ids per postal point: daily provisional sequence and S10 serials', async () => {
    const a = await request(service.url).post('/dossiers').set('Authorization', clerk('33700')).send(registration({ sealNumber: 'NP-A' })).expect(201);
    const b = await request(service.url).post('/dossiers').set('Authorization', clerk('33700')).send(registration({ sealNumber: 'NP-B' })).expect(201);
    mine.add(a.body.id);
    mine.add(b.body.id);
    expect(a.body.provisionalDossierId).toMatch(/^BCCI-33700-\d{6}-0001$/);
    expect(b.body.provisionalDossierId).toMatch(/^BCCI-33700-\d{6}-0002$/);
    const serial = (id: string) => Number(id.slice(2, 10));
    expect(serial(b.body.postalItemId)).toBe(serial(a.body.postalItemId) + 1);
    const ranges = await service.dataSource.query(`SELECT postal_code, first_serial, last_serial FROM postal_item_ranges ORDER BY first_serial`);
    expect(ranges.map((r: { postal_code: string }) => r.postal_code)).toEqual(['33100', '33700']);
    expect(ranges[1].first_serial).toBeGreaterThan(ranges[0].last_serial);
  });

  it('registers form 2 (result by post only) with the agency dossier code', async () => {
    const res = await register({
      serviceForm: 2,
      procedureCode: '2.000488',
      applicant: { fullName: 'Lê Thị Hoa', identityDocument: { kind: 'passport', number: 'C1234567' }, phone: '0987654321', address: 'Thôn 2, xã Tuy Lộc, tỉnh Lào Cai' },
      returnDestination: { deliveryMode: 'COUNTER' },
      dossierCode: '000.00.13.H39-260110-0042',
      fees: { agencyFee: { amount: 0 }, postage: { returnLeg: 25000, paymentMethod: 'e-wallet' } },
    }).expect(201);
    mine.add(res.body.id);
    expect(res.body).toMatchObject({ serviceForm: 2, postalItemId: null, sealNumber: null, postalDeadline: null, dossierCode: '000.00.13.H39-260110-0042' });
    const [registered] = await events.waitFor((event) => event.subject === res.body.id);
    expect(registered!.event).toMatchObject({ channel: 2, data: { serviceForm: 'RECEIVE_RESULT', receivingChannel: 2, postage: { paymentMethod: 'E_WALLET' } } });

    // No sending slip for form 2: the receipt of the registration gives the lookup PIN, whose hash the event carries.
    await request(service.url).get(`/dossiers/${res.body.id}/sending-slip`).set('Authorization', clerk()).expect(422);
    const receipt = await request(service.url)
      .get(`/dossiers/${res.body.id}/return-receipt`)
      .set('Authorization', clerk())
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(receipt.headers['content-type']).toContain('application/pdf');
    const text = readPdf(receipt.body as Buffer).text;
    expect(text).toContain(res.body.provisionalDossierId);
    const pin = /Mã tra cứu \(PIN\): (\d{6})/.exec(text)?.[1];
    expect(pin).toMatch(/^\d{6}$/);
    expect((registered!.event.data as DossierRegisteredData).lookupPinHash).toBe(lookupPinHash(res.body.id, pin!));
  });

  it('points a form-3 dossier to its sending slip for the lookup PIN (no return receipt)', async () => {
    const res = await register(registration({ sealNumber: 'NP-RECEIPT-3' })).expect(201);
    mine.add(res.body.id);
    const refused = await request(service.url).get(`/dossiers/${res.body.id}/return-receipt`).set('Authorization', clerk()).expect(422);
    expect(refused.body.code).toBe('return-receipt.not-applicable');
  });

  describe('bad input: a 4xx a clerk understands, and nothing written', () => {
    const cases: Array<[string, () => request.Test, number, string | null]> = [
      ['unknown procedure', () => register(registration({ procedureCode: '9.999999' })), 400, 'procedure.unknown'],
      ['procedure not offered with this service form', () => register(registration({ procedureCode: '1.001765' })), 422, 'procedure.service-form-not-offered'],
      ['missing components', () => register(registration({ components: [{ code: 'TP3', kind: 'copy', count: 1 }] })), 400, 'components.missing'],
      ['invalid CCCD', () => register(registration({ applicant: { ...registration().applicant as object, identityDocument: { kind: 'cccd', number: '12345' } } })), 400, 'citizen-id.format'],
      ['invalid phone', () => register(registration({ applicant: { ...registration().applicant as object, phone: '12345' } })), 400, 'phone-number.format'],
      ['negative amount', () => register(registration({ fees: { agencyFee: { amount: -200000, paymentMethod: 'cash' }, postage: { forwardLeg: 25000, returnLeg: 25000, paymentMethod: 'cash' } } })), 400, 'vnd.negative'],
      ['absurd amount', () => register(registration({ fees: { agencyFee: { amount: 200000, paymentMethod: 'cash' }, postage: { forwardLeg: 2500000000, returnLeg: 25000, paymentMethod: 'cash' } } })), 400, 'vnd.too-large'],
      ['agency fee different from the catalog', () => register(registration({ fees: { agencyFee: { amount: 150000, paymentMethod: 'cash' }, postage: { forwardLeg: 25000, returnLeg: 25000, paymentMethod: 'cash' } } })), 400, 'fees.agency-fee-mismatch'],
      ['unknown field', () => register(registration({ applicantName: 'x' })), 400, 'validation-failed'],
      ['oversized body', () => register(registration({ sealNumber: 'x'.repeat(1_100_000) })), 413, 'body-too-large'],
      ['missing token', () => request(service.url).post('/dossiers').send(registration()), 401, null],
      ['a role other than clerk', () => request(service.url).post('/dossiers').set('Authorization', service.authHeader({ role: 'auditor' })).send(registration()), 403, null],
    ];

    it.each(cases)('%s', async (_name, send, status, code) => {
      const before = await countRows(service);
      const res = await send().expect(status);
      expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String), messageVi: expect.any(String) });
      if (code) expect(res.body.code).toBe(code);
      expect(await countRows(service)).toEqual(before);
    });

    it('lists every missing component back by its Vietnamese name', async () => {
      const res = await register(registration({ components: [] })).expect(400);
      expect(res.body.messageVi).toContain('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (theo mẫu)');
      expect(res.body.messageVi).toContain('Bản chụp Căn cước công dân');
      expect(res.body.details.missingComponents.map((m: { code: string }) => m.code)).toEqual(['TP1', 'TP2']);
    });
  });

  describe('hostile input (issue 10): a small 4xx, nothing written, intake still ready', () => {
    const applicant = registration().applicant as Record<string, unknown>;
    const fees = registration().fees as Record<string, unknown>;
    const without = (object: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));
    const raw = (text: string, contentType = 'application/json') =>
      request(service.url).post('/dossiers').set({ Authorization: clerk(), 'Content-Type': contentType }).send(text);

    const cases: Array<[string, () => request.Test, number, string, string?]> = [
      ['registration without applicant', () => register(without(registration(), 'applicant')), 400, 'validation-failed', 'applicant'],
      ['registration without applicant.identityDocument', () => register(registration({ applicant: without(applicant, 'identityDocument') })), 400, 'validation-failed', 'applicant.identityDocument'],
      ['registration with applicant as text', () => register(registration({ applicant: 'Nguyễn Văn Đức' })), 400, 'validation-failed', 'applicant'],
      ['registration without fees', () => register(without(registration(), 'fees')), 400, 'validation-failed', 'fees'],
      ['registration without fees.agencyFee', () => register(registration({ fees: without(fees, 'agencyFee') })), 400, 'validation-failed', 'fees.agencyFee'],
      ['registration without fees.postage', () => register(registration({ fees: without(fees, 'postage') })), 400, 'validation-failed', 'fees.postage'],
      ['originalChannel -1', () => register(registration({ originalChannel: -1 })), 400, 'validation-failed', 'originalChannel'],
      ['originalChannel 1e308', () => raw(JSON.stringify(registration()).replace(/}$/, ',"originalChannel":1e308}')), 400, 'validation-failed', 'originalChannel'],
      ['empty dossierCode', () => register(registration({ dossierCode: '' })), 400, 'validation-failed', 'dossierCode'],
      ['blank dossierCode', () => register(registration({ dossierCode: '   ' })), 400, 'validation-failed', 'dossierCode'],
      ['JSON nested 5,000 deep', () => raw('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)), 400, 'json.too-deep'],
      ['JSON nested 50,000 deep', () => raw('['.repeat(50_000) + ']'.repeat(50_000)), 400, 'json.too-deep'],
      ['an array of 200,000 items', () => raw(`[${new Array(200_000).fill('0').join(',')}]`), 400, 'json.too-many-items'],
      ['a NUL in the applicant name', () => register(registration({ applicant: { ...applicant, fullName: 'Nguyễn\u0000Đức' } })), 400, 'json.nul'],
      ['a lone surrogate in the address', () => register(registration({ applicant: { ...applicant, address: 'x\ud800y' } })), 400, 'json.lone-surrogate'],
      ['a top-level __proto__', () => raw(JSON.stringify(registration()).replace(/}$/, ',"__proto__":{"status":"FILED"}}')), 400, 'json.forbidden-name'],
      ['a top-level constructor', () => raw(JSON.stringify(registration()).replace(/}$/, ',"constructor":{"name":"x"}}')), 400, 'json.forbidden-name'],
      ['a text/plain body', () => raw(JSON.stringify(registration()), 'text/plain'), 415, 'unsupported-media-type'],
    ];

    // A rest parameter: with five named ones Jest would take the fifth for a `done` callback in the rows
    // without a field, and each of those would wait out the timeout.
    it.each(cases)('%s', async (...[, send, status, code, field]) => {
      const before = await countRows(service);
      const res = await send();
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.text.length).toBeLessThan(8_192);
      if (field) expect(res.body.details.map((issue: { field: string }) => issue.field)).toContain(field);
      expect(await countRows(service)).toEqual(before);
    });

    it('refuses a NUL, a repeated or an object-shaped query parameter on search and on the applicant route', async () => {
      const created = await register(registration()).expect(201);
      mine.add(created.body.id);
      const get = (path: string) => request(service.url).get(path).set('Authorization', clerk());
      const refused: Array<[string, string]> = [
        ['/dossiers?code=a%00b', 'query.nul-character'],
        ['/dossiers?code=a&code=b', 'query.repeated-parameter'],
        ['/dossiers?pageSize[$ne]=x', 'query.parameter-name'],
        ['/dossiers?page=1e308', 'validation-failed'],
        [`/dossiers/${created.body.id}/applicant?purpose=a%00b`, 'query.nul-character'],
        [`/dossiers/${created.body.id}/applicant?purpose=a&purpose=b`, 'query.repeated-parameter'],
      ];
      for (const [path, code] of refused) {
        const res = await get(path);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code });
      }
      await get('/dossiers?code=BCCI&page=1').expect(200);
    });

    it('refuses a withdrawal with "reason": null and keeps the dossier as it was', async () => {
      const created = await register(registration()).expect(201);
      mine.add(created.body.id);
      const res = await request(service.url).post(`/dossiers/${created.body.id}/withdrawal`).set('Authorization', clerk()).send({ reason: null });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'validation-failed' });
      const dossier = await request(service.url).get(`/dossiers/${created.body.id}`).set('Authorization', clerk()).expect(200);
      expect(dossier.body.status).toBe(created.body.status);
      await request(service.url).get('/ready').expect(200);
    });
  });
});
