import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { systemClock, toVietnamDate } from '@bcci/kernel';
import { startTestService, type TestService, waitUntil } from '@bcci/service-kit/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { ClockSettings } from '../src/clocks/application/clock-settings';
import { LookupFailureHousekeeping } from '../src/lookup/application/lookup-failure-housekeeping';
import { createRebuildableProjections } from '../src/projections/rebuildable-projections';
import { ReferenceData } from '../src/reference-data/reference-data';
import { TimelineReplayer } from '../src/timeline/application/timeline-replayer';
import { DossierClockRepository } from '../src/clocks/persistence/dossier-clock.repository';
import { VerifyTimelineChains } from '../src/timeline/application/verify-timeline-chains.use-case';
import { TimelineRepository } from '../src/timeline/persistence/timeline.repository';
import { exampleEvent, journey, type Journey } from './support/journey-events';
import { EventProducer } from './support/produce';

const ROOT = path.resolve(__dirname, '../../..');
const AGENCY = '000.00.13.H65';

let service: TestService;
let producer: EventProducer;

async function entryCount(dossierId: string): Promise<number> {
  const [row]: Array<{ count: number }> = await service.dataSource.query(`SELECT count(*)::int AS count FROM timeline_entries WHERE dossier_id = $1`, [dossierId]);
  return row.count;
}

/** Waits (at most a minute) until the dossier has `count` timeline entries and its projections. */
async function untilRecorded(dossierId: string, count: number): Promise<void> {
  await waitUntil(`${count} timeline entries for ${dossierId}`, async () => (await entryCount(dossierId)) >= count);
}

async function untilEventRecorded(eventId: string): Promise<void> {
  await waitUntil(`event ${eventId} on the timeline`, async () => (await service.dataSource.query(`SELECT 1 FROM timeline_entries WHERE event_id = $1`, [eventId])).length > 0);
}

const auditor = () => service.authHeader({ role: 'auditor' });
const operations = (provinceCode = '15') => service.authHeader({ role: 'operations', provinceCode });

function verifyChainCommand(args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'tools/run-ts.mjs'), 'services/tracking/src/timeline/verify-chain.cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

beforeAll(async () => {
  service = await startTestService(AppModule, { serviceName: 'tracking' });
  producer = new EventProducer(service.brokers);
});

afterAll(async () => {
  await producer?.stop();
  await service?.stop();
});

