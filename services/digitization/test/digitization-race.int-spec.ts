import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { assertValidEvent, buildEvent, EventType, type BcciEvent } from '@bcci/contracts';
import { RowLockHolder, startTestService, type TestService } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import { WithdrawDossierUseCase } from '../src/dossier-digitization/application/withdraw-dossier.use-case';
import { jpegBytes, pdfBytes, registrationEvent, TestPublisher } from './digitization-fixtures';

const ROUNDS = 20;
const DIGITIZED = EventType.DossierDigitized;

type Withdrawn = BcciEvent<typeof EventType.DossierWithdrawn>;

/**
 * Issue 9 for digitization: the applicant's withdrawal (intake, over Kafka) and the operator's completion
 * (HTTP) of the same dossier, in either order or at the same moment; and two operators completing it at
 * once. Both steps read the dossier under its row lock, decide and write: whatever the interleaving, a
 * withdrawal always stops the digitization, and dossier-digitized is published once if the completion
 * came first, never after the withdrawal.
 */
describe('digitization: withdrawal and completion racing (PostgreSQL + broker)', () => {
  let service: TestService;
  let publisher: TestPublisher;
  let storeDir: string;
  let operator: string;

  beforeAll(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'bcci-digitization-race-'));
    service = await startTestService(AppModule, { serviceName: 'digitization-race', extraEnv: { DOCUMENT_STORE_DIR: storeDir } });
    publisher = new TestPublisher(service.brokers);
    operator = service.authHeader({ role: 'digitization-operator', subject: 'staff:33100-021', postalCode: '33100' });
  });

  afterAll(async () => {
    await publisher?.close();
    await service?.stop();
    await rm(storeDir, { recursive: true, force: true });
  });

  async function until(condition: () => Promise<boolean>): Promise<void> {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  const handled = (eventId: string) => until(async () => (await service.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0);
  const complete = (dossierId: string) => request(service.url).post(`/dossiers/${dossierId}/digitization/complete`).set('Authorization', operator);

  /** Dossiers registered, both required components scanned and the ID copy certified: ready to complete. */
  async function readyToComplete(count: number): Promise<string[]> {
    const registrations = Array.from({ length: count }, () => registrationEvent());
    await publisher.publish(...registrations);
    for (const registration of registrations) await handled(registration.id);
    for (const { subject: dossierId } of registrations) {
      const scan = (code: string, bytes: Buffer) => request(service.url).post(`/dossiers/${dossierId}/components/${code}/scans`).set('Authorization', operator).attach('file', bytes, { filename: 'scan', contentType: 'application/pdf' });
      expect((await scan('TK-LLTP', pdfBytes(`form ${dossierId}`))).status).toBe(201);
      expect((await scan('GT-TUY-THAN', jpegBytes(`id ${dossierId}`))).status).toBe(201);
      const certified = await request(service.url).post(`/dossiers/${dossierId}/components/GT-TUY-THAN/certification`).set('Authorization', operator).send({ certification: 'COPY_MATCHES_PAPER' });
      expect(certified.status).toBe(201);
    }
    return registrations.map((registration) => registration.subject);
  }

  function withdrawal(dossierId: string): Withdrawn {
    return buildEvent({
      type: EventType.DossierWithdrawn,
      data: {
        dossierId,
        withdrawnAt: '2025-03-12T10:00:00+07:00',
        reasonCode: 'APPLICANT_REQUEST',
        refund: { agencyFees: 200000, postage: 0 },
        actor: { role: 'POSTAL_CLERK', ref: 'staff:33100-017' },
      },
    });
  }

  async function completeFirst(dossierId: string): Promise<number> {
    const answer = await complete(dossierId);
    const event = withdrawal(dossierId);
    await publisher.publish(event);
    await handled(event.id);
    return answer.status;
  }

  async function withdrawalFirst(dossierId: string): Promise<number> {
    const event = withdrawal(dossierId);
    await publisher.publish(event);
    await handled(event.id);
    return (await complete(dossierId)).status;
  }

  async function togetherOverKafka(dossierId: string): Promise<number> {
    const event = withdrawal(dossierId);
    const [answer] = await Promise.all([complete(dossierId), publisher.publish(event)]);
    await handled(event.id);
    return answer.status;
  }

  /** The withdrawal handled as the consumer handles it, pushed back by `stagger` round trips to sweep the interleavings. */
  async function togetherInProcess(dossierId: string, stagger: number): Promise<number> {
    const withdraw = service.app.get(WithdrawDossierUseCase);
    const [answer] = await Promise.all([
      complete(dossierId),
      service.dataSource.transaction(async (manager) => {
        for (let i = 0; i < stagger; i++) await manager.query('SELECT 1');
        return withdraw.execute(manager, withdrawal(dossierId));
      }),
    ]);
    return answer.status;
  }

  /** The dossier's status and its dossier-digitized events in the outbox (schema-checked). */
  async function storyOf(dossierId: string) {
    const [row] = await service.dataSource.query(`SELECT status FROM dossier_digitizations WHERE dossier_id = $1`, [dossierId]);
    const events: { envelope: unknown }[] = await service.dataSource.query(`SELECT envelope FROM outbox WHERE message_key = $1 AND event_type = $2`, [dossierId, DIGITIZED]);
    for (const { envelope } of events) assertValidEvent(envelope);
    return { status: row.status as string, digitized: events.length };
  }

  it(`completion first, withdrawal first, and both at once (Kafka and in process), ${ROUNDS} rounds: withdrawn, digitized announced once only if completed first`, async () => {
    const orders = [completeFirst, withdrawalFirst, togetherOverKafka, togetherInProcess];
    const dossierIds = await readyToComplete(ROUNDS * orders.length);
    const wrong: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const ofRound = dossierIds.slice(round * orders.length, (round + 1) * orders.length);
      await Promise.all(
        ofRound.map(async (dossierId, i) => {
          const answer = await orders[i](dossierId, round % 6);
          const story = await storyOf(dossierId);
          const expectedAnswer = orders[i] === completeFirst ? [200] : orders[i] === withdrawalFirst ? [409] : [200, 409];
          const consistent = expectedAnswer.includes(answer) && story.status === 'WITHDRAWN' && story.digitized === (answer === 200 ? 1 : 0);
          if (!consistent) wrong.push({ round, order: orders[i].name, answer, story });
        }),
      );
    }
    expect(wrong).toEqual([]);
  });

  it('a re-scan and the completion at once: the completion waits for the re-scan and announces the new scan', async () => {
    const [dossierId] = await readyToComplete(1);
    const again = pdfBytes(`form scanned again ${dossierId}`);
    const againHash = `sha256:${createHash('sha256').update(again).digest('hex')}`;
    // The test holds the dossier's row while the re-scan and then the completion queue behind it, in that
    // order: the completion, granted the row after the re-scan committed, must decide on the new scan.
    const holder = await RowLockHolder.hold(service.dataSource, `SELECT 1 FROM dossier_digitizations WHERE dossier_id = $1 FOR UPDATE`, [dossierId]);
    const rescan = request(service.url).post(`/dossiers/${dossierId}/components/TK-LLTP/scans`).set('Authorization', operator).attach('file', again, { filename: 'scan', contentType: 'application/pdf' }).then((response) => response);
    await holder.queued(1, 'the re-scan waiting for the dossier row the test holds');
    const completion = complete(dossierId).then((response) => response);
    await holder.queued(2, 'the completion waiting behind the re-scan');
    await holder.release();
    expect([(await rescan).status, (await completion).status]).toEqual([201, 200]);
    const [{ envelope }] = (await service.dataSource.query(`SELECT envelope FROM outbox WHERE message_key = $1 AND event_type = $2`, [dossierId, DIGITIZED])) as Array<{
      envelope: BcciEvent<typeof EventType.DossierDigitized>;
    }>;
    assertValidEvent(envelope);
    expect(envelope.data.components.find((component) => component.componentCode === 'TK-LLTP')).toMatchObject({ digitized: true, contentHash: againHash });
  });

  it(`two operators completing at once, ${ROUNDS} rounds: one completes, the other is refused, digitized announced once`, async () => {
    const dossierIds = await readyToComplete(ROUNDS);
    const wrong: unknown[] = [];
    for (const dossierId of dossierIds) {
      const answers = (await Promise.all([complete(dossierId), complete(dossierId)])).map((response) => response.status).sort();
      const story = await storyOf(dossierId);
      if (JSON.stringify({ answers, story }) !== JSON.stringify({ answers: [200, 409], story: { status: 'DIGITIZED', digitized: 1 } })) wrong.push({ dossierId, answers, story });
    }
    expect(wrong).toEqual([]);
  });
});
