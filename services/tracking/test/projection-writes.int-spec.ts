import { randomUUID } from 'node:crypto';
import { parseLocalDate } from '@bcci/kernel';
import { startTestService, type TestService } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import type { DossierClock } from '../src/clocks/domain/dossier-clock';
import { DossierClockRepository } from '../src/clocks/persistence/dossier-clock.repository';
import type { DossierSummary } from '../src/dossiers/domain/dossier-summary';
import { DossierSummaryRepository } from '../src/dossiers/persistence/dossier-summary.repository';
import { PROJECTION_REBUILD_LOCK, RecordTimelineEntry } from '../src/timeline/application/record-timeline-entry.use-case';
import type { TimelineEvent } from '../src/timeline/domain/timeline-event';
import { verifyChain } from '../src/timeline/domain/hash-chain';
import { TimelineRepository, toChainedEntry } from '../src/timeline/persistence/timeline.repository';
import { TimelineProjections } from '../src/timeline/timeline-projections';
import { trackingSettingsOf } from '../src/config/tracking-config';
import { createRebuildableProjections } from '../src/projections/rebuildable-projections';
import { ReferenceData } from '../src/reference-data/reference-data';
import { exampleEvent, journey } from './support/journey-events';

/**
 * Tracking rewrites a dossier's clocks and its summary with its search references on every recorded
 * event, each in one statement (issue 11: round trips are most of tracking's cost). These tests check on
 * PostgreSQL that one statement still leaves exactly what was derived: rows no longer derived go, the
 * others change in place, nothing of another dossier is touched.
 */
let service: TestService;
const clocks = new DossierClockRepository();
const summaries = new DossierSummaryRepository();

beforeAll(async () => {
  service = await startTestService(AppModule, { serviceName: 'tracking' });
});

afterAll(async () => {
  await service?.stop();
});

const clock = (key: string, overrides: Partial<DossierClock> = {}): DossierClock => ({
  key,
  kind: 'POSTAL_TO_AGENCY',
  party: 'POSTAL',
  startedAt: '2025-03-10T02:00:00.000Z',
  workingDays: 2,
  dueDate: parseLocalDate('2025-03-12'),
  phase: 'RUNNING',
  restarts: 0,
  rescheduled: false,
  ...overrides,
});

async function storedClocks(dossierId: string) {
  return service.dataSource.query(
    `SELECT clock_key, kind, party, leg_id, phase, due_date::text AS due_date, restarts, rescheduled, closed_by, status, evaluated_on::text AS evaluated_on
     FROM dossier_clocks WHERE dossier_id = $1 ORDER BY clock_key`,
    [dossierId],
  );
}

const summary = (dossierId: string, references: DossierSummary['references']): DossierSummary => ({
  dossierId,
  provisionalDossierId: references.find((r) => r.kind === 'PROVISIONAL_ID')?.reference,
  currentStage: 'intake',
  firstEventAt: '2025-03-10T02:00:00.000Z',
  lastEventAt: '2025-03-10T02:00:00.000Z',
  eventCount: 1,
  references,
});

async function storedReferences(dossierId: string) {
  return service.dataSource.query(`SELECT reference, kind FROM dossier_references WHERE dossier_id = $1 ORDER BY reference`, [dossierId]);
}

/** The same journey for another dossier: every id of the first dossier replaced, fresh event ids. */
const sameJourneyFor = (events: readonly TimelineEvent[], from: string, to: string): TimelineEvent[] =>
  events.map((event) => ({ ...(JSON.parse(JSON.stringify(event).split(from).join(to)) as TimelineEvent), id: randomUUID() }));

/** What the projections hold for a dossier, with its id written as DOSSIER so that two dossiers compare. */
async function projected(dossierId: string) {
  const rows = {
    summary: await service.dataSource.query(`SELECT * FROM dossier_summaries WHERE dossier_id = $1`, [dossierId]),
    references: await service.dataSource.query(`SELECT reference, kind FROM dossier_references WHERE dossier_id = $1 ORDER BY reference`, [dossierId]),
    clocks: await service.dataSource.query(`SELECT * FROM dossier_clocks WHERE dossier_id = $1 ORDER BY clock_key`, [dossierId]),
    fact: await service.dataSource.query(`SELECT fact, stage, stage_event_time, open, intake_postal_code FROM counting_dossier_facts WHERE dossier_id = $1`, [dossierId]),
  };
  for (const row of [...rows.summary, ...rows.clocks]) delete row.updated_at;
  return JSON.parse(JSON.stringify(rows).split(dossierId).join('DOSSIER'));
}