describe('timeline', () => {
  let trip: Journey;

  beforeAll(async () => {
    trip = journey();
    // Arrival order unlike the journey: streams deliver independently.
    const e = trip.events;
    await producer.send([e[6], e[2], e[8], e[0], e[4], e[1], e[7], e[3], e[5]]);
    await untilRecorded(trip.dossierId, trip.events.length);
  });

  it('shows every step of a journey received in any order, in event-time order, to readers in scope', async () => {
    const response = await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', auditor()).expect(200);
    const entries = response.body.entries as Array<{ eventId: string; eventTime: string; sequence: number; stage: string; postalCode: string | null }>;
    expect(entries.map((entry) => entry.eventId)).toEqual(trip.events.map((event) => event.id));
    expect(entries.map((entry) => Date.parse(entry.eventTime))).toEqual([...entries.map((entry) => Date.parse(entry.eventTime))].sort((a, b) => a - b));
    // The chain follows arrival (streams are consumed independently), display follows event time.
    expect(entries.map((entry) => entry.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(entries[0]).toMatchObject({ stage: 'intake', postalCode: '33100' });
    expect(entries.map((entry) => entry.stage)).toEqual(['intake', 'digitization', 'forwarding', 'forwarding', 'forwarding', 'agency', 'agency', 'return', 'return']);
    expect(response.body.dossier).toMatchObject({
      provisionalDossierId: trip.provisionalDossierId,
      dossierCode: trip.dossierCode,
      agencyId: AGENCY,
      currentStage: 'return',
      nationalStatus: 10,
      provinceCode: '15',
    });

    await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33100' })).expect(200);
    await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', service.authHeader({ role: 'agency', agencyId: AGENCY })).expect(200);
    await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', operations()).expect(200);
    const outside = await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33110' })).expect(403);
    expect(outside.body.messageVi).toEqual(expect.any(String));
    await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', service.authHeader({ role: 'agency', agencyId: '000.00.12.H65' })).expect(403);
    await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', operations('10')).expect(403);
    await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).expect(401);
  });

  it('shows the entries and the clocks of one moment: a run committing while the timeline is read is not half in it', async () => {
    const marker = 100;
    const markClocks = (by: number) => service.dataSource.query(`UPDATE dossier_clocks SET restarts = restarts + $2 WHERE dossier_id = $1`, [trip.dossierId, by]);
    // A change to the clocks commits after the timeline's first read and before its clocks are read.
    const forDossier = DossierClockRepository.prototype.forDossier;
    const spy = jest.spyOn(DossierClockRepository.prototype, 'forDossier').mockImplementationOnce(async function (this: DossierClockRepository, ...args) {
      await markClocks(marker);
      return forDossier.apply(this, args);
    });
    try {
      const response = await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', auditor()).expect(200);
      expect(spy).toHaveBeenCalledTimes(1);
      const clocks = response.body.clocks as Array<{ restarts: number }>;
      expect(clocks.length).toBeGreaterThan(0);
      expect(clocks.filter((clock) => clock.restarts >= marker)).toEqual([]);
    } finally {
      spy.mockRestore();
      await markClocks(-marker);
    }
  });

  it('finds the dossier by provisional id, dossier code and S10 id within the reader\'s scope', async () => {
    for (const query of [{ provisionalDossierId: trip.provisionalDossierId }, { dossierCode: trip.dossierCode }, { s10ItemId: trip.returnItemId }, { reference: trip.provisionalDossierId.toLowerCase() }]) {
      const found = await request(service.url).get('/dossiers').query(query).set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33100' })).expect(200);
      expect(found.body.items.map((item: { dossierId: string }) => item.dossierId)).toContain(trip.dossierId);
    }
    const elsewhere = await request(service.url).get('/dossiers').query({ provisionalDossierId: trip.provisionalDossierId }).set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33110' })).expect(200);
    expect(elsewhere.body.items).toEqual([]);
    const bad = await request(service.url).get('/dossiers').query({ s10ItemId: 'not-an-item' }).set('Authorization', auditor()).expect(400);
    expect(bad.body.messageVi).toEqual(expect.any(String));
  });

  it("lists the point's dossiers waiting for a supplement (national status 5) until the supplement is completed", async () => {
    const waiting = journey();
    const agencyId = AGENCY;
    // Registered and handed over, then the agency asks for a supplement.
    const asked = exampleEvent('agency-gateway/supplement-requested.v1', waiting.dossierId, { agencyId }, '2025-03-14T10:00:00+07:00');
    await producer.send([...waiting.events.slice(0, 6), asked]);
    await untilRecorded(waiting.dossierId, 7);
    const supplementsOf = async (postalCode: string) =>
      (await request(service.url).get('/dossiers').query({ nationalStatus: 5 }).set('Authorization', service.authHeader({ role: 'clerk', postalCode })).expect(200)).body.items.map(
        (item: { dossierId: string }) => item.dossierId,
      );
    expect(await supplementsOf('33100')).toContain(waiting.dossierId);
    expect(await supplementsOf('33110')).not.toContain(waiting.dossierId);
    expect(await supplementsOf('33100')).not.toContain(trip.dossierId); // delivered long ago

    await producer.send([exampleEvent('agency-gateway/supplement-completed.v1', waiting.dossierId, { agencyId }, '2025-03-15T10:00:00+07:00')]);
    await untilRecorded(waiting.dossierId, 8);
    expect(await supplementsOf('33100')).not.toContain(waiting.dossierId);
    const bad = await request(service.url).get('/dossiers').query({ nationalStatus: 11 }).set('Authorization', auditor()).expect(400);
    expect(bad.body.messageVi).toEqual(expect.any(String));
  });

  it('a redelivered event changes nothing', async () => {
    const before = await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', auditor()).expect(200);
    const marker = exampleEvent('forwarding/fees-remitted.v1', trip.dossierId, { agencyId: AGENCY }, '2025-03-13T10:00:00+07:00');
    // The same registration again (same event id), then a new event as a marker that the consumer got past it.
    await producer.send([trip.events[0], trip.events[5], marker]);
    await untilEventRecorded(marker.id);
    const after = await request(service.url).get(`/dossiers/${trip.dossierId}/timeline`).set('Authorization', auditor()).expect(200);
    expect(after.body.entries).toHaveLength(before.body.entries.length + 1);
    expect(after.body.entries.filter((entry: { eventId: string }) => entry.eventId === trip.events[0].id)).toHaveLength(1);
    const { lastEventAt: _a, eventCount: _c, updatedAt: _u, ...summaryBefore } = before.body.dossier;
    const { lastEventAt: _b, eventCount: _d, updatedAt: _v, ...summaryAfter } = after.body.dossier;
    expect(summaryAfter).toEqual(summaryBefore);
  });

  it('verify-chain passes an intact chain and reports an entry edited in the database', async () => {
    process.env.DATABASE_URL = (service.dataSource.options as { url: string }).url;
    const intact = verifyChainCommand(['--dossier', trip.dossierId]);
    expect(intact.output).toContain('OK dossier');
    expect(intact.status).toBe(0);

    const [target]: Array<{ sequence: number; event_id: string }> = await service.dataSource.query(
      `SELECT sequence, event_id FROM timeline_entries WHERE dossier_id = $1 AND event_type = 'bcci.forwarding.handover-record-signed.v1'`,
      [trip.dossierId],
    );
    // The append-only trigger refuses a plain edit…
    await expect(service.dataSource.query(`UPDATE timeline_entries SET postal_code = '33110' WHERE event_id = $1`, [target.event_id])).rejects.toThrow(/append-only/);
    // …so the edit goes around it, as someone with the database's keys could.
    await service.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL bcci.timeline_maintenance = 'on'`);
      await manager.query(`UPDATE timeline_entries SET postal_code = '33110' WHERE event_id = $1`, [target.event_id]);
    });
    const edited = verifyChainCommand(['--dossier', trip.dossierId]);
    expect(edited.status).toBe(1);
    expect(edited.output).toContain(`first broken entry #${target.sequence} (event ${target.event_id})`);
    const all = verifyChainCommand([]);
    expect(all.status).toBe(1);
    expect(all.output).toMatch(/checked \d+\/\d+ dossiers/);
    expect(all.output).toContain(`BROKEN dossier ${trip.dossierId}`);
  });
});

describe('chain verification on a live system', () => {
  it('reads the entries and the head of one moment: an event recorded while it reads does not make an intact chain look broken', async () => {
    const trip = journey();
    await producer.send(trip.events.slice(0, 3));
    await untilRecorded(trip.dossierId, 3);
    const next = trip.events[3];
    // Tracking records the next event after the verification's first read and before it reads the head.
    const headOf = TimelineRepository.prototype.headOf;
    const spy = jest.spyOn(TimelineRepository.prototype, 'headOf').mockImplementationOnce(async function (this: TimelineRepository, ...args) {
      await producer.send([next]);
      await untilEventRecorded(next.id);
      return headOf.apply(this, args);
    });
    try {
      const check = await new VerifyTimelineChains(service.dataSource).verifyDossier(trip.dossierId);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(check).toMatchObject({ ok: true, entries: 3 });
    } finally {
      spy.mockRestore();
    }
    expect(await new VerifyTimelineChains(service.dataSource).verifyDossier(trip.dossierId)).toMatchObject({ ok: true, entries: 4 });
  });
});

describe('public lookup', () => {
  const personalDataKey = /dossierId|applicant|recipient|actor|ref$|Ref$|signer|seal|phone|name$|address|cccd|citizen|pin/i;
  let trip: Journey;

  beforeAll(async () => {
    trip = journey({ pin: '135790' });
    await producer.send(trip.events.slice(0, 5));
    await untilRecorded(trip.dossierId, 5);
  });

  function keysOf(value: unknown, into: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        into.push(key);
        keysOf(item, into);
      }
    }
    return into;
  }

  it('answers without login with the status and steps, and no personal data', async () => {
    const response = await request(service.url).get('/public/lookup').query({ reference: trip.provisionalDossierId, pin: '135790' }).expect(200);
    expect(response.body.status).toMatchObject({ stage: 'forwarding', nationalStatus: 2, nationalStatusVi: 'Đã tiếp nhận' });
    expect(response.body.steps).toHaveLength(5);
    expect(response.body.steps[0]).toMatchObject({ stageVi: 'Tiếp nhận hồ sơ', placeVi: 'Bưu cục cấp 1 Yên Bái' });
    expect(keysOf(response.body).filter((key) => personalDataKey.test(key))).toEqual([]);
    const text = JSON.stringify(response.body);
    for (const secret of [trip.dossierId, '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', 'staff:', 'NP-2025-004512', trip.forwardItemId]) expect(text).not.toContain(secret);
    // By S10 id as printed, with spaces.
    await request(service.url).get('/public/lookup').query({ reference: 'eb 123456785 vn', pin: '135790' }).expect(200);
  });

  it('refuses a wrong PIN with exactly the answer of an unknown reference, then rate-limits the dossier whichever reference is typed', async () => {
    const wrongPin = await request(service.url).get('/public/lookup').query({ reference: trip.provisionalDossierId, pin: '000000' }).expect(404);
    const unknown = await request(service.url).get('/public/lookup').query({ reference: 'BCCI-33100-250312-9999', pin: '135790' }).expect(404);
    expect(wrongPin.body).toEqual(unknown.body);
    expect(wrongPin.body.messageVi).toEqual(expect.any(String));
    // Issue 10: the provisional id and the S10 id once had five guesses each. Now they share five.
    for (const reference of [trip.provisionalDossierId, trip.provisionalDossierId, trip.forwardItemId, trip.forwardItemId]) {
      await request(service.url).get('/public/lookup').query({ reference, pin: '000000' }).expect(404);
    }
    // Five failures in the window: even the right PIN now waits, by either reference.
    const limited = await request(service.url).get('/public/lookup').query({ reference: trip.provisionalDossierId, pin: '135790' }).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, messageVi: expect.any(String) });
    await request(service.url).get('/public/lookup').query({ reference: trip.forwardItemId, pin: '135790' }).expect(429);
    // An unknown reference is limited on its own, and does not lock anyone's dossier.
    for (let attempt = 2; attempt <= 5; attempt++) {
      await request(service.url).get('/public/lookup').query({ reference: 'BCCI-33100-250312-9999', pin: '135790' }).expect(404);
    }
    await request(service.url).get('/public/lookup').query({ reference: 'BCCI-33100-250312-9999', pin: '135790' }).expect(429);
  });

  it('forgets failed lookups once they are out of the rate-limit window', async () => {
    await service.dataSource.query(`INSERT INTO lookup_failures (reference_key, failed_at) VALUES ('OLD-REF', now() - interval '2 days')`);
    const before = Number((await service.dataSource.query(`SELECT count(*) FROM lookup_failures`))[0].count);
    expect(await service.app.get(LookupFailureHousekeeping).runOnce()).toBe(1);
    const left = await service.dataSource.query(`SELECT reference_key FROM lookup_failures`);
    expect(left).toHaveLength(before - 1);
    expect(left.map((row: { reference_key: string }) => row.reference_key)).not.toContain('OLD-REF');
  });

  it('refuses a malformed PIN as invalid input', async () => {
    await request(service.url).get('/public/lookup').query({ reference: trip.provisionalDossierId, pin: '12ab' }).expect(400);
  });
});

