import { createHash, randomUUID } from 'node:crypto';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { assertValidEvent, EventType, type BcciEvent } from '@bcci/contracts';
import { EventCollector, RowLockHolder, startTestService, type TestService, waitUntil } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import { jpegBytes, pdfBytes, registrationEvent, resultIssuedEvent, TestPublisher } from './digitization-fixtures';

const DIGITIZATION_TOPIC = 'bcci.digitization.dossier-events.v1';
const MAX_SCAN_BYTES = 64 * 1024;


describe('digitization service (real PostgreSQL and broker)', () => {
  let service: TestService;
  let collector: EventCollector;
  let publisher: TestPublisher;
  let storeDir: string;
  const dossierIds = new Set<string>();
  let operator: string;

  beforeAll(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'bcci-digitization-'));
    service = await startTestService(AppModule, {
      serviceName: 'digitization',
      extraEnv: { DOCUMENT_STORE_DIR: storeDir, SCAN_MAX_BYTES: String(MAX_SCAN_BYTES) },
    });
    collector = await new EventCollector({ brokers: service.brokers, topics: [DIGITIZATION_TOPIC], where: (e) => dossierIds.has(e.subject) }).start();
    publisher = new TestPublisher(service.brokers);
    operator = service.authHeader({ role: 'digitization-operator', subject: 'staff:33100-021', postalCode: '33100' });
  });

  afterAll(async () => {
    await publisher?.close();
    await collector?.stop();
    await service?.stop();
    await rm(storeDir, { recursive: true, force: true });
  });

  const http = () => request(service.url);

  /** Registers a dossier through Kafka and waits until the consumer has applied it. */
  async function registered(postalCode = '33100'): Promise<BcciEvent<typeof EventType.DossierRegistered>> {
    const event = registrationEvent(postalCode);
    assertValidEvent(event);
    dossierIds.add(event.subject);
    await publisher.publish(event);
    const auditor = service.authHeader({ role: 'auditor', subject: 'audit-1' });
    await waitUntil(`digitization to know dossier ${event.subject}`, async () => (await http().get(`/dossiers/${event.subject}/digitization`).set('Authorization', auditor)).status === 200);
    return event;
  }

  async function inboxHas(eventId: string): Promise<void> {
    await waitUntil(`event ${eventId} in digitization's inbox`, async () => (await service.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0);
  }

  const upload = (dossierId: string, code: string, bytes: Buffer, filename = 'scan.pdf', contentType = 'application/pdf') =>
    http()
      .post(`/dossiers/${dossierId}/components/${code}/scans`)
      .set('Authorization', operator)
      .attach('file', bytes, { filename, contentType });

  /** A paper result's scan, uploaded by the operator unless another authorization is given. */
  const resultScan = (dossierId: string, bytes: Buffer, options: { authorization?: string; certified?: boolean } = {}) => {
    const sent = http().post(`/results/${dossierId}/scans`).set('Authorization', options.authorization ?? operator);
    return (options.certified ? sent.field('certified', 'true') : sent).attach('file', bytes, 'result.pdf');
  };

  async function outboxCount(dossierId: string): Promise<number> {
    const [row] = await service.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`, [dossierId]);
    return row.n;
  }

  it('registration in → upload → certify → complete → events out, each valid', async () => {
    const registration = await registered();
    const dossierId = registration.subject;

    const status = await http().get(`/dossiers/${dossierId}/digitization`).set('Authorization', operator).expect(200);
    expect(status.body.components.map((c: { componentCode: string; required: boolean; certificationRequired: boolean }) => [c.componentCode, c.required, c.certificationRequired])).toEqual([
      ['TK-LLTP', true, false],
      ['GT-TUY-THAN', true, true],
      ['UY-QUYEN', false, false],
    ]);

    const form = await upload(dossierId, 'TK-LLTP', pdfBytes(`form ${dossierId}`)).expect(201);
    expect(form.body.components[0]).toMatchObject({ digitized: true, document: { mediaType: 'application/pdf', pageCount: 1 } });
    // A JPEG declared as a PDF by its name is still a JPEG: the content decides.
    const id = await upload(dossierId, 'GT-TUY-THAN', jpegBytes(`id ${dossierId}`), 'cccd.pdf', 'application/pdf').expect(201);
    expect(id.body.components[1].document.mediaType).toBe('image/jpeg');
    expect(id.body.missing).toEqual([expect.objectContaining({ componentCode: 'GT-TUY-THAN', missing: 'CERTIFICATION' })]);

    await http()
      .post(`/dossiers/${dossierId}/components/GT-TUY-THAN/certification`)
      .set('Authorization', operator)
      .send({ certification: 'COPY_MATCHES_PAPER', note: 'Đã đối chiếu bản chụp.' })
      .expect(201);
    const done = await http().post(`/dossiers/${dossierId}/digitization/complete`).set('Authorization', operator).expect(200);
    expect(done.body).toMatchObject({ status: 'DIGITIZED', complete: true });

    const events = (await collector.waitFor((e) => e.subject === dossierId, 4)).map(({ event }) => event);
    for (const event of events) assertValidEvent(event);
    expect(events.map((e) => e.type)).toEqual([
      EventType.ComponentDigitized,
      EventType.ComponentDigitized,
      EventType.ComponentCertified,
      EventType.DossierDigitized,
    ]);
    expect(events.every((e) => e.correlationid === registration.correlationid)).toBe(true);
    const digitized = events[3] as BcciEvent<typeof EventType.DossierDigitized>;
    expect(digitized.data).toMatchObject({ componentCount: 3, digitizedCount: 2, site: { kind: 'POSTAL_POINT', postalCode: '33100' } });
    expect(digitized.data.components.map((c) => [c.componentCode, c.digitized, c.certified])).toEqual([
      ['TK-LLTP', true, false],
      ['GT-TUY-THAN', true, true],
      ['UY-QUYEN', false, false],
    ]);
    expect((events[2] as BcciEvent<typeof EventType.ComponentCertified>).data).toMatchObject({
      certification: 'COPY_MATCHES_PAPER',
      actor: { role: 'DIGITIZATION_OPERATOR', ref: 'staff:33100-021' },
    });

    // Locked once complete.
    await upload(dossierId, 'UY-QUYEN', pdfBytes('late')).expect(409);
  });

  it('a redelivered registration event has no second effect', async () => {
    const registration = await registered();
    const dossierId = registration.subject;
    await upload(dossierId, 'TK-LLTP', pdfBytes(`redelivery ${dossierId}`)).expect(201);
    const before = await http().get(`/dossiers/${dossierId}/digitization`).set('Authorization', operator).expect(200);

    // The same event again, then a second registration of the same dossier under a new id (same key,
    // so the same partition: once it is handled, the redelivery before it was too).
    await publisher.publish(registration);
    const duplicate = { ...registration, id: crypto.randomUUID() };
    await publisher.publish(duplicate);
    await inboxHas(duplicate.id);

    const after = await http().get(`/dossiers/${dossierId}/digitization`).set('Authorization', operator).expect(200);
    expect(after.body).toEqual(before.body);
    const [{ n }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM digitization_components WHERE dossier_id = $1`, [dossierId]);
    expect(n).toBe(3);
    const [{ n: inboxRows }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [registration.id]);
    expect(inboxRows).toBe(1);
  });

  it('refuses bad uploads and writes nothing', async () => {
    const { subject: dossierId } = await registered();
    const outboxBefore = await outboxCount(dossierId);
    const documentsBefore = (await service.dataSource.query(`SELECT count(*)::int AS n FROM documents`))[0].n;

    const disguised = await upload(dossierId, 'TK-LLTP', Buffer.from('MZ\x90\x00 not a scan at all'), 'scan.pdf', 'application/pdf').expect(415);
    expect(disguised.body).toMatchObject({ statusCode: 415, code: 'SCAN_TYPE_UNSUPPORTED' });
    expect(disguised.body.messageVi).toMatch(/PDF, JPEG hoặc PNG/);

    // Issue 10: a PDF cut to its first 20 bytes (a dropped connection) was stored as a scan.
    const truncated = await upload(dossierId, 'TK-LLTP', pdfBytes(`cut ${dossierId}`).subarray(0, 20)).expect(400);
    expect(truncated.body).toMatchObject({ statusCode: 400, code: 'SCAN_MALFORMED' });
    expect(truncated.body.messageVi).toMatch(/bị hỏng hoặc không đầy đủ/);

    const tooLarge = await upload(dossierId, 'TK-LLTP', pdfBytes('big', MAX_SCAN_BYTES + 10)).expect(413);
    expect(tooLarge.body).toMatchObject({ statusCode: 413, code: 'SCAN_TOO_LARGE' });
    expect(tooLarge.body.messageVi).toMatch(/dung lượng/);

    const unknown = await upload(dossierId, 'KHONG-CO', pdfBytes('x')).expect(404);
    expect(unknown.body.messageVi).toBeTruthy();

    const elsewhere = service.authHeader({ role: 'digitization-operator', subject: 'staff:33200-001', postalCode: '33200' });
    const forbidden = await http()
      .post(`/dossiers/${dossierId}/components/TK-LLTP/scans`)
      .set('Authorization', elsewhere)
      .attach('file', pdfBytes('other point'), 'scan.pdf')
      .expect(403);
    expect(forbidden.body.messageVi).toBeTruthy();
    await http().get(`/dossiers/${dossierId}/digitization`).set('Authorization', elsewhere).expect(403);
    const clerk = service.authHeader({ role: 'clerk', subject: 'staff:33100-017', postalCode: '33100' });
    await http().post(`/dossiers/${dossierId}/components/TK-LLTP/scans`).set('Authorization', clerk).attach('file', pdfBytes('clerk'), 'scan.pdf').expect(403);
    await http().post(`/dossiers/${dossierId}/components/TK-LLTP/scans`).attach('file', pdfBytes('anonymous'), 'scan.pdf').expect(401);
    await http().post(`/dossiers/${dossierId}/components/TK-LLTP/scans`).set('Authorization', operator).expect(400);

    await http()
      .post(`/dossiers/${dossierId}/components/TK-LLTP/certification`)
      .set('Authorization', operator)
      .send({ certification: 'COPY_MATCHES_PAPER' })
      .expect(409);
    const badBody = await http()
      .post(`/dossiers/${dossierId}/components/TK-LLTP/certification`)
      .set('Authorization', operator)
      .send({ certification: 'MAYBE', note: 'CCCD 001099012345' })
      .expect(400);
    expect(JSON.stringify(badBody.body)).toMatch(/certification/);

    const missing = await http().post(`/dossiers/${dossierId}/digitization/complete`).set('Authorization', operator).expect(422);
    expect(missing.body).toMatchObject({ statusCode: 422, code: 'DIGITIZATION_INCOMPLETE' });
    expect(missing.body.details.missing.map((m: { componentCode: string }) => m.componentCode)).toEqual(['TK-LLTP', 'GT-TUY-THAN']);
    expect(missing.body.messageVi).toMatch(/TK-LLTP/);

    expect(await outboxCount(dossierId)).toBe(outboxBefore);
    expect((await service.dataSource.query(`SELECT count(*)::int AS n FROM documents`))[0].n).toBe(documentsBefore);
    const status = await http().get(`/dossiers/${dossierId}/digitization`).set('Authorization', operator).expect(200);
    expect(status.body.status).toBe('OPEN');
    expect(status.body.components.every((c: { digitized: boolean }) => !c.digitized)).toBe(true);

    await http().get(`/dossiers/${crypto.randomUUID()}/digitization`).set('Authorization', operator).expect(404);
    await http().get(`/dossiers/not-a-uuid/digitization`).set('Authorization', operator).expect(400);
  });

  it('closes as incomplete with a reason, listing what is missing', async () => {
    const { subject: dossierId } = await registered();
    await upload(dossierId, 'TK-LLTP', pdfBytes(`incomplete ${dossierId}`)).expect(201);
    await http().post(`/dossiers/${dossierId}/digitization/incomplete`).set('Authorization', operator).send({}).expect(400);
    const closed = await http()
      .post(`/dossiers/${dossierId}/digitization/incomplete`)
      .set('Authorization', operator)
      .send({ reason: 'Bản chụp giấy tờ tùy thân bị mờ, cần quét lại.' })
      .expect(200);
    expect(closed.body.status).toBe('CLOSED_INCOMPLETE');
    const [incomplete] = await collector.waitFor((e) => e.subject === dossierId && e.type === EventType.DossierDigitizationIncomplete);
    assertValidEvent(incomplete!.event);
    expect((incomplete!.event as BcciEvent<typeof EventType.DossierDigitizationIncomplete>).data).toMatchObject({
      missingComponentCodes: ['GT-TUY-THAN'],
      note: 'Bản chụp giấy tờ tùy thân bị mờ, cần quét lại.',
    });
  });

  /** Whether the store holds a file for these bytes. */
  const stored = async (bytes: Buffer): Promise<boolean> => {
    const hex = createHash('sha256').update(bytes).digest('hex');
    return access(join(storeDir, 'sha256', hex.slice(0, 2), hex.slice(2, 4), hex)).then(
      () => true,
      () => false,
    );
  };

  it('keeps not a byte of a scan it refuses: an unknown dossier or component, another postal point', async () => {
    const dossierId = (await registered()).subject;
    const elsewhere = service.authHeader({ role: 'digitization-operator', subject: 'staff:33200-001', postalCode: '33200' });
    const refused = [
      { sent: upload(randomUUID(), 'GT-TUY-THAN', pdfBytes(`unknown dossier ${dossierId}`)), status: 404, code: 'DOSSIER_UNKNOWN', bytes: pdfBytes(`unknown dossier ${dossierId}`) },
      { sent: upload(dossierId, 'NO-SUCH-PART', pdfBytes(`unknown component ${dossierId}`)), status: 404, bytes: pdfBytes(`unknown component ${dossierId}`) },
      {
        sent: http().post(`/dossiers/${dossierId}/components/GT-TUY-THAN/scans`).set('Authorization', elsewhere).attach('file', pdfBytes(`elsewhere ${dossierId}`), 'scan.pdf'),
        status: 403,
        bytes: pdfBytes(`elsewhere ${dossierId}`),
      },
    ];
    for (const { sent, status, code, bytes } of refused) {
      const answer = await sent.expect(status);
      if (code) expect(answer.body.code).toBe(code);
      expect(await stored(bytes)).toBe(false);
    }
    const accepted = pdfBytes(`accepted ${dossierId}`);
    await upload(dossierId, 'GT-TUY-THAN', accepted).expect(201);
    expect(await stored(accepted)).toBe(true);
  });

  it('registers new bytes uploaded for two dossiers at once as one document, named by both', async () => {
    for (let round = 0; round < 5; round++) {
      const [first, second] = [(await registered()).subject, (await registered()).subject];
      const bytes = jpegBytes(`at once ${first}`);
      const [a, b] = await Promise.all([first, second].map((dossierId) => upload(dossierId, 'GT-TUY-THAN', bytes, 'x.jpg', 'image/jpeg')));
      expect([a!.status, b!.status]).toEqual([201, 201]);
      expect(b!.body.components[1].document).toEqual(a!.body.components[1].document);
      const [{ n }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM documents WHERE content_hash = $1`, [a!.body.components[1].document.contentHash]);
      expect(n).toBe(1);
    }
  });

  it('stores the same bytes once, streams them to authorised readers and records reuse with its source', async () => {
    const first = (await registered()).subject;
    const second = (await registered()).subject;
    const bytes = jpegBytes(`shared ${first}`);
    const a = await upload(first, 'GT-TUY-THAN', bytes, 'a.jpg', 'image/jpeg').expect(201);
    const b = await upload(second, 'GT-TUY-THAN', bytes, 'b.jpg', 'image/jpeg').expect(201);
    const hash: string = a.body.components[1].document.contentHash;
    expect(b.body.components[1].document).toEqual(a.body.components[1].document);
    // The very same upload again: nothing changes, nothing is announced.
    await upload(first, 'GT-TUY-THAN', bytes, 'a.jpg', 'image/jpeg').expect(200);
    const hex = hash.slice('sha256:'.length);
    expect(await readdir(join(storeDir, 'sha256', hex.slice(0, 2), hex.slice(2, 4)))).toEqual([hex]);
    const [{ n }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM documents WHERE content_hash = $1`, [hash]);
    expect(n).toBe(1);

    const read = await http().get(`/documents/${hash}`).set('Authorization', operator).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(read.body as Buffer, bytes)).toBe(0);
    const elsewhere = service.authHeader({ role: 'digitization-operator', subject: 'staff:33200-001', postalCode: '33200' });
    await http().get(`/documents/${hash}`).set('Authorization', elsewhere).expect(403);
    await http().get(`/documents/${'0'.repeat(64)}`).set('Authorization', operator).expect(404);
    await http().get(`/documents/not-a-hash`).set('Authorization', operator).expect(400);

    // Certify on the first dossier, then reuse it on the second's form: an earlier dossier as source.
    await http().post(`/dossiers/${first}/components/GT-TUY-THAN/certification`).set('Authorization', operator).send({ certification: 'ORIGINAL_SIGHTED' }).expect(201);
    await upload(first, 'TK-LLTP', pdfBytes(`form ${first}`)).expect(201);
    const reused = await http()
      .post(`/dossiers/${second}/components/GT-TUY-THAN/reuse`)
      .set('Authorization', operator)
      .send({ sourceKind: 'PREVIOUS_DOSSIER', sourceRef: first, sourceComponentCode: 'GT-TUY-THAN' })
      .expect(201);
    expect(reused.body.components[1]).toMatchObject({ reused: true, certified: true, reusedFrom: { sourceKind: 'PREVIOUS_DOSSIER', sourceRef: first } });
    await http()
      .post(`/dossiers/${second}/components/TK-LLTP/reuse`)
      .set('Authorization', operator)
      .send({ sourceKind: 'NATIONAL_DATABASE', sourceRef: crypto.randomUUID(), contentHash: `sha256:${'1'.repeat(64)}` })
      .expect(404);
    const [reuseEvent] = await collector.waitFor(
      (e) => e.subject === second && e.type === EventType.ComponentDigitized && 'reusedFrom' in (e.data as object),
    );
    assertValidEvent(reuseEvent!.event);
    expect((reuseEvent!.event as BcciEvent<typeof EventType.ComponentDigitized>).data.reusedFrom).toEqual({
      sourceKind: 'PREVIOUS_DOSSIER',
      sourceRef: first,
      sourceComponentCode: 'GT-TUY-THAN',
    });
  });

  it('digitizes a paper result once the agency issued it', async () => {
    // A dossier digitization never heard of: the same 404 and message as a component's scan.
    const unknownBytes = pdfBytes(`unknown ${randomUUID()}`);
    const unknown = await resultScan(randomUUID(), unknownBytes).expect(404);
    expect(unknown.body).toMatchObject({ code: 'DOSSIER_UNKNOWN', messageVi: expect.stringContaining('Không tìm thấy hồ sơ') });
    const { subject: dossierId } = await registered();
    const earlyBytes = pdfBytes(`early ${dossierId}`);
    const early = await resultScan(dossierId, earlyBytes).expect(404);
    expect(early.body).toMatchObject({ code: 'RESULT_UNKNOWN' });
    // Refused before a byte is kept.
    expect([await stored(unknownBytes), await stored(earlyBytes)]).toEqual([false, false]);
    const issued = resultIssuedEvent(dossierId);
    assertValidEvent(issued);
    await publisher.publish(issued);
    await inboxHas(issued.id);

    const elsewhere = service.authHeader({ role: 'digitization-operator', subject: 'staff:33200-001', postalCode: '33200' });
    const elsewhereBytes = pdfBytes(`elsewhere result ${dossierId}`);
    await resultScan(dossierId, elsewhereBytes, { authorization: elsewhere }).expect(403);
    expect(await stored(elsewhereBytes)).toBe(false);
    await resultScan(dossierId, Buffer.from('plain text')).expect(415);
    const scanCertified = () => resultScan(dossierId, pdfBytes(`result ${dossierId}`), { certified: true });
    const scanned = await scanCertified().expect(201);
    expect(await stored(pdfBytes(`result ${dossierId}`))).toBe(true);
    expect(scanned.body).toMatchObject({ resultId: issued.data.resultId, certified: true, document: { mediaType: 'application/pdf' } });

    const [event] = await collector.waitFor((e) => e.subject === dossierId && e.type === EventType.ResultDigitized);
    assertValidEvent(event!.event);
    expect((event!.event as BcciEvent<typeof EventType.ResultDigitized>).data).toMatchObject({
      resultId: issued.data.resultId,
      certified: true,
      site: { kind: 'POSTAL_POINT', postalCode: '33100' },
    });

    // The gateway announcing the same result again, under a new event id, leaves the digitized result as it is.
    const announcedAgain = { ...issued, id: randomUUID() };
    await publisher.publish(announcedAgain);
    await inboxHas(announcedAgain.id);
    const sameScanAgain = await scanCertified().expect(200);
    expect(sameScanAgain.body).toEqual(scanned.body);
  });

  it('digitizes a result once when the same scan is sent twice at once', async () => {
    const { subject: dossierId } = await registered();
    const issued = resultIssuedEvent(dossierId);
    await publisher.publish(issued);
    await inboxHas(issued.id);
    const scan = () => resultScan(dossierId, pdfBytes(`twice ${dossierId}`), { certified: true });

    // Both uploads queue behind the dossier's row, which the test holds: each decides on what the other committed.
    const holder = await RowLockHolder.hold(service.dataSource, `SELECT 1 FROM dossier_digitizations WHERE dossier_id = $1 FOR UPDATE`, [dossierId]);
    // `then` sends a supertest request now; the test goes on while it waits.
    const first = scan().then((response) => response);
    await holder.queued(1, 'the first upload waiting for the dossier row the test holds');
    const second = scan().then((response) => response);
    await holder.queued(2, 'the second upload waiting behind the first');
    await holder.release();

    // The second decides on what the first committed: nothing left to change.
    expect([(await first).status, (await second).status].sort()).toEqual([200, 201]);
    const [written] = (await service.dataSource.query(
      `SELECT (SELECT count(*)::int FROM outbox WHERE message_key = $1 AND event_type = $2) AS events,
              (SELECT count(*)::int FROM document_uses WHERE dossier_id = $3 AND kind = 'RESULT_SCAN') AS uses`,
      [dossierId, EventType.ResultDigitized, dossierId],
    )) as Array<{ events: number; uses: number }>;
    expect(written).toEqual({ events: 1, uses: 1 });
    const [digitized] = await collector.waitFor((e) => e.subject === dossierId && e.type === EventType.ResultDigitized);
    assertValidEvent(digitized!.event);
  });
});
