import type { ContentHash } from '../../documents/domain/content-hash';
import type { DigitizationStatus, DocumentDescriptor, StaffActor } from './digitization.types';
import { completenessOf, componentOf, registerDigitization, type DossierDigitizationState } from './dossier-digitization';
import {
  attachReused,
  attachScan,
  certifyComponent,
  closeDigitizationIncomplete,
  completeDigitization,
  withdrawDigitization,
  type DigitizationDecision,
} from './dossier-digitization.rules';

const operator: StaffActor = { role: 'DIGITIZATION_OPERATOR', ref: 'staff:33100-021' };
const at = new Date('2025-03-12T02:20:00Z');
const context = { now: at };
const doc = (n: number): DocumentDescriptor => ({
  documentId: `00000000-0000-4000-8000-00000000000${n}`,
  contentHash: `sha256:${String(n).repeat(64)}` as ContentHash,
  mediaType: 'application/pdf',
  sizeBytes: 100,
});

/** Form (original, required), ID copy (required, certify), proxy letter (optional). */
function registered(): DossierDigitizationState {
  return registerDigitization({
    dossierId: '0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01',
    provisionalDossierId: 'BCCI-33100-250312-0007',
    procedureCode: '2.000488',
    intakeDay: '2025-03-12',
    catalogVersion: 'sha256:x',
    site: { kind: 'POSTAL_POINT', postalCode: '33100' },
    registeredAt: at,
    correlationId: 'corr-registration',
    components: [
      { componentId: 'c1', componentCode: 'TK', title: 'Tờ khai', originals: 1, copies: 0, required: true, certificationRequired: false, onChecklist: true },
      { componentId: 'c2', componentCode: 'CCCD', title: 'Bản chụp CCCD', originals: 0, copies: 1, required: true, certificationRequired: true, onChecklist: true },
      { componentId: 'c3', componentCode: 'UQ', title: 'Ủy quyền', originals: 0, copies: 1, required: false, certificationRequired: true, onChecklist: true },
    ],
  });
}

/** Applies steps one after the other, as the use cases do, each on the state the previous one decided. */
function after(state: DossierDigitizationState, ...steps: ((s: DossierDigitizationState) => DigitizationDecision)[]): DossierDigitizationState {
  return steps.reduce((current, step) => step(current).state, state);
}
const scan = (code: string, n: number) => (s: DossierDigitizationState) => attachScan(s, { componentCode: code, document: doc(n), actor: operator }, context);
const certify = (code: string) => (s: DossierDigitizationState) => certifyComponent(s, { componentCode: code, kind: 'COPY_MATCHES_PAPER', actor: operator }, context);
const complete = (s: DossierDigitizationState) => completeDigitization(s, { actor: operator }, context);
const closeIncomplete = (s: DossierDigitizationState) => closeDigitizationIncomplete(s, { reason: 'Bản chụp mờ', actor: operator }, context);
const readyToComplete = () => after(registered(), scan('TK', 1), scan('CCCD', 2), certify('CCCD'));

function refusalOf(decide: () => unknown): string | null {
  try {
    decide();
    return null;
  } catch (error) {
    return `${(error as { kind: string }).kind} ${(error as { code: string }).code}`;
  }
}

describe('digitization rules: completeness', () => {
  it('completes when every required component is digitized and every copy that must be is certified: DIGITIZED, one dossier-digitized', () => {
    const partly = after(registered(), scan('TK', 1), scan('CCCD', 2));
    expect(completenessOf(partly).missing).toEqual([{ componentCode: 'CCCD', title: 'Bản chụp CCCD', missing: 'CERTIFICATION' }]);
    const decision = complete(after(partly, certify('CCCD')));
    expect(decision.state).toMatchObject({ status: 'DIGITIZED', completedAt: at });
    expect(decision.events).toEqual([
      {
        type: 'bcci.digitization.dossier-digitized.v1',
        data: {
          dossierId: registered().dossierId,
          components: [
            { componentId: 'c1', componentCode: 'TK', required: true, digitized: true, certified: false, certificationRequired: false, reused: false, contentHash: doc(1).contentHash },
            { componentId: 'c2', componentCode: 'CCCD', required: true, digitized: true, certified: true, certificationRequired: true, reused: false, contentHash: doc(2).contentHash },
            { componentId: 'c3', componentCode: 'UQ', required: false, digitized: false, certified: false, certificationRequired: true, reused: false },
          ],
          componentCount: 3,
          digitizedCount: 2,
          completedAt: at.toISOString(),
          site: { kind: 'POSTAL_POINT', postalCode: '33100' },
          actor: operator,
        },
      },
    ]);
  });

  it('refuses to complete (422) listing every missing scan and certification, and leaves the state as it was', () => {
    const state = after(registered(), scan('CCCD', 2));
    let error: unknown;
    try {
      complete(state);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ kind: 'rule-violation', code: 'DIGITIZATION_INCOMPLETE', details: { missing: [{ componentCode: 'TK', missing: 'SCAN' }, { componentCode: 'CCCD', missing: 'CERTIFICATION' }] } });
    expect(state.status).toBe('OPEN');
  });
});