describe('tracking projections written in one statement (PostgreSQL)', () => {
  it('replaces a dossier’s clocks: a clock no longer derived is deleted, a changed one updated, a new one added; other dossiers untouched', async () => {
    const dossierId = randomUUID();
    const neighbour = randomUUID();
    const legId = randomUUID();
    await service.dataSource.transaction(async (manager) => {
      await clocks.replaceForDossier(manager, dossierId, [{ clock: clock('POSTAL_TO_AGENCY'), status: 'ON_TIME' }, { clock: clock('AGENCY_PROCESSING', { kind: 'AGENCY_PROCESSING', party: 'AGENCY' }), status: 'ON_TIME' }], parseLocalDate('2025-03-10'));
      await clocks.replaceForDossier(manager, neighbour, [{ clock: clock('POSTAL_TO_AGENCY'), status: 'ON_TIME' }], parseLocalDate('2025-03-10'));
    });
    await service.dataSource.transaction((manager) =>
      clocks.replaceForDossier(
        manager,
        dossierId,
        [
          { clock: clock('POSTAL_TO_AGENCY', { phase: 'CLOSED', closedBy: 'handover-record-signed', closedAt: '2025-03-11T03:00:00.000Z' }), status: 'MET' },
          { clock: clock(`POSTAL_TO_RECIPIENT:${legId}`, { kind: 'POSTAL_TO_RECIPIENT', legId, dueDate: parseLocalDate('2025-03-20'), restarts: 1, rescheduled: true }), status: 'NO_DUE_DATE' },
        ],
        parseLocalDate('2025-03-11'),
      ),
    );
    expect(await storedClocks(dossierId)).toEqual([
      { clock_key: 'POSTAL_TO_AGENCY', kind: 'POSTAL_TO_AGENCY', party: 'POSTAL', leg_id: null, phase: 'CLOSED', due_date: '2025-03-12', restarts: 0, rescheduled: false, closed_by: 'handover-record-signed', status: 'MET', evaluated_on: '2025-03-11' },
      { clock_key: `POSTAL_TO_RECIPIENT:${legId}`, kind: 'POSTAL_TO_RECIPIENT', party: 'POSTAL', leg_id: legId, phase: 'RUNNING', due_date: '2025-03-20', restarts: 1, rescheduled: true, closed_by: null, status: 'NO_DUE_DATE', evaluated_on: '2025-03-11' },
    ]);
    expect(await storedClocks(neighbour)).toHaveLength(1);
    // No clock at all: every row of the dossier goes.
    await service.dataSource.transaction((manager) => clocks.replaceForDossier(manager, dossierId, [], parseLocalDate('2025-03-12')));
    expect(await storedClocks(dossierId)).toEqual([]);
  });

  it('saves a summary with exactly its references: a dropped one deleted, a new one added, a repeated one stored once', async () => {
    const dossierId = randomUUID();
    const other = randomUUID();
    await service.dataSource.transaction(async (manager) => {
      await summaries.save(manager, summary(dossierId, [{ reference: 'BCCI-33100-250310-0001', kind: 'PROVISIONAL_ID' }, { reference: 'EB000000015VN', kind: 'S10_ITEM' }]), {});
      await summaries.save(manager, summary(other, [{ reference: 'EB000000015VN', kind: 'S10_ITEM' }]), {});
    });
    await service.dataSource.transaction((manager) =>
      summaries.save(
        manager,
        summary(dossierId, [
          { reference: 'BCCI-33100-250310-0001', kind: 'PROVISIONAL_ID' },
          { reference: '000.00.13.H39-250310-0001', kind: 'DOSSIER_CODE' },
          { reference: '000.00.13.H39-250310-0001', kind: 'S10_ITEM' },
        ]),
        {},
      ),
    );
    expect(await storedReferences(dossierId)).toEqual([
      { reference: '000.00.13.H39-250310-0001', kind: 'DOSSIER_CODE' },
      { reference: 'BCCI-33100-250310-0001', kind: 'PROVISIONAL_ID' },
    ]);
    // The other dossier's S10 reference (the same item number) is its own and stays.
    expect(await storedReferences(other)).toEqual([{ reference: 'EB000000015VN', kind: 'S10_ITEM' }]);
    const [stored] = await service.dataSource.query(`SELECT provisional_dossier_id, event_count FROM dossier_summaries WHERE dossier_id = $1`, [dossierId]);
    expect(stored).toEqual({ provisional_dossier_id: 'BCCI-33100-250310-0001', event_count: 1 });
  });

  it('appends an event to the timeline once: the same event again (another transaction) writes nothing and leaves the chain head', async () => {
    const dossierId = randomUUID();
    const record = new RecordTimelineEntry(() => []);
    const registered = exampleEvent('intake/dossier-registered.v1', dossierId) as unknown as TimelineEvent;
    const first = await service.dataSource.transaction((manager) => record.execute(registered, manager));
    const again = await service.dataSource.transaction((manager) => record.execute(registered, manager));
    const next = await service.dataSource.transaction((manager) => record.execute(exampleEvent('intake/dossier-withdrawn.v1', dossierId) as unknown as TimelineEvent, manager));
    expect(first?.sequence).toBe(1);
    expect(again).toBeUndefined();
    expect(next?.sequence).toBe(2);
    expect(next?.previousHash).toBe(first?.hash);
    const entries = await service.dataSource.query(`SELECT sequence, event_id FROM timeline_entries WHERE dossier_id = $1 ORDER BY sequence`, [dossierId]);
    expect(entries).toEqual([
      { sequence: 1, event_id: registered.id },
      { sequence: 2, event_id: expect.any(String) },
    ]);
    const [head] = await service.dataSource.query(`SELECT sequence, hash FROM timeline_chain_heads WHERE dossier_id = $1`, [dossierId]);
    expect(head).toEqual({ sequence: 2, hash: next?.hash });
  });

  describe('a consumer run recorded at once', () => {
    it('leaves every projection as recording the events one transaction each does, and chains each dossier in order', async () => {
      const record = service.app.get(RecordTimelineEntry);
      const oneByOne = journey();
      for (const event of oneByOne.events) await service.dataSource.transaction((manager) => record.execute(event as unknown as TimelineEvent, manager));

      const together = randomUUID();
      const neighbour = randomUUID();
      const togetherEvents = sameJourneyFor(oneByOne.events as unknown as TimelineEvent[], oneByOne.dossierId, together);
      const neighbourEvents = sameJourneyFor(oneByOne.events as unknown as TimelineEvent[], oneByOne.dossierId, neighbour);
      // Two dossiers' events interleaved in one run, as a partition delivers them.
      const run = togetherEvents.flatMap((event, i) => [event, neighbourEvents[i]!]);
      const recorded = await service.dataSource.transaction((manager) => record.recordAll(run, manager));

      expect(recorded.map((entry) => entry.eventId)).toEqual(expect.arrayContaining(run.map((event) => event.id)));
      expect(recorded).toHaveLength(run.length);
      expect(await projected(together)).toEqual(await projected(oneByOne.dossierId));
      expect(await projected(neighbour)).toEqual(await projected(oneByOne.dossierId));
      const timeline = new TimelineRepository();
      for (const dossierId of [together, neighbour]) {
        const entries = await service.dataSource.transaction((manager) => timeline.entriesOf(manager, dossierId));
        const head = await service.dataSource.transaction((manager) => timeline.headOf(manager, dossierId));
        expect(entries.map((entry) => entry.eventType)).toEqual(oneByOne.events.map((event) => event.type));
        expect(verifyChain(dossierId, entries.map(toChainedEntry), head)).toEqual({ ok: true, entries: oneByOne.events.length });
      }
    });

    it('holds the rebuild lock shared while it records, so a rebuild (exclusive) and live recording never overlap', async () => {
      const record = service.app.get(RecordTimelineEntry);
      const { events } = journey();
      const held = await service.dataSource.transaction(async (manager) => {
        await record.recordAll(events.slice(0, 2) as unknown as TimelineEvent[], manager);
        return manager.query(
          `SELECT mode FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = $1`,
          [PROJECTION_REBUILD_LOCK],
        );
      });
      expect(held).toEqual([{ mode: 'ShareLock' }]);
    });

    it('leaves out the run\'s events already on the timeline and appends the others after them', async () => {
      const record = service.app.get(RecordTimelineEntry);
      const { dossierId, events } = journey();
      const [first, second, third] = events as unknown as TimelineEvent[];
      await service.dataSource.transaction((manager) => record.execute(first!, manager));
      const recorded = await service.dataSource.transaction((manager) => record.recordAll([first!, second!, third!], manager));
      expect(recorded.map((entry) => [entry.eventId, entry.sequence])).toEqual([
        [second!.id, 2],
        [third!.id, 3],
      ]);
      const timeline = new TimelineRepository();
      const entries = await service.dataSource.transaction((manager) => timeline.entriesOf(manager, dossierId));
      expect(verifyChain(dossierId, entries.map(toChainedEntry), await service.dataSource.transaction((manager) => timeline.headOf(manager, dossierId)))).toEqual({ ok: true, entries: 3 });
    });
  });

  describe('timelines held between runs', () => {
    /** Another recorder with the service's projections and timelines of its own: a second instance of tracking. */
    const anotherInstance = () => new RecordTimelineEntry(() => service.app.get(TimelineProjections).all());

    /** A second instance of tracking with projections of its own: it holds the counting facts it saved, not the service's. */
    const instanceWithOwnProjections = () => {
      const projections = createRebuildableProjections({ referenceData: ReferenceData.load(), settings: trackingSettingsOf({ extra: {} } as never) });
      return new RecordTimelineEntry(() => projections);
    };

    /** A journey recorded by one instance, and the same journey of another dossier by two instances in turn. */
    const recordedInTurn = async (newInstance: () => RecordTimelineEntry) => {
      const reference = journey();
      const alone = newInstance();
      for (const event of reference.events) await service.dataSource.transaction((manager) => alone.execute(event as unknown as TimelineEvent, manager));
      const dossierId = randomUUID();
      const events = sameJourneyFor(reference.events as unknown as TimelineEvent[], reference.dossierId, dossierId);
      const instances = [newInstance(), newInstance()];
      // Each instance holds what it last saw (a timeline, a fact); the other one recorded an event since,
      // so it must read it again rather than go on from what it holds.
      for (const [i, event] of events.entries()) await service.dataSource.transaction((manager) => instances[i % 2]!.execute(event, manager));
      return { dossierId, referenceId: reference.dossierId };
    };

    it('two instances recording one dossier’s events in turn leave every projection as one instance does', async () => {
      const { dossierId, referenceId } = await recordedInTurn(anotherInstance);
      expect(await projected(dossierId)).toEqual(await projected(referenceId));
    });

    it('two instances, each holding the counting facts it saved, recording one dossier’s events in turn leave its fact as one instance does', async () => {
      const { dossierId, referenceId } = await recordedInTurn(instanceWithOwnProjections);
      const { fact } = await projected(dossierId);
      expect(fact).toEqual((await projected(referenceId)).fact);
      // Folded by both: the registration and the delivery (first instance), the return leg (second).
      expect([fact[0].fact.intakeDay, fact[0].fact.returnLegOpenedDay, fact[0].fact.deliveredDay]).not.toContain(null);
    });

    it('a run that rolled back leaves nothing of its events in the next run’s timeline', async () => {
      const reference = journey();
      const [registered, , third] = reference.events as unknown as TimelineEvent[];
      const expected = anotherInstance();
      for (const event of [registered!, third!]) await service.dataSource.transaction((manager) => expected.execute(event, manager));

      const dossierId = randomUUID();
      const [ownRegistered, ownSecond, ownThird] = sameJourneyFor([registered!, reference.events[1] as unknown as TimelineEvent, third!], reference.dossierId, dossierId);
      const record = anotherInstance();
      await service.dataSource.transaction((manager) => record.execute(ownRegistered!, manager));
      // The second event is recorded, the projections derived, and then the transaction fails.
      await expect(
        service.dataSource.transaction(async (manager) => {
          await record.execute(ownSecond!, manager);
          throw new Error('the consumer run failed after recording');
        }),
      ).rejects.toThrow('the consumer run failed after recording');
      const next = await service.dataSource.transaction((manager) => record.execute(ownThird!, manager));
      expect(next?.sequence).toBe(2);
      expect(await projected(dossierId)).toEqual(await projected(reference.dossierId));
    });
  });
});
