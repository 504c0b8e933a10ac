import { randomUUID } from 'node:crypto';
import { agencyTopicFor, assertValidEvent, EventType, toKafkaRecord, type BcciEvent } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';
import { EventCollector, startTestService, type TestService } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import { commandIdFor } from '../src/simulation/domain/command-id';
import { chooseOutcome, owesFees, parseDecisionMix, type DecisionOutcome } from '../src/simulation/domain/decision-mix';
import { acknowledgedEvent, publishedEvent, supplementCompletedEvent } from './simulator-test-events';

// An agency id of this test file only: per-agency topics are shared by the run's test files.
const AGENCY = '999.99.01.T91';
const MIX = 'approve:2,supplement:1,reject:1';
const DECISIONS_TOPIC = 'bcci.agency.decisions.v1';
const DECISION_TYPES: Record<DecisionOutcome, string> = {
  approve: EventType.IssueResult,
  supplement: EventType.RequestSupplement,
  reject: EventType.RejectDossier,
};

/** Dossier ids until every outcome of the mix occurs at least `each` times: the test covers all three. */
function dossierIdsCoveringMix(each: number): Map<string, DecisionOutcome> {
  const mix = parseDecisionMix(MIX);
  const ids = new Map<string, DecisionOutcome>();
  const counts: Record<DecisionOutcome, number> = { approve: 0, supplement: 0, reject: 0 };
  while (Object.values(counts).some((n) => n < each)) {
    const id = randomUUID();
    const outcome = chooseOutcome(mix, id);
    ids.set(id, outcome);
    counts[outcome]++;
  }
  return ids;
}

