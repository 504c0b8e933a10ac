import { journey, lookupPinHashOf } from '../../../test/support/journey-events';
import { ReferenceData } from '../../reference-data/reference-data';
import { classifyEvent } from '../../timeline/domain/classify-event';
import type { TimelineEvent } from '../../timeline/domain/timeline-event';
import { lookupPinMatches } from './lookup-pin';
import { lookupReferenceKind, normalizeLookupReference } from './lookup-reference';
import { buildPublicLookupView } from './public-lookup-view';

function stringLeaves(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => stringLeaves(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => stringLeaves(item, into));
  return into;
}

describe('public lookup view', () => {
  const trip = journey();
  const sources = trip.events.map((event, index) => {
    const timelineEvent = event as unknown as TimelineEvent;
    const place = classifyEvent(timelineEvent);
    return {
      sequence: index + 1,
      eventType: event.type,
      eventTime: event.time,
      stage: place.stage,
      postalCode: place.postalCode ?? null,
      agencyId: place.agencyId ?? null,
      nationalStatus: place.nationalStatus ?? null,
    };
  });
  const view = buildPublicLookupView(trip.provisionalDossierId, '2.000488', [...sources].reverse(), ReferenceData.load());

  it('leaks nothing: no value of any event payload or envelope appears in the answer, except the reference typed in', () => {
    const payloadValues = stringLeaves(trip.events);
    const leaked = [...stringLeaves(view)].filter((value) => payloadValues.has(value) && value !== trip.provisionalDossierId);
    expect(leaked).toEqual([]);
    const text = JSON.stringify(view);
    for (const secret of [trip.dossierId, trip.forwardItemId, trip.returnItemId, 'staff:', 'agency-user:', '3d2c1b0a', 'NP-2025', lookupPinHashOf(trip.pin, trip.dossierId)]) {
      expect(text).not.toContain(secret);
    }
  });

  it('shows the steps in event-time order with Vietnamese stage names and postal point names', () => {
    expect(view.steps.map((step) => step.at)).toEqual([...view.steps.map((step) => step.at)].sort());
    expect(view.steps[0]).toMatchObject({ stage: 'intake', stageVi: 'Tiếp nhận hồ sơ', stepVi: 'Bưu điện đã tiếp nhận hồ sơ', placeVi: 'Bưu cục cấp 1 Yên Bái' });
    expect(view.steps.find((step) => step.stage === 'agency')?.placeVi).toBe('Sở Tư pháp tỉnh Yên Bái');
    expect(view.status).toMatchObject({ stage: 'return', nationalStatus: 10, nationalStatusVi: 'Đã trả kết quả' });
    expect(view.procedureVi).toContain('Phiếu lý lịch tư pháp');
  });
});

describe('lookup reference and PIN', () => {
  it('recognises the three kinds of reference as a citizen may type them', () => {
    expect(lookupReferenceKind(normalizeLookupReference(' bcci-33100-250312-0007 '))).toBe('PROVISIONAL_ID');
    expect(lookupReferenceKind(normalizeLookupReference('000.00.13.H65-250313-0042'))).toBe('DOSSIER_CODE');
    expect(lookupReferenceKind(normalizeLookupReference('EB 123456785 VN'))).toBe('S10_ITEM');
    expect(lookupReferenceKind('hello')).toBeUndefined();
  });

  it('checks a PIN against the contract hash (bound to the dossier id) and refuses another PIN or another dossier', () => {
    const dossierId = '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01';
    const stored = lookupPinHashOf('482916', dossierId);
    expect(lookupPinMatches('482916', dossierId, stored)).toBe(true);
    expect(lookupPinMatches('482917', dossierId, stored)).toBe(false);
    expect(lookupPinMatches('482916', '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b02', stored)).toBe(false);
  });
});
