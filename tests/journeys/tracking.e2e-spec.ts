import { EventType, type BcciEvent } from '@bcci/contracts';
import { systemClock, toVietnamDate } from '@bcci/kernel';
import { withDatabase } from '@bcci/persistence';
import { startStack, type E2eStack } from '../support/e2e-stack';
import { AgencyCommandProducer, JourneyEvents } from '../support/journey-events';
import { call, expectCall, vietnamTimestamp } from '../support/journey-http';
import { lookupPinOnSlip } from '../support/journey-pdf-text';
import { runVerifyChain } from '../support/verify-chain-command';
import {
  agencyDecision,
  agencyView,
  carryToAgency,
  deliverResult,
  digitize,
  PAPER_RESULT,
  pickUpResult,
  registerDossier,
  registrationBody,
  returnOf,
  sendingSlip,
  signHandoverRecord,
  type RegisteredDossier,
} from '../support/journey-steps';
import { timelineHolding } from '../support/journey-tracking';

// Tracking after real journeys (issue 5): each dossier's timeline holds every event the test saw on Kafka,
// in event-time order, its hash chain verifies, the citizen's lookup with the slip's PIN shows the status
// without personal data, and the BCCI ratios equal the test's own count against imported denominators.
// The whole stack runs, the agency simulator included: it decides for one agency (000.05.39.G01, the
// driving-licence procedure 1.002804); the test decides for the others.
const SIMULATED_AGENCY = '000.05.39.G01';

interface Journey {
  dossier: RegisteredDossier;
  receivedViaBcci: boolean;
  registeredForReturn: boolean;
  delivered: boolean;
}

