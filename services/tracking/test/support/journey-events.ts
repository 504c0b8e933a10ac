import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assertValidEvent, EXAMPLES_DIR, type BcciEvent } from '@bcci/contracts';

/**
 * Valid events for tests, made from the contract examples (so they follow the schemas as they evolve),
 * re-keyed to a fresh dossier and with the fields a test cares about overridden. Every event is checked
 * with assertValidEvent before it is handed out.
 */
export function exampleEvent(example: string, dossierId: string, data: Record<string, unknown> = {}, time?: string): BcciEvent {
  const [producer, file] = example.split('/');
  const raw = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, producer, `${file}.example.json`), 'utf8')) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...(raw.data as Record<string, unknown>), ...data, dossierId };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const id = randomUUID();
  const event = { ...raw, id, subject: dossierId, correlationid: id, causationid: id, time: time ?? (raw.time as string), data: merged } as unknown as BcciEvent;
  assertValidEvent(event);
  return event;
}

/** Hash of a lookup PIN as contracts/schemas/intake/dossier-registered.v1 defines it (written out independently of src/). */
export function lookupPinHashOf(pin: string, dossierId: string): string {
  return createHash('sha256').update(`${dossierId}:${pin}`, 'utf8').digest('hex');
}

export interface Journey {
  dossierId: string;
  provisionalDossierId: string;
  dossierCode: string;
  forwardItemId: string;
  returnItemId: string;
  pin: string;
  /** In journey order (event time ascending). */
  events: BcciEvent[];
}

let sequence = 0;

/**
 * A whole send-and-receive journey in March–April 2025 at postal point 33100, agency 000.00.13.H65
 * (Sở Tư pháp Yên Bái, procedure 2.000488): registered 12/03 (J+2 due 14/03), handed over 13/03, agency
 * due 27/03, result 03/04 (late: the agency's clock), return leg due 07/04, delivered 08/04 (one working
 * day late: the post's clock).
 */
export function journey(options: { pin?: string; dossierId?: string } = {}): Journey {
  sequence += 1;
  const dossierId = options.dossierId ?? randomUUID();
  const serial = String((Date.now() + sequence) % 10000).padStart(4, '0');
  const provisionalDossierId = `BCCI-33100-250312-${serial}`;
  const dossierCode = `000.00.13.H65-250313-${serial}`;
  const forwardItemId = 'EB123456785VN';
  const returnItemId = 'EB876543216VN';
  const pin = options.pin ?? '482916';
  const agencyId = '000.00.13.H65';
  const forwardLeg = randomUUID();
  const returnLeg = randomUUID();
  const events = [
    exampleEvent('intake/dossier-registered.v1', dossierId, {
      provisionalDossierId,
      procedureCode: '2.000488',
      expectedAgencyId: agencyId,
      lookupPinHash: lookupPinHashOf(pin, dossierId),
    }),
    exampleEvent('digitization/dossier-digitized.v1', dossierId, {}, '2025-03-12T09:24:00+07:00'),
    exampleEvent('forwarding/postal-leg-opened.v1', dossierId, { legId: forwardLeg, agencyId, procedureCode: '2.000488' }, '2025-03-12T09:24:02+07:00'),
    exampleEvent('forwarding/courier-scanned.v1', dossierId, { legId: forwardLeg }, '2025-03-12T15:40:00+07:00'),
    exampleEvent('forwarding/handover-record-signed.v1', dossierId, { legId: forwardLeg, agencyId }, '2025-03-13T09:41:12+07:00'),
    exampleEvent('agency-gateway/handover-acknowledged.v1', dossierId, { agencyId, dossierCode }, '2025-03-13T09:41:13+07:00'),
    exampleEvent('agency-gateway/result-issued.v1', dossierId, { agencyId }, '2025-04-03T11:00:00+07:00'),
    exampleEvent('returns/return-leg-opened.v1', dossierId, { legId: returnLeg, agencyId }, '2025-04-03T15:12:00+07:00'),
    exampleEvent('returns/result-delivered.v1', dossierId, { legId: returnLeg }, '2025-04-08T09:05:00+07:00'),
  ];
  return { dossierId, provisionalDossierId, dossierCode, forwardItemId, returnItemId, pin, events };
}