describe('clocks', () => {
  const today = toVietnamDate(systemClock.now());

  it('lists overdue clocks attributed to the party whose clock ran out, and at-risk ones ahead of time', async () => {
    const settings = service.app.get(ClockSettings);
    // A forwarding leg opened in 2025 and never handed over: the post's clock ran out.
    const stuckLeg = crypto.randomUUID();
    const opened = exampleEvent('forwarding/postal-leg-opened.v1', stuckLeg, { agencyId: AGENCY, procedureCode: '2.000488' }, '2025-03-12T09:24:02+07:00');
    // Handed over in time, but the agency's due date passed without a result: the agency's.
    const slowAgency = crypto.randomUUID();
    const handedOver = [
      exampleEvent('forwarding/postal-leg-opened.v1', slowAgency, { agencyId: AGENCY }, '2025-03-12T09:24:02+07:00'),
      exampleEvent('forwarding/handover-record-signed.v1', slowAgency, { agencyId: AGENCY }, '2025-03-13T09:41:12+07:00'),
      exampleEvent('agency-gateway/handover-acknowledged.v1', slowAgency, { agencyId: AGENCY }, '2025-03-13T09:41:13+07:00'),
    ];
    // Due today: at risk, not overdue (an agency in force today, so its province is known).
    const dueToday = crypto.randomUUID();
    const now = systemClock.now().toISOString();
    const acknowledgedToday = exampleEvent(
      'agency-gateway/handover-acknowledged.v1',
      dueToday,
      { agencyId: '000.00.13.H39', acknowledgedAt: now, agencyDeadline: { clockStart: now, workingDays: 0, dueDate: today } },
      now,
    );
    await producer.send([opened, ...handedOver, acknowledgedToday]);
    await untilRecorded(stuckLeg, 1);
    await untilRecorded(slowAgency, 3);
    await untilRecorded(dueToday, 1);

    const overdue = await request(service.url).get('/clocks/overdue').query({ limit: 1000 }).set('Authorization', operations()).expect(200);
    const byDossier = (dossierId: string) => overdue.body.items.filter((item: { dossierId: string }) => item.dossierId === dossierId);
    expect(byDossier(stuckLeg)).toEqual([expect.objectContaining({ party: 'POSTAL', kind: 'POSTAL_TO_AGENCY', dueDate: '2025-03-14', status: 'OVERDUE' })]);
    expect(byDossier(slowAgency)).toEqual([expect.objectContaining({ party: 'AGENCY', kind: 'AGENCY_PROCESSING', dueDate: '2025-03-27', status: 'OVERDUE' })]);
    expect(byDossier(dueToday)).toEqual([]);

    const agencyOnly = await request(service.url).get('/clocks/overdue').query({ party: 'AGENCY', limit: 1000 }).set('Authorization', operations()).expect(200);
    expect(agencyOnly.body.items.every((item: { party: string }) => item.party === 'AGENCY')).toBe(true);

    const atRisk = await request(service.url).get('/clocks/at-risk').set('Authorization', operations()).expect(200);
    expect(atRisk.body.atRiskUntil >= today).toBe(true);
    expect(atRisk.body.items.filter((item: { dossierId: string }) => item.dossierId === dueToday)).toEqual([
      expect.objectContaining({ party: 'AGENCY', dueDate: today, status: 'AT_RISK' }),
    ]);

    // Scope: another province sees none of them; clerks may not list clocks at all.
    const elsewhere = await request(service.url).get('/clocks/overdue').set('Authorization', operations('10')).expect(200);
    expect(elsewhere.body.items).toEqual([]);
    await request(service.url).get('/clocks/overdue').set('Authorization', service.authHeader({ role: 'clerk', postalCode: '33100' })).expect(403);

    // The stored statuses follow the periodic evaluation.
    const [stored]: Array<{ status: string }> = await service.dataSource.query(`SELECT status FROM dossier_clocks WHERE dossier_id = $1`, [stuckLeg]);
    expect(stored.status).toBe('OVERDUE');
    expect(settings.reading.atRiskWorkingDays).toBe(1);
  });
});

describe('rebuild', () => {
  it('rebuilds dossier summaries and clocks from the timeline with identical results', async () => {
    const snapshot = async () => ({
      summaries: await service.dataSource.query(`SELECT * FROM dossier_summaries ORDER BY dossier_id`).then((rows: Array<Record<string, unknown>>) => rows.map(({ updated_at: _, ...row }) => row)),
      references: await service.dataSource.query(`SELECT * FROM dossier_references ORDER BY reference, dossier_id`),
      clocks: await service.dataSource.query(`SELECT * FROM dossier_clocks ORDER BY dossier_id, clock_key`).then((rows: Array<Record<string, unknown>>) => rows.map(({ updated_at: _, ...row }) => row)),
    });
    const before = await snapshot();
    expect(before.summaries.length).toBeGreaterThan(0);
    const referenceData = ReferenceData.load();
    const progress = await new TimelineReplayer(service.dataSource).rebuild(createRebuildableProjections({ referenceData, settings: { atRiskWorkingDays: 1 } }));
    expect(progress.entries).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });
});
