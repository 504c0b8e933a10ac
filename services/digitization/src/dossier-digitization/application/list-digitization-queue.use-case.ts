import { Inject, Injectable } from '@nestjs/common';
import { canAccessPostalPoint, ROLE_SCOPE, type Actor } from '@bcci/auth';
import { DataSource } from 'typeorm';
import { completenessOf, flagsOf, type DossierDigitizationState } from '../domain/dossier-digitization';
import type { MissingComponent } from '../domain/dossier-digitization.errors';
import { DigitizationQueueRepository, type QueueScope } from '../persistence/digitization-queue.repository';

/** One component as the queue shows it: what it is and where its scan and certification stand. */
export interface QueueComponentView {
  componentCode: string;
  title: string;
  required: boolean;
  certificationRequired: boolean;
  digitized: boolean;
  certified: boolean;
  reused: boolean;
}

/** A dossier waiting to be digitized (danh sách hồ sơ chờ số hoá). */
export interface QueueEntryView {
  dossierId: string;
  /** The provisional id printed on the receipt; the agency's official dossier code is not known here. */
  provisionalDossierId: string;
  procedureCode: string;
  intakeDay: string;
  registeredAt: string;
  site: { kind: string; postalCode: string };
  components: QueueComponentView[];
  missing: MissingComponent[];
}

export interface DigitizationQueueView {
  items: QueueEntryView[];
  /** Open dossiers in the caller's scope, of which `items` are the oldest. */
  total: number;
}

/**
 * The SQL side of the caller's scope (ROLE_SCOPE of @bcci/auth): an operator's own postal point,
 * operations' province, everything for an auditor. A role without its scope field gets an empty list.
 */
function queueScopeOf(actor: Actor): QueueScope {
  switch (ROLE_SCOPE[actor.role]) {
    case 'postal-point':
      return { postalCode: actor.postalCode ?? '' };
    case 'province':
      return { provinceCode: actor.provinceCode ?? '' };
    case 'none':
      return {};
    case 'agency':
      return { postalCode: '' };
  }
}

function entryView(s: DossierDigitizationState): QueueEntryView {
  return {
    dossierId: s.dossierId,
    provisionalDossierId: s.provisionalDossierId,
    procedureCode: s.procedureCode,
    intakeDay: s.intakeDay,
    registeredAt: s.registeredAt.toISOString(),
    site: { ...s.site },
    components: s.components.map((c) => {
      const flags = flagsOf(c);
      return {
        componentCode: c.componentCode,
        title: c.title,
        required: c.required,
        certificationRequired: c.certificationRequired,
        digitized: flags.digitized,
        certified: flags.certified,
        reused: flags.reused,
      };
    }),
    missing: completenessOf(s).missing,
  };
}

/** The operator's work list: dossiers whose digitization is still open, oldest first. */
@Injectable()
export class ListDigitizationQueueUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DigitizationQueueRepository) private readonly queue: DigitizationQueueRepository,
  ) {}

  async execute(query: { actor: Actor; limit: number }): Promise<DigitizationQueueView> {
    const { dossiers, total } = await this.queue.findOpen(this.dataSource.manager, queueScopeOf(query.actor), query.limit);
    // The same check as opening one dossier (loadDossierFor): the SQL filter narrows, this one decides.
    const visible = dossiers.filter((d) => canAccessPostalPoint(query.actor, d.site.postalCode, d.provinceCode ? { provinceCode: d.provinceCode } : {}));
    return { items: visible.map(entryView), total };
  }
}
