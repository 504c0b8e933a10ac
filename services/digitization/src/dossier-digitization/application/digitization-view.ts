import type { DocumentDescriptor, ReuseSource, StaffActor } from '../domain/digitization.types';
import { completenessOf, flagsOf, type DossierDigitizationState } from '../domain/dossier-digitization';

export interface ComponentView {
  componentId: string;
  componentCode: string;
  title: string;
  originals: number;
  copies: number;
  required: boolean;
  certificationRequired: boolean;
  digitized: boolean;
  certified: boolean;
  reused: boolean;
  document?: DocumentDescriptor;
  digitizedAt?: string;
  digitizedBy?: StaffActor;
  reusedFrom?: ReuseSource;
  certification?: { kind: string; certifiedAt: string; certifiedBy: StaffActor; note?: string };
}

export interface DigitizationView {
  dossierId: string;
  provisionalDossierId: string;
  procedureCode: string;
  intakeDay: string;
  site: { kind: string; postalCode: string };
  status: string;
  complete: boolean;
  missing: { componentCode: string; title: string; missing: 'SCAN' | 'CERTIFICATION' }[];
  completedAt?: string;
  closedAt?: string;
  closedReason?: string;
  components: ComponentView[];
}

/** What the operator's screen shows: per component, what is there and what is still missing. */
export function digitizationView(s: DossierDigitizationState): DigitizationView {
  const completeness = completenessOf(s);
  return {
    dossierId: s.dossierId,
    provisionalDossierId: s.provisionalDossierId,
    procedureCode: s.procedureCode,
    intakeDay: s.intakeDay,
    site: { ...s.site },
    status: s.status,
    complete: completeness.complete && s.components.length > 0,
    missing: completeness.missing,
    ...(s.completedAt ? { completedAt: s.completedAt.toISOString() } : {}),
    ...(s.closedAt ? { closedAt: s.closedAt.toISOString() } : {}),
    ...(s.closedReason ? { closedReason: s.closedReason } : {}),
    components: s.components.map((c) => {
      const flags = flagsOf(c);
      return {
        componentId: c.componentId,
        componentCode: c.componentCode,
        title: c.title,
        originals: c.originals,
        copies: c.copies,
        required: c.required,
        certificationRequired: c.certificationRequired,
        digitized: flags.digitized,
        certified: flags.certified,
        reused: flags.reused,
        ...(c.document ? { document: c.document } : {}),
        ...(c.digitizedAt ? { digitizedAt: c.digitizedAt.toISOString() } : {}),
        ...(c.digitizedBy ? { digitizedBy: c.digitizedBy } : {}),
        ...(c.reusedFrom ? { reusedFrom: c.reusedFrom } : {}),
        ...(c.certification
          ? {
              certification: {
                kind: c.certification.kind,
                certifiedAt: c.certification.certifiedAt.toISOString(),
                certifiedBy: c.certification.certifiedBy,
                ...(c.certification.note ? { note: c.certification.note } : {}),
              },
            }
          : {}),
      };
    }),
  };
}