describe('digitization rules: scans, reuse and certification', () => {
  it('a scan is announced by component-digitized; the same bytes again change nothing; other bytes void the certification', () => {
    const first = scan('CCCD', 2)(registered());
    expect(first.events).toEqual([
      {
        type: 'bcci.digitization.component-digitized.v1',
        data: {
          dossierId: registered().dossierId,
          componentId: 'c2',
          componentCode: 'CCCD',
          document: { documentId: doc(2).documentId, contentHash: doc(2).contentHash, mediaType: 'application/pdf', sizeBytes: 100 },
          digitizedAt: at.toISOString(),
          site: { kind: 'POSTAL_POINT', postalCode: '33100' },
          actor: operator,
        },
      },
    ]);
    const certified = after(first.state, (s) => certifyComponent(s, { componentCode: 'CCCD', kind: 'ORIGINAL_SIGHTED', note: 'đối chiếu bản chính', actor: operator }, context));
    const again = scan('CCCD', 2)(certified);
    expect(again).toEqual({ state: certified, events: [] });
    expect(again.state).toBe(certified);
    expect(componentOf(certified, 'CCCD').certification).toMatchObject({ kind: 'ORIGINAL_SIGHTED', note: 'đối chiếu bản chính' });
    const rescanned = scan('CCCD', 3)(certified);
    expect(rescanned.events).toHaveLength(1);
    expect(componentOf(rescanned.state, 'CCCD').certification).toBeUndefined();
  });

  it('certification is announced by component-certified', () => {
    const decision = certifyComponent(after(registered(), scan('CCCD', 2)), { componentCode: 'CCCD', kind: 'ORIGINAL_SIGHTED', note: 'đối chiếu bản chính', actor: operator }, context);
    expect(decision.events).toEqual([
      {
        type: 'bcci.digitization.component-certified.v1',
        data: {
          dossierId: registered().dossierId,
          componentId: 'c2',
          componentCode: 'CCCD',
          contentHash: doc(2).contentHash,
          certification: 'ORIGINAL_SIGHTED',
          certifiedAt: at.toISOString(),
          note: 'đối chiếu bản chính',
          actor: operator,
        },
      },
    ]);
  });

  it('a reused document: from a national database it needs no certification, from an uncertified earlier dossier it does', () => {
    const withForm = after(registered(), scan('TK', 1));
    const fromEarlier = attachReused(withForm, { componentCode: 'CCCD', document: doc(4), source: { sourceKind: 'PREVIOUS_DOSSIER', sourceRef: 'd0', sourceComponentCode: 'CCCD' }, sourceCertified: false, actor: operator }, context);
    expect(fromEarlier.events[0].data).toMatchObject({ reusedFrom: { sourceKind: 'PREVIOUS_DOSSIER', sourceRef: 'd0', sourceComponentCode: 'CCCD' } });
    expect(completenessOf(fromEarlier.state).missing).toEqual([expect.objectContaining({ componentCode: 'CCCD', missing: 'CERTIFICATION' })]);
    const fromNational = attachReused(fromEarlier.state, { componentCode: 'CCCD', document: doc(4), source: { sourceKind: 'NATIONAL_DATABASE', sourceRef: 'n1' }, sourceCertified: false, actor: operator }, context);
    const result = completenessOf(fromNational.state);
    expect(result.complete).toBe(true);
    expect(result.flags[1]).toMatchObject({ reused: true, certified: true, digitized: true });
    const sameAgain = attachReused(fromNational.state, { componentCode: 'CCCD', document: doc(4), source: { sourceKind: 'NATIONAL_DATABASE', sourceRef: 'n1' }, sourceCertified: false, actor: operator }, context);
    expect(sameAgain.state).toBe(fromNational.state);
  });

  it('a reused component inherits the certification of a certified component of an earlier dossier; a new scan drops the reuse', () => {
    const reused = attachReused(after(registered(), scan('TK', 1)), { componentCode: 'CCCD', document: doc(4), source: { sourceKind: 'PREVIOUS_DOSSIER', sourceRef: 'd0' }, sourceCertified: true, actor: operator }, context);
    expect(completenessOf(reused.state).complete).toBe(true);
    const rescanned = scan('CCCD', 4)(reused.state);
    expect(componentOf(rescanned.state, 'CCCD')).toMatchObject({ sourceCertified: false });
    expect(componentOf(rescanned.state, 'CCCD').reusedFrom).toBeUndefined();
    expect(completenessOf(rescanned.state).complete).toBe(false);
  });
});

