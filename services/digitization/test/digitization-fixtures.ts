import { randomUUID } from 'node:crypto';
import { buildEvent, EventType, toKafkaRecord, type BcciEvent } from '@bcci/contracts';
import { createTraceparent, KafkajsMessageBus, type MessageProducer } from '@bcci/messaging';
import { sampleJpeg, samplePdf } from '@bcci/service-kit/testing';

/** Titles as the sample catalog publishes them for 2.000488 (criminal-record certificate). */
export const FORM_TITLE = 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (theo mẫu)';
export const ID_COPY_TITLE =
  'Bản chụp Căn cước công dân/Thẻ căn cước hoặc Hộ chiếu còn giá trị sử dụng của người được cấp Phiếu';

export function pdfBytes(label: string, padding = 0): Buffer {
  return samplePdf(label, { padding });
}

export function jpegBytes(label: string): Buffer {
  return sampleJpeg(label);
}

export function registrationEvent(postalCode = '33100'): BcciEvent<typeof EventType.DossierRegistered> {
  const dossierId = randomUUID();
  return buildEvent({
    type: EventType.DossierRegistered,
    data: {
      dossierId,
      provisionalDossierId: `BCCI-${postalCode}-250312-0007`,
      serviceForm: 'SEND_AND_RECEIVE',
      receivingChannel: 3,
      procedureCode: '2.000488',
      catalogVersion: '2025.03.01-sample',
      intakeSite: { kind: 'POSTAL_POINT', postalCode, provinceCode: '15' },
      applicantRef: randomUUID(),
      recipientRef: randomUUID(),
      returnDestination: { deliveryMode: 'HOME', postalCode },
      s10ItemId: 'EB123456785VN',
      sealNumber: 'NP-2025-004512',
      components: [
        { componentId: randomUUID(), componentCode: 'TK-LLTP', title: FORM_TITLE, originals: 1, copies: 0, required: true },
        { componentId: randomUUID(), componentCode: 'GT-TUY-THAN', title: ID_COPY_TITLE, originals: 0, copies: 1, required: true },
        { componentId: randomUUID(), componentCode: 'UY-QUYEN', title: 'Văn bản ủy quyền (trường hợp ủy quyền cho người khác làm thủ tục)', originals: 1, copies: 0, required: false },
      ],
      agencyFees: { total: 200000, lines: [{ feeCode: 'LLTP-PHI', amount: 200000 }], paymentMethod: 'CASH' },
      postage: { total: 50000, forwardLeg: 25000, returnLeg: 25000, paymentMethod: 'CASH' },
      intakeDay: '2025-03-12',
      registeredAt: '2025-03-12T09:14:05+07:00',
      postalDeadline: { legClass: 'INTER_DISTRICT', startDay: '2025-03-12', workingDays: 2, dueDate: '2025-03-14' },
      actor: { role: 'POSTAL_CLERK', ref: 'staff:33100-017' },
    },
  });
}

export function resultIssuedEvent(dossierId: string): BcciEvent<typeof EventType.ResultIssued> {
  return buildEvent({
    type: EventType.ResultIssued,
    data: {
      dossierId,
      agencyId: '000.00.13.H65',
      resultId: randomUUID(),
      issuedAt: '2025-04-03T11:00:00+07:00',
      resultKind: 'DOCUMENT',
      medium: 'PAPER',
      feesOwed: 0,
      returnByPost: true,
      actor: { role: 'AGENCY_SYSTEM', ref: 'agency-system:H65' },
    },
  });
}

/** Publishes events as their producers would (structured CloudEvents, key = dossier id). */
export class TestPublisher {
  private producer?: MessageProducer;
  constructor(private readonly brokers: string[]) {}

  async publish(...events: BcciEvent[]): Promise<void> {
    this.producer ??= await new KafkajsMessageBus({ clientId: 'digitization-test', brokers: this.brokers, logLevel: 'NOTHING' }).createProducer();
    await this.producer.send(events.map((event) => toKafkaRecord(event, { traceparent: createTraceparent() })));
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }
}