describe('tracking after the journeys', () => {
  let stack: E2eStack;
  let events: JourneyEvents;
  let agencySystem: AgencyCommandProducer;
  let firstDay: string;
  /** The period the test counts over: every day a journey of the test can count on, whatever day it runs. */
  const countingPeriod = () => {
    // A dossier counts on its intake day J (a Saturday's belongs to Monday, after a holiday to the next
    // working day); its result counts on the day it was delivered, today. The period spans both.
    const days = [firstDay, toVietnamDate(systemClock.now()), ...journeys.map((j) => j.dossier.intakeDay)].sort();
    return { periodStart: days[0], periodEnd: days[days.length - 1] };
  };
  const journeys: Journey[] = [];

  beforeAll(async () => {
    firstDay = toVietnamDate(systemClock.now());
    stack = await startStack({
      overrides: {
        serviceEnvironment: {
          SIMULATOR_AGENCY_IDS: SIMULATED_AGENCY,
          SIMULATOR_MIX: 'approve:100',
          SIMULATOR_FEES_OWED_PERCENT: '0',
          SIMULATOR_DECISION_DELAY_MS: '300',
        },
      },
    });
    events = await JourneyEvents.open(stack);
    agencySystem = new AgencyCommandProducer(stack);

    // Form 3 decided by the test over HTTP, delivered at home.
    const form3 = await registerDossier(stack, { form: 3, procedureCode: '2.000488', n: 701 });
    await digitize(stack, form3.id);
    await carryToAgency(stack, form3.id);
    await signHandoverRecord(stack, [form3]);
    await agencyView(stack, form3.id, stack.tokens.agency);
    await agencyDecision(stack, form3.id, stack.tokens.agency, 'handover-signature');
    await agencyView(stack, form3.id, stack.tokens.agency, 'RECEIVED');
    await agencyDecision(stack, form3.id, stack.tokens.agency, 'result', PAPER_RESULT);
    await returnOf(stack, form3.id, stack.tokens.courier);
    await pickUpResult(stack, form3.id, stack.tokens.courier);
    await deliverResult(stack, form3.id, stack.tokens.courier);
    journeys.push({ dossier: form3, receivedViaBcci: true, registeredForReturn: true, delivered: true });

    // Form 1 decided by the agency's system on the decision topic.
    const form1 = await registerDossier(stack, { form: 1, procedureCode: '1.003822', n: 702 });
    const actor = { role: 'AGENCY_SYSTEM' as const, ref: 'agency-system:H39-12' };
    await digitize(stack, form1.id);
    await carryToAgency(stack, form1.id);
    await signHandoverRecord(stack, [form1], { agencySignerName: 'Hoàng Văn Nam' });
    await events.waitFor(form1.id, EventType.DossierPublishedToAgency);
    await agencySystem.send(EventType.SignHandover, { dossierId: form1.id, agencyId: form1.agencyId, actor });
    await events.waitFor(form1.id, EventType.HandoverAcknowledged);
    await agencySystem.send(EventType.IssueResult, { dossierId: form1.id, agencyId: form1.agencyId, actor, resultKind: 'REFERENCE', medium: 'DIGITAL', resultReference: '9/QD-E2E', feesOwed: 0 });
    await events.waitFor(form1.id, EventType.ResultIssued);
    journeys.push({ dossier: form1, receivedViaBcci: true, registeredForReturn: false, delivered: false });

    // Form 2: filed online, the result collected at the counter.
    const form2 = await registerDossier(stack, { form: 2, procedureCode: '2.000635', n: 703, deliveryMode: 'COUNTER' });
    await agencyView(stack, form2.id, stack.tokens.agency);
    await agencyDecision(stack, form2.id, stack.tokens.agency, 'handover-signature');
    await agencyDecision(stack, form2.id, stack.tokens.agency, 'result', PAPER_RESULT);
    await returnOf(stack, form2.id, stack.tokens.courier);
    await pickUpResult(stack, form2.id, stack.tokens.courier);
    await expectCall(200, stack, 'returns', 'POST', `/returns/${form2.id}/counter-notice`, { token: stack.tokens.clerk, body: { sentAt: vietnamTimestamp(), channel: 'ZALO' } });
    await deliverResult(stack, form2.id, stack.tokens.clerk);
    journeys.push({ dossier: form2, receivedViaBcci: false, registeredForReturn: true, delivered: true });

    // Form 3 decided by the simulator: it signs on publication and issues a paper result.
    const simulated = await registerDossier(stack, { form: 3, procedureCode: '1.002804', n: 704 });
    expect(simulated.agencyId).toBe(SIMULATED_AGENCY);
    await carryToAgency(stack, simulated.id);
    await signHandoverRecord(stack, [simulated]);
    await digitize(stack, simulated.id);
    await events.waitFor(simulated.id, EventType.HandoverRecordSigned);
    await events.waitFor(simulated.id, EventType.ResultIssued);
    await returnOf(stack, simulated.id, stack.tokens.courier);
    await pickUpResult(stack, simulated.id, stack.tokens.courier);
    await deliverResult(stack, simulated.id, stack.tokens.courier);
    journeys.push({ dossier: simulated, receivedViaBcci: true, registeredForReturn: true, delivered: true });

    for (const { dossier } of journeys) await events.waitFor(dossier.id, journeys.find((j) => j.dossier === dossier)!.delivered ? EventType.ResultDelivered : EventType.ResultIssued);
    await events.drained(stack);
  }, 600_000);

  afterAll(async () => {
    await agencySystem?.stop();
    await stack?.stop();
  });

  it('the simulator decided its agency’s dossier over the decision topic', () => {
    const dossierId = journeys[3].dossier.id;
    const commands = events.of(dossierId, 'bcci.agency.decisions.v1').map((e) => e.type);
    expect(commands).toEqual(expect.arrayContaining([EventType.SignHandover, EventType.IssueResult]));
    events.assertAllValid();
  });

  it('shows every step of each dossier, as seen on Kafka, in event-time order', async () => {
    for (const { dossier } of journeys) {
      const seen = events.streamEventsOf(dossier.id);
      const timeline = await timelineHolding(stack, dossier.id, seen.map((e) => e.id));
      // Every event of the journey and nothing else, each once.
      expect(timeline.entries.map((e) => e.eventId).sort()).toEqual([...new Set(seen.map((e) => e.id))].sort());
      const byId = new Map<string, BcciEvent>(seen.map((e) => [e.id, e]));
      for (const entry of timeline.entries) {
        expect({ id: entry.eventId, type: entry.eventType, time: entry.eventTime }).toEqual({ id: entry.eventId, type: byId.get(entry.eventId)!.type, time: new Date(byId.get(entry.eventId)!.time).toISOString() });
      }
      const times = timeline.entries.map((e) => Date.parse(e.eventTime));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      // The milestones of the journey come in the order they happened.
      const position = (type: string) => timeline.entries.findIndex((e) => e.eventType === type);
      const milestones = [EventType.DossierRegistered, EventType.DossierPublishedToAgency, EventType.HandoverAcknowledged, EventType.ResultIssued, EventType.ReturnLegOpened, EventType.ResultPickedUpAtAgency, EventType.ResultDelivered]
        .map(position)
        .filter((index) => index >= 0);
      expect(milestones.length).toBeGreaterThanOrEqual(4);
      expect(milestones).toEqual([...milestones].sort((x, y) => x - y));
      expect(timeline.entries[0].eventType).toBe(EventType.DossierRegistered);
    }
  });

  it('verifies every hash chain with the verify-chain command', async () => {
    const databaseUrl = withDatabase(stack.stack.databaseAdminUrl, 'bcci_tracking');
    const all = await runVerifyChain(databaseUrl);
    expect({ status: all.status, output: `${all.stdout}${all.stderr}` }).toMatchObject({ status: 0, output: expect.stringContaining(' 0 broken') });
    const one = await runVerifyChain(databaseUrl, ['--dossier', journeys[0].dossier.id]);
    expect(one.status).toBe(0);
    const entries = events.streamEventsOf(journeys[0].dossier.id).length;
    expect(one.stdout).toContain(`${entries} entries verified`);
  });

  it('answers the citizen’s lookup with the PIN printed on the sending slip, without personal data', async () => {
    const { dossier } = journeys[0];
    const pin = lookupPinOnSlip(await sendingSlip(stack, dossier.id));
    const found = await call(stack, 'tracking', 'GET', `/public/lookup?reference=${encodeURIComponent(dossier.provisionalDossierId)}&pin=${pin}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ status: { stage: 'return', nationalStatus: 10 } });
    expect(found.body.steps.length).toBeGreaterThanOrEqual(5);
    const applicant = registrationBody(stack, { form: 3, procedureCode: '2.000488', n: 701 }).applicant as { fullName: string; identityDocument: { number: string }; phone: string; address: string };
    for (const personal of [applicant.fullName, applicant.identityDocument.number, applicant.phone, applicant.address]) expect(found.text).not.toContain(personal);
    expect(found.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/); // no internal ids either

    // By the S10 item id too; a wrong PIN is an unknown reference.
    expect((await call(stack, 'tracking', 'GET', `/public/lookup?reference=${dossier.postalItemId}&pin=${pin}`)).status).toBe(200);
    const wrong = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    expect((await call(stack, 'tracking', 'GET', `/public/lookup?reference=${dossier.postalItemId}&pin=${wrong}`)).status).toBe(404);
  });

  it('gives BCCI ratios equal to the test’s own count of its journeys, against the imported denominators', async () => {
    const { periodStart, periodEnd } = countingPeriod();
    const period = `${periodStart}..${periodEnd}`;
    // All-channel totals from the agencies' one-stop systems, per agency and procedure (made up by the test).
    const totals = [
      { agencyId: '000.00.13.H39', procedureCode: '2.000488', received: 40, resolved: 30 },
      { agencyId: '000.00.13.H39', procedureCode: '2.000635', received: 10, resolved: 10 },
      { agencyId: '000.00.12.H39', procedureCode: '1.003822', received: 20, resolved: 10 },
      { agencyId: '000.00.12.H39', procedureCode: '1.003879', received: 5, resolved: 0 },
      { agencyId: SIMULATED_AGENCY, procedureCode: '1.002804', received: 30, resolved: 20 },
    ];
    await expectCall(201, stack, 'tracking', 'POST', '/denominators/imports', {
      token: stack.tokens.operations,
      body: { periodStart, periodEnd, provinceCode: '15', rows: totals },
    });

    const received = journeys.filter((j) => j.receivedViaBcci).length;
    const registered = journeys.filter((j) => j.registeredForReturn).length;
    const delivered = journeys.filter((j) => j.delivered).length;
    const bcciProcedures = new Set(journeys.map((j) => j.dossier.procedureCode));
    const allProcedures = new Set([...totals.filter((t) => t.received + t.resolved > 0).map((t) => t.procedureCode), ...bcciProcedures]);
    const resolved = totals.reduce((sum, t) => sum + t.resolved, 0);

    const report = await expectCall(200, stack, 'tracking', 'GET', `/ratios?period=${period}&scope=province:15`, { token: stack.tokens.operations });
    const byCode = Object.fromEntries((report.ratios as Array<{ code: string }>).map((r) => [r.code, r]));
    expect(report.denominators).toMatchObject({ available: true, resolved, received: totals.reduce((sum, t) => sum + t.received, 0) });
    expect(byCode.R1).toMatchObject({ numerator: bcciProcedures.size, denominator: allProcedures.size });
    expect(byCode.R2).toMatchObject({ numerator: received, denominator: resolved });
    expect(byCode.R3).toMatchObject({ numerator: delivered, denominator: resolved });
    expect(byCode.R3_REGISTERED).toMatchObject({ numerator: registered, denominator: resolved });
    expect((byCode.R1 as unknown as { percent: number }).percent).toBeCloseTo((bcciProcedures.size / allProcedures.size) * 100, 2); // the report rounds to 2 decimals
    expect((byCode.R2 as unknown as { percent: number }).percent).toBeCloseTo((received / resolved) * 100, 2); // the report rounds to 2 decimals
    expect((byCode.R3 as unknown as { percent: number }).percent).toBeCloseTo((delivered / resolved) * 100, 2); // the report rounds to 2 decimals

    // Per agency the same count holds: the simulator's agency had one dossier, received and delivered.
    const simulated = await expectCall(200, stack, 'tracking', 'GET', `/ratios?period=${period}&scope=agency:${SIMULATED_AGENCY}`, { token: stack.tokens.operations });
    const simulatedByCode = Object.fromEntries((simulated.ratios as Array<{ code: string }>).map((r) => [r.code, r]));
    expect(simulatedByCode.R2).toMatchObject({ numerator: 1, denominator: 20 });
    expect(simulatedByCode.R3).toMatchObject({ numerator: 1, denominator: 20 });
  });
});
