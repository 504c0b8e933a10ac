import { randomUUID } from 'node:crypto';
import { buildEvent, EventType, toKafkaRecord, type BcciEvent, type EventDataMap, type EventTypeName } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';

export const AGENCY = '000.00.13.H65';
export const OTHER_AGENCY = '000.00.12.H65';
/** Sample catalog: "2.000488", Home Affairs (000.00.13.H65 until 30/06/2025), 10 working days by BCCI. */
export const PROCEDURE = '2.000488';
export const INTAKE_POSTAL_CODE = '33100';

/** The three upstream facts that make a dossier publishable, as intake, forwarding and digitization send them. */
export function upstreamEvents(dossierId: string): BcciEvent[] {
  const correlationId = randomUUID();
  const componentId = randomUUID();
  const applicantRef = randomUUID();
  const registered = buildEvent({
    type: EventType.DossierRegistered,
    correlationId,
    time: '2025-03-12T09:14:05+07:00',
    data: {
      dossierId,
      provisionalDossierId: 'BCCI-33100-250312-0007',
      serviceForm: 'SEND_AND_RECEIVE',
      receivingChannel: 3,
      procedureCode: PROCEDURE,
      expectedAgencyId: AGENCY,
      catalogVersion: 'test',
      intakeSite: { kind: 'POSTAL_POINT', postalCode: INTAKE_POSTAL_CODE, provinceCode: '15' },
      applicantRef,
      recipientRef: applicantRef,
      returnDestination: { deliveryMode: 'HOME', postalCode: INTAKE_POSTAL_CODE, provinceCode: '15' },
      s10ItemId: 'EB123456785VN',
      sealNumber: 'NP-2025-004512',
      components: [{ componentId, componentCode: 'TO-KHAI', title: 'Tờ khai', originals: 1, copies: 0, required: true }],
      agencyFees: { total: 0, lines: [], paymentMethod: 'NONE' },
      postage: { total: 52000, forwardLeg: 26000, returnLeg: 26000, paymentMethod: 'CASH' },
      intakeDay: '2025-03-12',
      registeredAt: '2025-03-12T09:14:05+07:00',
      postalDeadline: { legClass: 'INTER_DISTRICT', startDay: '2025-03-12', workingDays: 2, dueDate: '2025-03-14' },
      actor: { role: 'POSTAL_CLERK', ref: 'staff:33100-017' },
    } as unknown as EventDataMap[typeof EventType.DossierRegistered],
  });
  const legOpened = buildEvent({
    type: EventType.PostalLegOpened,
    correlationId,
    time: '2025-03-12T09:24:02+07:00',
    data: {
      dossierId,
      legId: randomUUID(),
      s10ItemId: 'EB123456785VN',
      procedureCode: PROCEDURE,
      agencyId: AGENCY,
      competenceDate: '2025-03-12',
      originPostalCode: INTAKE_POSTAL_CODE,
      destinationPostalCode: '33000',
      deadline: { legClass: 'INTER_DISTRICT', startDay: '2025-03-12', workingDays: 2, dueDate: '2025-03-14' },
      openedAt: '2025-03-12T09:24:02+07:00',
      catalogVersion: 'test',
    },
  });
  const digitized = buildEvent({
    type: EventType.DossierDigitized,
    correlationId,
    time: '2025-03-12T09:24:00+07:00',
    data: {
      dossierId,
      components: [{ componentId, componentCode: 'TO-KHAI', required: true, digitized: true, certified: true, reused: false, contentHash: `sha256:${'b1'.repeat(32)}` }],
      componentCount: 1,
      digitizedCount: 1,
      completedAt: '2025-03-12T09:24:00+07:00',
      site: { kind: 'POSTAL_POINT', postalCode: INTAKE_POSTAL_CODE },
      actor: { role: 'DIGITIZATION_OPERATOR', ref: 'staff:33100-021' },
    } as unknown as EventDataMap[typeof EventType.DossierDigitized],
  });
  return [registered, legOpened, digitized] as BcciEvent[];
}

/** An agency command envelope as an agency system would put it on bcci.agency.decisions.v1. */
export function agencyCommand<T extends EventTypeName>(type: T, data: EventDataMap[T]): BcciEvent<T> {
  return buildEvent({ type, data });
}

/** A plain producer standing for the other services and for the agencies' systems. */
export class UpstreamProducer {
  private producer?: MessageProducer;
  private readonly bus: KafkajsMessageBus;

  constructor(brokers: string[]) {
    this.bus = new KafkajsMessageBus({ clientId: 'agency-gateway-test-upstream', brokers, logLevel: 'ERROR' });
  }

  async send(events: BcciEvent[]): Promise<void> {
    this.producer ??= await this.bus.createProducer();
    await this.producer.send(events.map((event) => toKafkaRecord(event, { traceparent: createTraceparent() })));
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }
}
