import { EventType, type BcciEvent } from '@bcci/contracts';
import { startStack, type E2eStack } from '../support/e2e-stack';
import { AgencyCommandProducer, JourneyEvents } from '../support/journey-events';
import { call, expectCall } from '../support/journey-http';
import {
  agencyDecision,
  agencyView,
  carryToAgency,
  deliverResult,
  digitize,
  PAPER_RESULT,
  pickUpResult,
  registerDossier,
  returnOf,
  signHandoverRecord,
  type RegisteredDossier,
} from '../support/journey-steps';

// A crash in the middle of a journey: the agency gateway and forwarding are killed (SIGKILL, no graceful
// shutdown) while decisions and signatures are in flight, then started again. Kafka keeps what was sent to
// them, outboxes keep what they had not published yet, inboxes absorb redeliveries: both dossiers finish
// their journey, and every fact of each dossier is published exactly once.
const SERVICES = ['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns'];

/** What identifies one fact of a dossier: its type, plus the step for types a journey has several of. */
function factKey(event: BcciEvent): string {
  const data = event.data as { scanKind?: string; componentCode?: string };
  if (event.type === EventType.CourierScanned) return `${event.type}:${data.scanKind}`;
  if (event.type === EventType.ComponentDigitized || event.type === EventType.ComponentCertified) return `${event.type}:${data.componentCode}`;
  return event.type;
}

describe('resilience: services killed and restarted mid-journey', () => {
  let stack: E2eStack;
  let events: JourneyEvents;
  let agencySystem: AgencyCommandProducer;

  beforeAll(async () => {
    stack = await startStack({ services: SERVICES });
    events = await JourneyEvents.open(stack);
    agencySystem = new AgencyCommandProducer(stack);
  }, 300_000);

  afterAll(async () => {
    await agencySystem?.stop();
    await stack?.stop();
  });

  it('the agency gateway and forwarding killed while signatures are in flight: both journeys complete, nothing lost, nothing done twice', async () => {
    const dossiers: RegisteredDossier[] = [];
    for (const n of [601, 602]) dossiers.push(await registerDossier(stack, { form: 3, procedureCode: '2.000488', n }));
    const [a, b] = dossiers;
    const agency = stack.tokens.agency;
    const actor = { role: 'AGENCY_SYSTEM' as const, ref: 'agency-system:H39-13' };
    for (const dossier of dossiers) {
      await digitize(stack, dossier.id);
      await agencyView(stack, dossier.id, agency);
      await carryToAgency(stack, dossier.id);
    }
    // The courier signs one record for both; it waits for the agency's signatures.
    const record = await signHandoverRecord(stack, dossiers);
    expect(record.status).not.toBe('SIGNED');

    // The agency signs A over HTTP; the gateway dies at once, its outbox perhaps not yet relayed.
    const signA = { token: agency, body: {}, headers: { 'idempotency-key': 'e2e-resilience-sign-a' } };
    const signedA = await expectCall(200, stack, 'agency-gateway', 'POST', `/agency/dossiers/${a.id}/handover-signature`, signA);
    expect(await stack.stack.killService('agency-gateway')).toEqual({ code: null, signal: 'SIGKILL' });
    await expect(call(stack, 'agency-gateway', 'GET', `/agency/dossiers/${a.id}`, { token: agency })).rejects.toThrow();
    // Forwarding dies too, before any signature reaches it.
    expect(await stack.stack.killService('forwarding')).toEqual({ code: null, signal: 'SIGKILL' });

    // While both are down, the agency's system signs B on the decision topic: Kafka keeps the command.
    const signB = await agencySystem.send(EventType.SignHandover, { dossierId: b.id, agencyId: b.agencyId, actor });

    await stack.stack.startService('agency-gateway');
    await stack.stack.startService('forwarding');
    const ackA = await events.waitFor(a.id, EventType.HandoverAcknowledged);
    expect(ackA.id).toBe(signedA.eventId);
    const ackB = await events.waitFor(b.id, EventType.HandoverAcknowledged);
    expect(ackB.causationid).toBe(signB.id);
    for (const dossier of dossiers) {
      const filed = await events.waitFor(dossier.id, EventType.HandoverRecordSigned);
      expect(filed.data).toMatchObject({ handoverRecordId: record.handoverRecordId, agencySignatureSource: 'AGENCY_GATEWAY' });
    }

    // Retries after the crash change nothing: the same HTTP request, the same Kafka command.
    const retriedA = await expectCall(200, stack, 'agency-gateway', 'POST', `/agency/dossiers/${a.id}/handover-signature`, signA);
    expect(retriedA).toMatchObject({ eventId: signedA.eventId, replayed: true });
    await agencySystem.send(EventType.SignHandover, { dossierId: b.id, agencyId: b.agencyId, actor, commandId: signB.data.commandId });

    // The journeys go on to the end.
    await agencyView(stack, a.id, agency, 'RECEIVED');
    await agencyDecision(stack, a.id, agency, 'result', PAPER_RESULT);
    await agencySystem.send(EventType.IssueResult, { dossierId: b.id, agencyId: b.agencyId, actor, resultKind: 'DOCUMENT', medium: 'PAPER', resultReference: '16/QD-E2E', feesOwed: 0 });
    for (const dossier of dossiers) {
      await events.waitFor(dossier.id, EventType.ReturnLegOpened);
      await returnOf(stack, dossier.id, stack.tokens.courier);
      await pickUpResult(stack, dossier.id, stack.tokens.courier);
      await deliverResult(stack, dossier.id, stack.tokens.courier);
      await events.waitFor(dossier.id, EventType.ResultDelivered);
    }

    // Nothing done twice: once everything is published and read, each fact appears once per dossier.
    // (A record the relay sent just before the kill and sends again after the restart is the same event,
    // same id, which every inbox absorbs; facts are counted by distinct event id.)
    await events.drained(stack);
    for (const dossier of dossiers) {
      const byFact = new Map<string, Set<string>>();
      for (const event of events.streamEventsOf(dossier.id)) {
        const key = factKey(event);
        byFact.set(key, (byFact.get(key) ?? new Set()).add(event.id));
      }
      const repeated = [...byFact.entries()].filter(([, ids]) => ids.size !== 1).map(([key, ids]) => `${key} ×${ids.size}`);
      expect({ dossier: dossier.id, repeated }).toEqual({ dossier: dossier.id, repeated: [] });
      expect([...byFact.keys()].sort()).toEqual(
        expect.arrayContaining([
          EventType.DossierRegistered,
          EventType.DossierDigitized,
          EventType.PostalLegOpened,
          `${EventType.CourierScanned}:DISPATCHED`,
          `${EventType.CourierScanned}:ARRIVED`,
          `${EventType.CourierScanned}:HANDED_OVER`,
          EventType.DossierPublishedToAgency,
          EventType.HandoverAcknowledged,
          EventType.HandoverRecordSigned,
          EventType.FeesRemitted,
          EventType.ResultIssued,
          EventType.ReturnLegOpened,
          EventType.ResultPickedUpAtAgency,
          EventType.ResultDelivered,
        ]),
      );
    }
    events.assertAllValid();
  });
});
