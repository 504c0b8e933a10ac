import type { ContentHash } from '../../documents/domain/content-hash';
import { attachResultScan, type ResultDigitizationState } from './result-digitization';

const actor = { role: 'DIGITIZATION_OPERATOR', ref: 'staff:1' } as const;
const at = new Date('2025-04-03T08:10:00Z');
const doc = (n: number) => ({
  documentId: '00000000-0000-4000-8000-000000000001',
  contentHash: `sha256:${String(n).repeat(64)}` as ContentHash,
  mediaType: 'application/pdf' as const,
  sizeBytes: 10,
});
const issued = (medium: 'PAPER' | 'DIGITAL'): ResultDigitizationState => ({ resultId: 'r', dossierId: 'd', agencyId: 'A', medium, issuedAt: at, certified: false });
const scan = (n: number, certified: boolean) => (state: ResultDigitizationState) => attachResultScan(state, { document: doc(n), certified, actor, postalCode: '33100' }, { now: at });

describe('result digitization', () => {
  it('digitizes a paper result: the state and one result-digitized', () => {
    const decision = scan(1, true)(issued('PAPER'));
    expect(decision.state).toEqual({ ...issued('PAPER'), document: doc(1), certified: true, digitizedAt: at, digitizedBy: actor });
    expect(decision.events).toEqual([
      {
        type: 'bcci.digitization.result-digitized.v1',
        data: {
          dossierId: 'd',
          resultId: 'r',
          document: { documentId: doc(1).documentId, contentHash: doc(1).contentHash, mediaType: 'application/pdf', sizeBytes: 10 },
          certified: true,
          digitizedAt: at.toISOString(),
          site: { kind: 'POSTAL_POINT', postalCode: '33100' },
          actor,
        },
      },
    ]);
  });

  it.each<[string, (state: ResultDigitizationState) => ReturnType<ReturnType<typeof scan>>, boolean]>([
    ['the same bytes again', scan(1, false), false],
    ['the same bytes now certified', scan(1, true), true],
    ['other bytes', scan(2, false), true],
  ])('after an uncertified scan, %s: changed %s', (_case, step, changed) => {
    const first = scan(1, false)(issued('PAPER')).state;
    const decision = step(first);
    expect(decision.state !== first).toBe(changed);
    expect(decision.events).toHaveLength(changed ? 1 : 0);
  });

  it('after a certified scan, the same bytes uncertified change nothing (the certification stays)', () => {
    const certified = scan(1, true)(issued('PAPER')).state;
    expect(scan(1, false)(certified).state).toBe(certified);
  });

  it('refuses to digitize a result issued as a digital document (409)', () => {
    expect(() => scan(1, true)(issued('DIGITAL'))).toThrow(expect.objectContaining({ kind: 'conflict', code: 'RESULT_ALREADY_DIGITAL' }));
  });
});
