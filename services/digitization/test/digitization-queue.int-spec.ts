import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { buildEvent, EventType, type BcciEvent } from '@bcci/contracts';
import { startTestService, type TestService, waitUntil } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import { jpegBytes, pdfBytes, registrationEvent, TestPublisher } from './digitization-fixtures';

interface QueueAnswer {
  items: Array<{
    dossierId: string;
    provisionalDossierId: string;
    registeredAt: string;
    components: Array<{ componentCode: string; title: string; required: boolean; digitized: boolean; certified: boolean }>;
    missing: Array<{ componentCode: string; missing: string }>;
  }>;
  total: number;
}

/** GET /queue: the operator's list of dossiers still to digitize, in scope, oldest first, closed ones gone. */
describe('digitization queue (real PostgreSQL and broker)', () => {
  let service: TestService;
  let publisher: TestPublisher;
  let storeDir: string;
  let operator: string;

  beforeAll(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'bcci-digitization-queue-'));
    service = await startTestService(AppModule, { serviceName: 'digitization-queue', extraEnv: { DOCUMENT_STORE_DIR: storeDir } });
    publisher = new TestPublisher(service.brokers);
    operator = service.authHeader({ role: 'digitization-operator', subject: 'staff:33100-021', postalCode: '33100' });
  });

  afterAll(async () => {
    await publisher?.close();
    await service?.stop();
    await rm(storeDir, { recursive: true, force: true });
  });

  const http = () => request(service.url);
  const handled = (eventId: string) =>
    waitUntil(`event ${eventId} in digitization's inbox`, async () => (await service.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0);

  /** A registration at a postal point, at a given instant, with its own provisional id; applied before returning. */
  async function registered(postalCode: string, registeredAt: string, sequence: string): Promise<BcciEvent<typeof EventType.DossierRegistered>> {
    const base = registrationEvent(postalCode);
    const event = { ...base, data: { ...base.data, registeredAt, provisionalDossierId: `BCCI-${postalCode}-250312-${sequence}` } };
    await publisher.publish(event);
    await handled(event.id);
    return event;
  }

  async function queueAs(authorization: string, query = ''): Promise<QueueAnswer> {
    return (await http().get(`/queue${query}`).set('Authorization', authorization).expect(200)).body as QueueAnswer;
  }

  it('lists open dossiers of the caller scope, oldest first, and drops them once closed', async () => {
    // Registered out of order: the queue sorts by registration time, not by arrival.
    const later = await registered('33100', '2025-03-12T10:30:00+07:00', '0102');
    const earlier = await registered('33100', '2025-03-12T08:05:00+07:00', '0101');
    const elsewhere = await registered('33200', '2025-03-12T07:00:00+07:00', '0201');
    const closing = await registered('33100', '2025-03-12T11:00:00+07:00', '0103');
    const withdrawn = await registered('33100', '2025-03-12T12:00:00+07:00', '0104');

    const first = await queueAs(operator);
    expect(first.items.map((i) => i.provisionalDossierId)).toEqual(['BCCI-33100-250312-0101', 'BCCI-33100-250312-0102', 'BCCI-33100-250312-0103', 'BCCI-33100-250312-0104']);
    expect(first.total).toBe(4);
    expect(first.items[0]).toMatchObject({ dossierId: earlier.subject, registeredAt: '2025-03-12T01:05:00.000Z', procedureCode: '2.000488' });
    expect(first.items[0]!.components.map((c) => [c.componentCode, c.required, c.digitized, c.certified])).toEqual([
      ['TK-LLTP', true, false, false],
      ['GT-TUY-THAN', true, false, false],
      ['UY-QUYEN', false, false, false],
    ]);

    // Component state follows the operator's work.
    const scan = (dossierId: string, code: string, bytes: Buffer) =>
      http().post(`/dossiers/${dossierId}/components/${code}/scans`).set('Authorization', operator).attach('file', bytes, { filename: 'scan', contentType: 'application/pdf' });
    await scan(later.subject, 'TK-LLTP', pdfBytes(`form ${later.subject}`)).expect(201);
    await scan(later.subject, 'GT-TUY-THAN', jpegBytes(`id ${later.subject}`)).expect(201);
    const afterScan = await queueAs(operator);
    const laterEntry = afterScan.items.find((i) => i.dossierId === later.subject)!;
    expect(laterEntry.components.map((c) => [c.componentCode, c.digitized, c.certified])).toEqual([
      ['TK-LLTP', true, false],
      ['GT-TUY-THAN', true, false],
      ['UY-QUYEN', false, false],
    ]);
    expect(laterEntry.missing).toEqual([expect.objectContaining({ componentCode: 'GT-TUY-THAN', missing: 'CERTIFICATION' })]);

    // Digitized, closed incomplete and withdrawn dossiers leave the queue.
    await http().post(`/dossiers/${later.subject}/components/GT-TUY-THAN/certification`).set('Authorization', operator).send({ certification: 'COPY_MATCHES_PAPER' }).expect(201);
    await http().post(`/dossiers/${later.subject}/digitization/complete`).set('Authorization', operator).expect(200);
    await http().post(`/dossiers/${closing.subject}/digitization/incomplete`).set('Authorization', operator).send({ reason: 'Công dân chưa mang bản chính.' }).expect(200);
    const withdrawal = buildEvent({
      type: EventType.DossierWithdrawn,
      data: {
        dossierId: withdrawn.subject,
        withdrawnAt: '2025-03-12T12:30:00+07:00',
        reasonCode: 'APPLICANT_REQUEST',
        refund: { agencyFees: 200000, postage: 0 },
        actor: { role: 'POSTAL_CLERK', ref: 'staff:33100-017' },
      },
    });
    await publisher.publish(withdrawal);
    await handled(withdrawal.id);

    const remaining = await queueAs(operator);
    expect(remaining.items.map((i) => i.dossierId)).toEqual([earlier.subject]);
    expect(remaining.total).toBe(1);

    // Wider scopes: the auditor reads every postal point, operations its province (the fixture's is 15).
    const auditor = await queueAs(service.authHeader({ role: 'auditor', subject: 'audit-1' }));
    expect(auditor.items.map((i) => i.dossierId)).toEqual([elsewhere.subject, earlier.subject]);
    const operations = await queueAs(service.authHeader({ role: 'operations', subject: 'ops-15', provinceCode: '15' }));
    expect(operations.items.map((i) => i.dossierId)).toEqual([elsewhere.subject, earlier.subject]);
    expect((await queueAs(service.authHeader({ role: 'operations', subject: 'ops-10', provinceCode: '10' }))).items).toEqual([]);
    const otherPoint = await queueAs(service.authHeader({ role: 'digitization-operator', subject: 'staff:33200-001', postalCode: '33200' }));
    expect(otherPoint.items.map((i) => i.dossierId)).toEqual([elsewhere.subject]);
  });

  it('pages by limit (1 to 200, default 50) and refuses roles outside digitization', async () => {
    await registered('33100', '2025-03-13T08:00:00+07:00', '0301');
    await registered('33100', '2025-03-13T08:01:00+07:00', '0302');
    const one = await queueAs(operator, '?limit=1');
    expect(one.items).toHaveLength(1);
    expect(one.total).toBeGreaterThanOrEqual(2);

    for (const limit of ['0', '201', 'abc', '1e3']) {
      const refused = await http().get(`/queue?limit=${limit}`).set('Authorization', operator);
      expect(refused.status).toBe(400);
    }
    await http().get('/queue').set('Authorization', service.authHeader({ role: 'clerk', subject: 'c', postalCode: '33100' })).expect(403);
    await http().get('/queue').expect(401);
  });
});
