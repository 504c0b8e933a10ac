import { exampleEvent } from '../../../test/support/journey-events';
import { classifyEvent } from './classify-event';
import { compareByEventTime } from './timeline-order';
import type { TimelineEvent } from './timeline-event';

const dossierId = '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01';
const classify = (example: string, data: Record<string, unknown> = {}) => classifyEvent(exampleEvent(example, dossierId, data) as unknown as TimelineEvent);

describe('classifyEvent', () => {
  it('puts each producer on its stage, with the place, the actor role and the national status', () => {
    expect(classify('intake/dossier-registered.v1')).toEqual({ stage: 'intake', postalCode: '33100', actorRole: 'POSTAL_CLERK', nationalStatus: 1 });
    expect(classify('digitization/dossier-digitized.v1')).toMatchObject({ stage: 'digitization', postalCode: '33100', actorRole: 'DIGITIZATION_OPERATOR' });
    expect(classify('forwarding/courier-scanned.v1')).toMatchObject({ stage: 'forwarding', postalCode: '33100', actorRole: 'COURIER' });
    expect(classify('forwarding/handover-record-signed.v1')).toMatchObject({ stage: 'forwarding', agencyId: '000.00.00.H38', actorRole: 'COURIER', nationalStatus: 2 });
    expect(classify('agency-gateway/supplement-requested.v1')).toMatchObject({ stage: 'agency', actorRole: 'AGENCY_RECEIVER', nationalStatus: 5 });
    expect(classify('returns/result-delivered.v1')).toMatchObject({ stage: 'return', postalCode: '33100', nationalStatus: 10 });
  });

  it('puts the result digitization on the return stage and an incident on the leg it happened on', () => {
    expect(classify('digitization/result-digitized.v1').stage).toBe('return');
    expect(classify('returns/incident-recorded.v1', { legDirection: 'TO_AGENCY' }).stage).toBe('forwarding');
    expect(classify('returns/incident-recorded.v1', { legDirection: 'TO_RECIPIENT' }).stage).toBe('return');
  });

  it('gives a leg opening the place it leaves from, not where it goes', () => {
    expect(classify('forwarding/postal-leg-opened.v1').postalCode).toBe('33100');
    expect(classify('returns/return-leg-opened.v1').postalCode).toBeUndefined();
  });
});

describe('display order', () => {
  it('sorts by event time whatever the offset, then by recording order', () => {
    const entries = [
      { eventTime: '2025-03-12T10:00:00+07:00', sequence: 1 },
      { eventTime: '2025-03-12T02:30:00Z', sequence: 2 },
      { eventTime: '2025-03-12T03:00:00Z', sequence: 3 },
      { eventTime: '2025-03-12T02:30:00Z', sequence: 4 },
    ];
    expect([...entries].sort(compareByEventTime).map((e) => e.sequence)).toEqual([2, 4, 1, 3]);
  });
});
