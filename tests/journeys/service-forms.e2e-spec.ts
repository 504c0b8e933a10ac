import { agencyTopicFor, EventType } from '@bcci/contracts';
import { startStack, type E2eStack } from '../support/e2e-stack';
import { subjectOf, typeOf, type EventReader } from '../support/event-reader';
import { AgencyCommandProducer, JourneyEvents } from '../support/journey-events';
import { expectCall, tokenFor, vietnamTimestamp } from '../support/journey-http';
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

// Service forms 1, 2 and 3 (QĐ 45/2016 Đ5) through every service running as its own process, driven as
// clerks, operators, couriers and agency systems do: HTTP for people, the decision topic for an agency
// system. The simulator is not started: the test makes every agency decision itself.
const JOURNEY_SERVICES = ['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns'];

describe('service forms 1, 2 and 3 end to end', () => {
  let stack: E2eStack;
  let events: JourneyEvents;
  let agencySystem: AgencyCommandProducer;
  const readers: EventReader[] = [];

  beforeAll(async () => {
    stack = await startStack({ services: JOURNEY_SERVICES });
    events = await JourneyEvents.open(stack);
    agencySystem = new AgencyCommandProducer(stack);
  }, 300_000);

  afterAll(async () => {
    await agencySystem?.stop();
    await stack?.stop();
  });

  /** Event types of the dossier on the services' streams, each once, in the order read per stream. */
  const typesOf = (dossier: RegisteredDossier) => events.streamEventsOf(dossier.id).map((e) => e.type);

  it('form 3: intake → digitization → forwarding → the agency signs and decides over HTTP → delivered at home with the ID checked', async () => {
    const dossier = await registerDossier(stack, { form: 3, procedureCode: '2.000488', n: 301 });
    const agency = stack.tokens.agency; // competent today for 2.000488 (000.00.13.H39)
    expect(dossier.agencyId).toBe('000.00.13.H39');

    await digitize(stack, dossier.id);
    const published = await events.waitFor(dossier.id, EventType.DossierPublishedToAgency);
    expect(published).toMatchObject({ nationalstatus: 1, channel: 3, data: { agencyId: dossier.agencyId, serviceForm: 'SEND_AND_RECEIVE' } });
    expect(published.data.components.filter((c) => c.digitized).length).toBeGreaterThan(0);

    await carryToAgency(stack, dossier.id);
    const record = await signHandoverRecord(stack, [dossier]);
    expect(record.status).not.toBe('SIGNED'); // the agency has not signed yet
    await agencyView(stack, dossier.id, agency);
    const signed = await agencyDecision(stack, dossier.id, agency, 'handover-signature');
    expect(signed).toMatchObject({ status: 'RECEIVED', nationalStatus: 2 });

    // Forwarding completes the record with the agency's signature: the legal filing time.
    const filed = await events.waitFor(dossier.id, EventType.HandoverRecordSigned);
    expect(filed.data).toMatchObject({ handoverRecordId: record.handoverRecordId, agencySignatureSource: 'AGENCY_GATEWAY' });
    await events.waitFor(dossier.id, EventType.FeesRemitted);

    await agencyView(stack, dossier.id, agency, 'RECEIVED');
    const issued = await agencyDecision(stack, dossier.id, agency, 'result', PAPER_RESULT);
    expect(issued).toMatchObject({ status: 'RESULT_ISSUED', nationalStatus: 9 });

    const opened = await events.waitFor(dossier.id, EventType.ReturnLegOpened);
    expect(opened.data).toMatchObject({ returnedItem: 'RESULT', deliveryMode: 'HOME', destinationPostalCode: '33100', agencyId: dossier.agencyId });
    await returnOf(stack, dossier.id, stack.tokens.courier);
    await pickUpResult(stack, dossier.id, stack.tokens.courier);
    const delivered = await deliverResult(stack, dossier.id, stack.tokens.courier);
    expect(delivered).toMatchObject({ status: 'DELIVERED' });
    const event = await events.waitFor(dossier.id, EventType.ResultDelivered);
    expect(event).toMatchObject({ nationalstatus: 10, channel: 3, data: { identityCheck: { documentType: 'CCCD', verified: true } } });

    expect(new Set(typesOf(dossier))).toEqual(
      new Set([
        EventType.DossierRegistered,
        EventType.ComponentDigitized,
        EventType.ComponentCertified,
        EventType.DossierDigitized,
        EventType.PostalLegOpened,
        EventType.CourierScanned,
        EventType.DossierPublishedToAgency,
        EventType.HandoverRecordSigned,
        EventType.FeesRemitted,
        EventType.HandoverAcknowledged,
        EventType.ResultIssued,
        EventType.ReturnLegOpened,
        EventType.ResultPickedUpAtAgency,
        EventType.ResultDelivered,
      ]),
    );
    expect(events.count(dossier.id, EventType.CourierScanned)).toBe(3);
    events.assertAllValid();
  });

  it('form 1: the agency system reads its own Kafka topic, signs and issues a digital result over the decision topic; nothing returns by post', async () => {
    const dossier = await registerDossier(stack, { form: 1, procedureCode: '1.003822', n: 101 });
    expect(dossier.agencyId).toBe('000.00.12.H39');
    const agencyId = dossier.agencyId;
    const actor = { role: 'AGENCY_SYSTEM' as const, ref: 'agency-system:H39-12' };

    await digitize(stack, dossier.id);
    await events.waitFor(dossier.id, EventType.DossierPublishedToAgency);
    // The agency's own topic carries its copy of the publication (the gateway created the topic for it).
    const agencyTopic = await stack.readEvents([agencyTopicFor(agencyId)]);
    readers.push(agencyTopic);
    const copy = await agencyTopic.waitFor((r) => subjectOf(r) === dossier.id && typeOf(r) === EventType.DossierPublishedToAgency, 60_000, 'the copy on the agency topic');
    expect(copy.value).toMatchObject({ data: { agencyId, serviceForm: 'SEND_DOSSIER' } });

    await carryToAgency(stack, dossier.id);
    await signHandoverRecord(stack, [dossier]);
    const sign = await agencySystem.send(EventType.SignHandover, { dossierId: dossier.id, agencyId, actor });
    const acknowledged = await events.waitFor(dossier.id, EventType.HandoverAcknowledged);
    expect(acknowledged).toMatchObject({ causationid: sign.id, nationalstatus: 2, data: { agencyId } });
    await events.waitFor(dossier.id, EventType.HandoverRecordSigned);

    const result = await agencySystem.send(EventType.IssueResult, { dossierId: dossier.id, agencyId, actor, resultKind: 'REFERENCE', medium: 'DIGITAL', resultReference: '88/QD-E2E', feesOwed: 0 });
    const issued = await events.waitFor(dossier.id, EventType.ResultIssued);
    expect(issued).toMatchObject({ causationid: result.id, nationalstatus: 9, data: { returnByPost: false, medium: 'DIGITAL' } });
    const view = await agencyView(stack, dossier.id, tokenFor(stack, { role: 'agency', agencyId }), 'RESULT_ISSUED');
    expect(view).toMatchObject({ nationalStatus: 9, channel: 3 });

    expect(new Set(typesOf(dossier))).not.toContain(EventType.FeesRemitted); // 1.003822 has no agency fee
    events.assertAllValid();
  });

  it('form 2: the agency that received the dossier online answers through the gateway; the result is collected at the counter', async () => {
    const dossier = await registerDossier(stack, { form: 2, procedureCode: '2.000635', n: 201, deliveryMode: 'COUNTER' });
    const agency = stack.tokens.agency;
    expect(dossier.agencyId).toBe('000.00.13.H39');
    const registered = await events.waitFor(dossier.id, EventType.DossierRegistered);
    expect(registered).toMatchObject({ channel: 2, data: { serviceForm: 'RECEIVE_RESULT', receivingChannel: 2 } });

    // No sealed dossier travels: no postal leg, no digitization; the gateway still tells the agency.
    await events.waitFor(dossier.id, EventType.DossierPublishedToAgency);
    await agencyDecision(stack, dossier.id, agency, 'handover-signature');
    await agencyDecision(stack, dossier.id, agency, 'result', PAPER_RESULT);
    const opened = await events.waitFor(dossier.id, EventType.ReturnLegOpened);
    expect(opened.data).toMatchObject({ deliveryMode: 'COUNTER', destinationPostalCode: '33100' });

    await returnOf(stack, dossier.id, stack.tokens.courier);
    await pickUpResult(stack, dossier.id, stack.tokens.courier);
    await expectCall(200, stack, 'returns', 'POST', `/returns/${dossier.id}/counter-notice`, { token: stack.tokens.clerk, body: { sentAt: vietnamTimestamp(), channel: 'SMS' } });
    await events.waitFor(dossier.id, EventType.CounterPickupNoticeSent);
    const handed = await deliverResult(stack, dossier.id, stack.tokens.clerk);
    expect(handed).toMatchObject({ status: 'DELIVERED' });
    const delivered = await events.waitFor(dossier.id, EventType.ResultDelivered);
    expect(delivered.data).toMatchObject({ deliveryMode: 'COUNTER', postalCode: '33100', actor: { role: 'POSTAL_CLERK' } });

    const types = typesOf(dossier);
    expect(types).not.toContain(EventType.PostalLegOpened);
    expect(types).not.toContain(EventType.DossierDigitized);
    events.assertAllValid();
  });

  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close().catch(() => undefined)));
  });
});