describe('digitization rules: closing as incomplete, withdrawal', () => {
  it('closes as incomplete only when something is missing (one event naming it), and reopens when a scan arrives', () => {
    const decision = closeIncomplete(after(registered(), scan('TK', 1)));
    expect(decision.state).toMatchObject({ status: 'CLOSED_INCOMPLETE', closedAt: at, closedReason: 'Bản chụp mờ' });
    expect(decision.events).toEqual([expect.objectContaining({ type: 'bcci.digitization.dossier-digitization-incomplete.v1', data: expect.objectContaining({ missingComponentCodes: ['CCCD'], note: 'Bản chụp mờ' }) })]);
    const reopened = after(decision.state, scan('CCCD', 2));
    expect(reopened.status).toBe('OPEN');
    expect(refusalOf(() => closeIncomplete(after(reopened, certify('CCCD'))))).toBe('rule-violation DIGITIZATION_NOT_INCOMPLETE');
  });

  it('closing again with the same reason (a resend after a lost answer) changes nothing and announces nothing; a new reason is a new closing', () => {
    const closed = closeIncomplete(after(registered(), scan('TK', 1))).state;
    const again = closeIncomplete(closed);
    expect(again.state).toBe(closed);
    expect(again.events).toEqual([]);
    const otherReason = closeDigitizationIncomplete(closed, { reason: 'Thiếu bản sao CCCD', actor: operator }, context);
    expect(otherReason.state).toMatchObject({ status: 'CLOSED_INCOMPLETE', closedReason: 'Thiếu bản sao CCCD' });
    expect(otherReason.events).toHaveLength(1);
  });

  it.each<[DigitizationStatus, () => DossierDigitizationState]>([
    ['OPEN', registered],
    ['CLOSED_INCOMPLETE', () => closeIncomplete(after(registered(), scan('TK', 1))).state],
    ['DIGITIZED', () => complete(readyToComplete()).state],
  ])('a withdrawal at intake stops a digitization in status %s: WITHDRAWN, nothing announced', (status, state) => {
    const before = state();
    expect(before.status).toBe(status);
    expect(withdrawDigitization(before)).toEqual({ state: { ...before, status: 'WITHDRAWN' }, events: [] });
  });

  it('a withdrawal again changes nothing (the same state back)', () => {
    const withdrawn = withdrawDigitization(registered()).state;
    expect(withdrawDigitization(withdrawn).state).toBe(withdrawn);
  });
});

describe('digitization rules: refusals', () => {
  const digitized = () => complete(readyToComplete()).state;
  const withdrawn = () => withdrawDigitization(registered()).state;
  const noComponents = () => ({ ...registered(), components: [] });
  it.each<[string, () => unknown, string]>([
    ['a scan of an unknown component', () => scan('NOPE', 1)(registered()), 'not-found COMPONENT_UNKNOWN'],
    ['certifying a component with nothing scanned', () => certify('CCCD')(registered()), 'conflict COMPONENT_NOT_DIGITIZED'],
    ['certifying twice', () => certify('CCCD')(readyToComplete()), 'conflict COMPONENT_ALREADY_CERTIFIED'],
    ['a scan after completion', () => scan('UQ', 5)(digitized()), 'conflict DIGITIZATION_CLOSED'],
    ['a reuse after completion', () => attachReused(digitized(), { componentCode: 'UQ', document: doc(5), source: { sourceKind: 'NATIONAL_DATABASE', sourceRef: 'n' }, sourceCertified: false, actor: operator }, context), 'conflict DIGITIZATION_CLOSED'],
    ['a certification after completion', () => certify('UQ')(digitized()), 'conflict DIGITIZATION_CLOSED'],
    ['completing twice', () => complete(digitized()), 'conflict DIGITIZATION_CLOSED'],
    ['closing a completed digitization', () => closeIncomplete(digitized()), 'conflict DIGITIZATION_CLOSED'],
    ['a scan after withdrawal', () => scan('TK', 1)(withdrawn()), 'conflict DIGITIZATION_CLOSED'],
    ['completing after withdrawal', () => complete(withdrawn()), 'conflict DIGITIZATION_CLOSED'],
    ['completing a dossier with no paper', () => complete(noComponents()), 'conflict DOSSIER_HAS_NO_COMPONENTS'],
    ['closing a dossier with no paper', () => closeIncomplete(noComponents()), 'conflict DOSSIER_HAS_NO_COMPONENTS'],
  ])('refuses %s', (_case, decide, refusal) => {
    expect(refusalOf(decide)).toBe(refusal);
  });
});