describe('agency simulator, Kafka way (per-agency topic in, bcci.agency.decisions.v1 out)', () => {
  let service: TestService;
  let commands: EventCollector;
  let producer: MessageProducer;
  const expected = dossierIdsCoveringMix(3);
  const ids = [...expected.keys()];
  const resumedId = randomUUID();
  const mine = new Set([...ids, resumedId]);

  const produce = (events: BcciEvent[]) =>
    producer.send(events.map((event) => toKafkaRecord(event, { traceparent: createTraceparent() }, { agencyId: AGENCY })));

  const ofDossier = (type: string, dossierId: string) => commands.events.filter((c) => c.event.type === type && c.event.subject === dossierId);

  beforeAll(async () => {
    service = await startTestService(AppModule, {
      serviceName: 'agency-simulator',
      extraEnv: {
        SIMULATOR_MODE: 'kafka',
        SIMULATOR_AGENCY_IDS: AGENCY,
        SIMULATOR_DECISION_DELAY_MS: '0',
        SIMULATOR_MIX: MIX,
        SIMULATOR_FEES_OWED_PERCENT: '50',
        SIMULATOR_TICK_MS: '50',
      },
    });
    const bus = new KafkajsMessageBus({ clientId: 'simulator-test', brokers: service.brokers, logLevel: 'NOTHING' });
    await bus.ensureTopics([{ topic: agencyTopicFor(AGENCY), partitions: 3 }]);
    producer = await bus.createProducer();
    commands = await new EventCollector({ brokers: service.brokers, topics: [DECISIONS_TOPIC], where: (e) => mine.has(e.subject) }).start();
  });

  afterAll(async () => {
    await commands?.stop();
    await producer?.disconnect();
    await service?.stop();
  });

  it('signs the handover record of every dossier published to it, once, with a command id derived from the dossier', async () => {
    const published = ids.map((id) => publishedEvent(id, AGENCY));
    published.forEach((e) => assertValidEvent(e));
    await produce(published);
    const signed = await commands.waitFor((e) => e.type === EventType.SignHandover, ids.length);
    for (const { event } of signed) {
      const data = event.data as { commandId: string; agencyId: string; dossierId: string; actor: { role: string } };
      expect(data.agencyId).toBe(AGENCY);
      expect(data.commandId).toBe(commandIdFor(data.dossierId, 'sign-handover'));
      expect(data.actor.role).toBe('AGENCY_SYSTEM');
    }
    expect(new Set(signed.map((c) => c.event.subject))).toEqual(new Set(ids));

    // Redelivery of the same events, and a re-publication under new event ids: nothing is signed twice.
    await produce([...published, ...ids.slice(0, 3).map((id) => publishedEvent(id, AGENCY))]);
    await produce(ids.map((id) => acknowledgedEvent(id, AGENCY)));
    await commands.waitFor((e) => e.type !== EventType.SignHandover, ids.length);
    await service.drainOutbox();
    await commands.drainToEnd();
    for (const id of ids) expect(ofDossier(EventType.SignHandover, id)).toHaveLength(1);
  });

  it('decides each acknowledged dossier once, in the configured mix, with valid commands', async () => {
    for (const id of ids) {
      const outcome = expected.get(id)!;
      const decisions = commands.events.filter((c) => c.event.subject === id && c.event.type !== EventType.SignHandover);
      expect(decisions.map((c) => c.event.type)).toEqual([DECISION_TYPES[outcome]]);
      const data = decisions[0].event.data as { commandId: string; feesOwed?: number; medium?: string };
      if (outcome === 'approve') {
        expect(data.commandId).toBe(commandIdFor(id, 'issue-result'));
        expect(data.feesOwed).toBe(owesFees(id, 50) ? 50_000 : 0);
        expect(data.medium).toBe('PAPER');
      }
    }
    const counts = { approve: 0, supplement: 0, reject: 0 };
    for (const outcome of expected.values()) counts[outcome]++;
    expect(counts.approve).toBeGreaterThanOrEqual(3);
    expect(counts.supplement).toBeGreaterThanOrEqual(3);
    expect(counts.reject).toBeGreaterThanOrEqual(3);
  });

  it('issues the result once the supplement it asked for is completed, and only then', async () => {
    const supplemented = ids.filter((id) => expected.get(id) === 'supplement');
    const approvedOrRejected = ids.filter((id) => expected.get(id) !== 'supplement');
    // A completion for a dossier that was never sent back for a supplement changes nothing.
    await produce([...supplemented, approvedOrRejected[0]].map((id) => supplementCompletedEvent(id, AGENCY)));
    const results = await commands.waitFor(
      (e) => e.type === EventType.IssueResult && supplemented.includes(e.subject) && (e.data as { commandId: string }).commandId === commandIdFor(e.subject, 'issue-result-after-supplement'),
      supplemented.length,
    );
    expect(new Set(results.map((r) => r.event.subject))).toEqual(new Set(supplemented));
    await service.drainOutbox();
    await commands.drainToEnd();
    for (const id of supplemented) expect(ofDossier(EventType.IssueResult, id)).toHaveLength(1);
    for (const id of approvedOrRejected) {
      expect(commands.events.filter((c) => c.event.subject === id)).toHaveLength(2);
    }
  });

  it('resumes from its state table: a decision already due when the process starts is made', async () => {
    // What a restart finds: a dossier acknowledged before the stop, its decision due in the past.
    await service.dataSource.query(
      `INSERT INTO simulated_dossiers (dossier_id, agency_id, step, service_form, component_codes, decide_at, updated_at)
       VALUES ($1, $2, 'ACKNOWLEDGED', 'SEND_DOSSIER', '["TK-LLTP-03"]', now() - interval '1 minute', now())`,
      [resumedId, AGENCY],
    );
    const outcome = chooseOutcome(parseDecisionMix(MIX), resumedId);
    const [decision] = await commands.waitFor((e) => e.subject === resumedId);
    expect(decision.event.type).toBe(DECISION_TYPES[outcome]);
    const rows: Array<{ step: string }> = await service.dataSource.query(`SELECT step FROM simulated_dossiers WHERE dossier_id = $1`, [resumedId]);
    expect(rows[0].step).toBe(outcome === 'approve' ? 'RESULT_ISSUED' : outcome === 'reject' ? 'REJECTED' : 'SUPPLEMENT_REQUESTED');
  });
});
