import { agencyTopicFor, assertValidEvent, buildEvent, type BcciEvent } from '@bcci/contracts';
import { outboxEntryFor, outboxEntryOf } from './outbox-entry';

const scanned = {
  dossierId: '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01',
  legId: '5d1c2b3a-0000-4000-8000-000000000001',
  s10ItemId: 'EB000000015VN',
  scanKind: 'DISPATCHED' as const,
  postalCode: '33100',
  scannedAt: '2026-03-02T03:04:05.000Z',
  actor: { role: 'COURIER', ref: 'courier-7' },
};
const CORRELATION = '5d1c2b3a-0000-4000-8000-00000000000c';
const CAUSE = '5d1c2b3a-0000-4000-8000-00000000000e';
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('outbox entries', () => {
  it("build the event in its contract's envelope, on its type's stream, keyed by the dossier, with the trace context", () => {
    const at = new Date('2026-03-02T03:04:06.000Z');
    const entry = outboxEntryFor('bcci.forwarding.courier-scanned.v1', scanned as never, { correlationId: CORRELATION, causationId: CAUSE, traceparent }, at);
    assertValidEvent(entry.event);
    expect(entry).toMatchObject({
      topic: 'bcci.forwarding.dossier-events.v1',
      headers: { traceparent },
      event: { type: 'bcci.forwarding.courier-scanned.v1', subject: scanned.dossierId, correlationid: CORRELATION, causationid: CAUSE, time: at.toISOString(), data: scanned },
    });
  });

  it('start a chain of their own when nothing caused them, and carry no header the caller did not give', () => {
    const entry = outboxEntryFor('bcci.forwarding.courier-scanned.v1', scanned as never, {}, new Date('2026-03-02T03:04:06.000Z'));
    expect(entry.event.correlationid).toBe(entry.event.id);
    expect(entry.event.causationid).toBe(entry.event.id);
    expect(entry.headers).toBeUndefined();
  });

  it("go to another topic when one is named (an agency's own copy)", () => {
    const event = buildEvent({ type: 'bcci.forwarding.courier-scanned.v1', data: scanned as never });
    expect(outboxEntryOf(event as BcciEvent, undefined, agencyTopicFor('000.00.13.H39')).topic).toBe(agencyTopicFor('000.00.13.H39'));
    expect(outboxEntryOf(event as BcciEvent).topic).toBe('bcci.forwarding.dossier-events.v1');
  });
});
