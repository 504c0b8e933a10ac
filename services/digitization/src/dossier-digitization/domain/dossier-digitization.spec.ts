import { ConflictError, NotFoundError, RuleViolationError } from '@bcci/kernel';
import type { ContentHash } from '../../documents/domain/content-hash';
import type { DocumentDescriptor, StaffActor } from './digitization.types';
import { DossierDigitization } from './dossier-digitization';
import { DigitizationIncompleteError } from './dossier-digitization.errors';

const operator: StaffActor = { role: 'DIGITIZATION_OPERATOR', ref: 'staff:33100-021' };
const at = new Date('2025-03-12T02:20:00Z');
const doc = (n: number): DocumentDescriptor => ({
  documentId: `00000000-0000-4000-8000-00000000000${n}`,
  contentHash: `sha256:${String(n).repeat(64)}` as ContentHash,
  mediaType: 'application/pdf',
  sizeBytes: 100,
});

/** Form (original, required), ID copy (required, certify), proxy letter (optional). */
function dossier(): DossierDigitization {
  return DossierDigitization.register({
    dossierId: '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01',
    provisionalDossierId: 'BCCI-33100-250312-0007',
    procedureCode: '2.000488',
    intakeDay: '2025-03-12',
    catalogVersion: 'sha256:x',
    site: { kind: 'POSTAL_POINT', postalCode: '33100' },
    registeredAt: at,
    components: [
      { componentId: 'c1', componentCode: 'TK', title: 'Tờ khai', originals: 1, copies: 0, required: true, certificationRequired: false, onChecklist: true },
      { componentId: 'c2', componentCode: 'CCCD', title: 'Bản chụp CCCD', originals: 0, copies: 1, required: true, certificationRequired: true, onChecklist: true },
      { componentId: 'c3', componentCode: 'UQ', title: 'Ủy quyền', originals: 0, copies: 1, required: false, certificationRequired: true, onChecklist: true },
    ],
  });
}

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('DossierDigitization: completeness rule', () => {
  it('is complete when every required component is digitized and every copy that must be is certified', () => {
    const d = dossier();
    d.attachScan('TK', doc(1), operator, at);
    d.attachScan('CCCD', doc(2), operator, at);
    expect(d.completeness().missing).toEqual([{ componentCode: 'CCCD', title: 'Bản chụp CCCD', missing: 'CERTIFICATION' }]);
    d.certify('CCCD', 'COPY_MATCHES_PAPER', operator, at);
    const result = d.complete(at);
    expect(result.complete).toBe(true);
    expect(result.digitizedCount).toBe(2);
    expect(result.flags).toEqual([
      { componentId: 'c1', componentCode: 'TK', required: true, digitized: true, certified: false, certificationRequired: false, reused: false, contentHash: doc(1).contentHash },
      { componentId: 'c2', componentCode: 'CCCD', required: true, digitized: true, certified: true, certificationRequired: true, reused: false, contentHash: doc(2).contentHash },
      { componentId: 'c3', componentCode: 'UQ', required: false, digitized: false, certified: false, certificationRequired: true, reused: false },
    ]);
    expect(d.state.status).toBe('DIGITIZED');
  });

  it('refuses to complete (422) listing every missing scan and certification', () => {
    const d = dossier();
    d.attachScan('CCCD', doc(2), operator, at);
    const error = thrown(() => d.complete(at));
    expect(error).toBeInstanceOf(DigitizationIncompleteError);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as DigitizationIncompleteError).details).toMatchObject({
      missing: [
        { componentCode: 'TK', missing: 'SCAN' },
        { componentCode: 'CCCD', missing: 'CERTIFICATION' },
      ],
    });
    expect(d.state.status).toBe('OPEN');
  });

  it('voids the certification when a component is scanned again with other bytes', () => {
    const d = dossier();
    d.attachScan('CCCD', doc(2), operator, at);
    d.certify('CCCD', 'ORIGINAL_SIGHTED', operator, at, 'đối chiếu bản chính');
    expect(d.attachScan('CCCD', doc(2), operator, at)).toBe(false);
    expect(d.component('CCCD').certification).toMatchObject({ kind: 'ORIGINAL_SIGHTED', note: 'đối chiếu bản chính' });
    expect(d.attachScan('CCCD', doc(3), operator, at)).toBe(true);
    expect(d.component('CCCD').certification).toBeUndefined();
  });

  it('accepts a reused document: from a national database it needs no certification, from an uncertified earlier dossier it does', () => {
    const d = dossier();
    d.attachScan('TK', doc(1), operator, at);
    d.attachReused('CCCD', doc(4), { sourceKind: 'PREVIOUS_DOSSIER', sourceRef: 'd0', sourceComponentCode: 'CCCD' }, false, operator, at);
    expect(d.completeness().missing).toEqual([expect.objectContaining({ componentCode: 'CCCD', missing: 'CERTIFICATION' })]);
    d.attachReused('CCCD', doc(4), { sourceKind: 'NATIONAL_DATABASE', sourceRef: 'n1' }, false, operator, at);
    const result = d.completeness();
    expect(result.complete).toBe(true);
    expect(result.flags[1]).toMatchObject({ reused: true, certified: true, digitized: true });
  });

  it('inherits the certification of a certified component of an earlier dossier', () => {
    const d = dossier();
    d.attachScan('TK', doc(1), operator, at);
    d.attachReused('CCCD', doc(4), { sourceKind: 'PREVIOUS_DOSSIER', sourceRef: 'd0' }, true, operator, at);
    expect(d.completeness().complete).toBe(true);
  });

  it('closes as incomplete only when something is missing, and reopens when a scan arrives', () => {
    const d = dossier();
    d.attachScan('TK', doc(1), operator, at);
    expect(d.closeIncomplete('Bản chụp mờ', at).missing.map((m) => m.componentCode)).toEqual(['CCCD']);
    expect(d.state.status).toBe('CLOSED_INCOMPLETE');
    d.attachScan('CCCD', doc(2), operator, at);
    expect(d.state.status).toBe('OPEN');
    d.certify('CCCD', 'COPY_MATCHES_PAPER', operator, at);
    expect(thrown(() => d.closeIncomplete('x', at))).toBeInstanceOf(RuleViolationError);
  });

  it('refuses unknown components (404), certifying nothing (409), certifying twice (409) and changes after completion or withdrawal (409)', () => {
    const d = dossier();
    expect(thrown(() => d.attachScan('NOPE', doc(1), operator, at))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => d.certify('CCCD', 'COPY_MATCHES_PAPER', operator, at))).toBeInstanceOf(ConflictError);
    d.attachScan('TK', doc(1), operator, at);
    d.attachScan('CCCD', doc(2), operator, at);
    d.certify('CCCD', 'COPY_MATCHES_PAPER', operator, at);
    expect(thrown(() => d.certify('CCCD', 'COPY_MATCHES_PAPER', operator, at))).toBeInstanceOf(ConflictError);
    d.complete(at);
    expect(thrown(() => d.attachScan('UQ', doc(5), operator, at))).toBeInstanceOf(ConflictError);
    expect(thrown(() => d.complete(at))).toBeInstanceOf(ConflictError);
    const w = dossier();
    expect(w.withdraw()).toBe(true);
    expect(w.withdraw()).toBe(false);
    expect(thrown(() => w.attachScan('TK', doc(1), operator, at))).toBeInstanceOf(ConflictError);
  });
});
