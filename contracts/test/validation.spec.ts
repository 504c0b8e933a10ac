import {
  EventType,
  EventValidationError,
  assertValidEvent,
  buildEvent,
  toKafkaRecord,
  validateDeadLetterHeaders,
  validateEvent,
  validateEventData,
  validateKafkaHeaders,
  type DossierWithdrawnData,
} from '../src';
import { exampleOf } from './helpers';

const CCCD = '001099012345';

function errorsOf(event: unknown): string[] {
  return validateEvent(event).errors.map((e) => `${e.path} ${e.message}`);
}

describe('validateEvent', () => {
  it('accepts a registered dossier', () => {
    expect(validateEvent(exampleOf(EventType.DossierRegistered))).toEqual({ valid: true, errors: [] });
  });

  it('rejects a CCCD-like field in data (unknown property)', () => {
    const event = exampleOf(EventType.DossierRegistered);
    event.data.citizenId = CCCD;
    expect(errorsOf(event)).toContain('/data has unknown property "citizenId"');
  });

  it('rejects a CCCD number or a phone number hidden in free text', () => {
    const event = exampleOf(EventType.DossierWithdrawn);
    event.data.reason = `Người nộp CCCD ${CCCD} xin rút`;
    expect(validateEvent(event).valid).toBe(false);
    event.data.reason = 'Gọi lại 0912345678';
    expect(validateEvent(event).errors[0].path).toBe('/data/reason');
  });

  it('rejects a CCCD number in place of an opaque reference', () => {
    const event = exampleOf(EventType.DossierRegistered);
    event.data.applicantRef = CCCD;
    expect(errorsOf(event).some((e) => e.startsWith('/data/applicantRef'))).toBe(true);
  });

  it('rejects unknown envelope attributes and unknown nested properties', () => {
    const event = exampleOf(EventType.CourierScanned);
    (event as Record<string, unknown>).applicantphone = '0912345678';
    (event.data.actor as Record<string, unknown>).fullName = 'Nguyễn Văn A';
    const errors = errorsOf(event);
    expect(errors).toContain(' has unknown property "applicantphone"');
    expect(errors).toContain('/data/actor has unknown property "fullName"');
  });

  it('checks identifiers: S10 item id, postal code, agency id, amounts in integer VND', () => {
    const event = exampleOf(EventType.DossierRegistered);
    event.data.s10ItemId = 'EB12345678VN';
    (event.data.intakeSite as Record<string, unknown>).postalCode = '3310';
    event.data.expectedAgencyId = 'h38-lowercase';
    (event.data.postage as Record<string, unknown>).total = 52000.5;
    const paths = validateEvent(event).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/data/s10ItemId', '/data/intakeSite/postalCode', '/data/expectedAgencyId', '/data/postage/total']),
    );
  });

  it('requires the postal fields of service forms that send a dossier', () => {
    const event = exampleOf(EventType.DossierRegistered);
    delete event.data.s10ItemId;
    delete event.data.sealNumber;
    expect(errorsOf(event)).toEqual(
      expect.arrayContaining([expect.stringContaining("required property 's10ItemId'"), expect.stringContaining("required property 'sealNumber'")]),
    );
  });

  it('ties the envelope to the type: source, dataschema, subject = dossier id', () => {
    const event = exampleOf(EventType.PostalLegOpened);
    event.source = '/bcci/intake';
    event.dataschema = 'https://contracts.bcci.example/schemas/intake/dossier-registered.v1.schema.json';
    event.subject = '11111111-1111-4111-8111-111111111111';
    expect(validateEvent(event).errors.map((e) => e.path)).toEqual(['/source', '/dataschema', '/subject']);
  });

  it('requires the national status the event moves the dossier to, with the channel', () => {
    const rejected = exampleOf(EventType.DossierRejected);
    expect(rejected.nationalstatus).toBe(3);
    (rejected.data as Record<string, unknown>).stage = 'DURING_PROCESSING';
    expect(errorsOf(rejected)).toEqual(['/nationalstatus must be 8 for bcci.agency-gateway.dossier-rejected.v1 with this data']);
    const scanned = exampleOf(EventType.CourierScanned);
    scanned.nationalstatus = 4;
    scanned.channel = 3;
    expect(validateEvent(scanned).errors.map((e) => e.path)).toEqual(['/nationalstatus']);
    const registered = exampleOf(EventType.DossierRegistered);
    delete registered.channel;
    expect(validateEvent(registered).valid).toBe(false);
  });

  it('rejects unknown types and non-objects', () => {
    const event = exampleOf(EventType.DossierWithdrawn);
    event.type = 'bcci.intake.dossier-teleported.v1';
    expect(errorsOf(event)).toContain('/type unknown event type bcci.intake.dossier-teleported.v1');
    expect(validateEvent(null).valid).toBe(false);
    expect(validateEvent('{}').valid).toBe(false);
  });

  it('assertValidEvent throws an EventValidationError listing every problem', () => {
    const event = exampleOf(EventType.DossierWithdrawn);
    event.data.nationalId = CCCD;
    expect(() => assertValidEvent(event)).toThrow(EventValidationError);
    expect(() => assertValidEvent(event)).toThrow(/unknown property "nationalId"/);
    expect(() => assertValidEvent(exampleOf(EventType.DossierWithdrawn))).not.toThrow();
  });

  it('validateEventData checks data alone', () => {
    expect(validateEventData(EventType.DossierWithdrawn, exampleOf(EventType.DossierWithdrawn).data).valid).toBe(true);
    expect(validateEventData(EventType.DossierWithdrawn, {}).valid).toBe(false);
  });
});

