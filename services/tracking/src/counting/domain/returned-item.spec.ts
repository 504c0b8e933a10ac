import { emptyFact, foldEvent, type CountedEvent, type DossierFact } from './dossier-fact';
import { returnedItemOf } from './returned-item';

const dossierId = '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01';
const ev = (type: string, data: Record<string, unknown>): CountedEvent => ({ id: type, type: `bcci.${type}.v1`, time: '2026-04-06T03:00:00Z', subject: dossierId, data: { dossierId, ...data } });
const rejected = ev('agency-gateway.dossier-rejected', { rejectedAt: '2026-04-03T03:00:00Z' });
const issued = ev('agency-gateway.result-issued', { issuedAt: '2026-04-03T03:00:00Z', returnByPost: true });
const fold = (...events: CountedEvent[]): DossierFact => events.reduce(foldEvent, emptyFact(dossierId));

describe('what a return leg carries', () => {
  it('is what return-leg-opened says (returnedItem)', () => {
    expect(returnedItemOf(fold(ev('returns.return-leg-opened', { returnedItem: 'REFUSAL_SLIP' })))).toBe('REFUSAL_SLIP');
    expect(returnedItemOf(fold(rejected, ev('returns.return-leg-opened', { returnedItem: 'RESULT' })))).toBe('RESULT');
  });

  it('without it, a dossier rejected without a result returns its refusal slip; any other returns a result', () => {
    expect(returnedItemOf(fold(rejected, ev('returns.return-leg-opened', {})))).toBe('REFUSAL_SLIP');
    expect(returnedItemOf(fold(issued))).toBe('RESULT');
    expect(returnedItemOf(fold())).toBe('RESULT');
  });

  it('ignores a value outside the contract', () => {
    expect(fold(ev('returns.return-leg-opened', { returnedItem: 'PARCEL' })).returnedItem).toBeNull();
  });
});
