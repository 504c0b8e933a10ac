import { ConflictError } from '@bcci/kernel';
import type { ContentHash } from '../../documents/domain/content-hash';
import { ResultDigitization } from './result-digitization';

const actor = { role: 'DIGITIZATION_OPERATOR', ref: 'staff:1' } as const;
const at = new Date('2025-04-03T08:10:00Z');
const doc = (n: number) => ({
  documentId: '00000000-0000-4000-8000-000000000001',
  contentHash: `sha256:${String(n).repeat(64)}` as ContentHash,
  mediaType: 'application/pdf' as const,
  sizeBytes: 10,
});
const result = (medium: 'PAPER' | 'DIGITAL') =>
  new ResultDigitization({ resultId: 'r', dossierId: 'd', agencyId: 'A', medium, issuedAt: at, certified: false });

describe('ResultDigitization', () => {
  it('digitizes a paper result; the same bytes again change nothing unless they bring the certification', () => {
    const r = result('PAPER');
    expect(r.attachScan(doc(1), false, actor, at)).toBe(true);
    expect(r.attachScan(doc(1), false, actor, at)).toBe(false);
    expect(r.attachScan(doc(1), true, actor, at)).toBe(true);
    expect(r.attachScan(doc(1), false, actor, at)).toBe(false);
    expect(r.attachScan(doc(2), false, actor, at)).toBe(true);
    expect(r.state.certified).toBe(false);
  });

  it('refuses to digitize a result issued as a digital document (409)', () => {
    expect(() => result('DIGITAL').attachScan(doc(1), true, actor, at)).toThrow(ConflictError);
  });
});