describe('buildEvent and toKafkaRecord', () => {
  const data: DossierWithdrawnData = {
    dossierId: '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b09',
    withdrawnAt: '2025-03-12T10:02:00+07:00',
    reasonCode: 'APPLICANT_REQUEST',
    refund: { agencyFees: 0, postage: 26000 },
    actor: { role: 'POSTAL_CLERK', ref: 'staff:33100-017' },
  };

  it('derives source, dataschema, subject and national status from the type and data', () => {
    const event = buildEvent({ type: EventType.DossierWithdrawn, data, correlationId: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' });
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/bcci/intake',
      subject: data.dossierId,
      nationalstatus: 7,
      channel: 3,
      causationid: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    });
    expect(validateEvent(event)).toEqual({ valid: true, errors: [] });
  });

  it('makes a structured-mode Kafka record keyed by dossier id with W3C trace context in headers', () => {
    const event = buildEvent({ type: EventType.DossierWithdrawn, data });
    const record = toKafkaRecord(event, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(record.topic).toBe('bcci.intake.dossier-events.v1');
    expect(record.key).toBe(data.dossierId);
    expect(JSON.parse(record.value)).toEqual(event);
    expect(validateKafkaHeaders(record.headers)).toEqual({ valid: true, errors: [] });
    expect(() => toKafkaRecord(event, { traceparent: 'nope' })).toThrow(/traceparent/);
    expect(() => toKafkaRecord(event, { traceparent: record.headers.traceparent }, { agencyId: '000.00.00.H38' })).toThrow(
      /per-agency/,
    );
  });

  it('routes agency-facing events to the per-agency topic', () => {
    const event = exampleOf(EventType.DossierPublishedToAgency);
    assertValidEvent(event);
    const record = toKafkaRecord(event, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }, { agencyId: '000.00.00.H38' });
    expect(record.topic).toBe('bcci.agency-gateway.agency.000.00.00.H38.v1');
  });

  it('validates dead-letter headers', () => {
    const headers = {
      'content-type': 'application/cloudevents+json; charset=UTF-8',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      'dlq-reason': '/data/s10ItemId must match pattern',
      'dlq-error-kind': 'VALIDATION',
      'dlq-original-topic': 'bcci.intake.dossier-events.v1',
      'dlq-original-partition': '3',
      'dlq-original-offset': '1042',
      'dlq-consumer': 'forwarding',
      'dlq-failed-at': '2025-03-12T10:02:00+07:00',
      'dlq-attempts': '1',
    };
    expect(validateDeadLetterHeaders(headers).valid).toBe(true);
    expect(validateDeadLetterHeaders({ ...headers, 'dlq-original-offset': 'x' }).valid).toBe(false);
  });
});
