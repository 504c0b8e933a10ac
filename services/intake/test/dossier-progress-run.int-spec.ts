import { randomUUID } from 'node:crypto';
import type { TestService } from '@bcci/service-kit/testing';
import request from 'supertest';
import { RecordDispatchUseCase } from '../src/dossiers/application/record-dispatch.use-case';
import { RecordDossierCodeUseCase } from '../src/dossiers/application/record-dossier-code.use-case';
import { registration, startIntake } from './intake-test-kit';

/**
 * A consumer run carries the downstream facts of many dossiers (forwarding's scans, the agency's dossier
 * codes), applied together before its transaction commits. Each dossier must end exactly as if each
 * fact had been handled alone, in order: the first scan's time and the first code kept, a withdrawn
 * dossier's scan kept without reviving it, an unknown dossier ignored.
 */
describe('intake: downstream facts of a consumer run applied together (PostgreSQL)', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startIntake('progress-run');
  });
  afterAll(async () => {
    await service?.stop();
  });

  const clerk = () => service.authHeader({ role: 'clerk', postalCode: '33100', subject: 'clerk-33100', displayName: 'Trần Thị Lan' });
  const register = async (seal: string) => (await request(service.url).post('/dossiers').set('Authorization', clerk()).send(registration({ sealNumber: seal })).expect(201)).body as { id: string };
  const rowOf = async (id: string) =>
    (await service.dataSource.query(`SELECT status, dispatched_at, dossier_code FROM dossiers WHERE id = $1`, [id]))[0] as { status: string; dispatched_at: Date | null; dossier_code: string | null };

  it('leaves each dossier of the run as one fact at a time would, in one transaction', async () => {
    const scanned = await register('NP-RUN-1');
    const coded = await register('NP-RUN-2');
    const withdrawn = await register('NP-RUN-3');
    await request(service.url).post(`/dossiers/${withdrawn.id}/withdrawal`).set('Authorization', clerk()).send({}).expect(200);
    const untouched = await register('NP-RUN-4');
    const dispatch = service.app.get(RecordDispatchUseCase);
    const code = service.app.get(RecordDossierCodeUseCase);
    const firstScan = new Date('2026-12-07T01:00:00.000Z');
    const laterScan = new Date('2026-12-07T03:00:00.000Z');

    let finishingWorks = 0;
    await service.dataSource.transaction(async (manager) => {
      const beforeCommit = new Map<object, () => Promise<void>>();
      const run = { manager, beforeCommit: (key: object, work: () => Promise<void>) => void (beforeCommit.has(key) || beforeCommit.set(key, work)) };
      dispatch.execute(run, scanned.id, firstScan);
      code.execute(run, coded.id, 'G22.39-261207-0001');
      dispatch.execute(run, scanned.id, laterScan);
      dispatch.execute(run, withdrawn.id, laterScan);
      code.execute(run, coded.id, 'G22.39-261207-9999');
      dispatch.execute(run, randomUUID(), laterScan);
      code.execute(run, scanned.id.toUpperCase(), 'G22.39-261207-0002');
      finishingWorks = beforeCommit.size;
      for (const work of beforeCommit.values()) await work();
    });

    expect(finishingWorks).toBe(1);
    expect(await rowOf(scanned.id)).toEqual({ status: 'REGISTERED', dispatched_at: firstScan, dossier_code: 'G22.39-261207-0002' });
    expect(await rowOf(coded.id)).toEqual({ status: 'REGISTERED', dispatched_at: null, dossier_code: 'G22.39-261207-0001' });
    expect(await rowOf(withdrawn.id)).toEqual({ status: 'WITHDRAWN', dispatched_at: laterScan, dossier_code: null });
    expect(await rowOf(untouched.id)).toEqual({ status: 'REGISTERED', dispatched_at: null, dossier_code: null });
  });

  it('changes nothing when the run rolls back', async () => {
    const dossier = await register('NP-RUN-5');
    const dispatch = service.app.get(RecordDispatchUseCase);
    await expect(
      service.dataSource.transaction(async (manager) => {
        const works: Array<() => Promise<void>> = [];
        dispatch.execute({ manager, beforeCommit: (_key, work) => works.push(work) }, dossier.id, new Date('2026-12-07T02:00:00.000Z'));
        for (const work of works) await work();
        throw new Error('a later handler of the run failed');
      }),
    ).rejects.toThrow('a later handler of the run failed');
    expect(await rowOf(dossier.id)).toEqual({ status: 'REGISTERED', dispatched_at: null, dossier_code: null });
  });
});
