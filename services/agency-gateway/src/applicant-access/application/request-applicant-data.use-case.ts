import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dossierNotFound } from '../../dossiers/domain/agency-dossier.errors';
import { assertDossierOfAgency } from '../../dossiers/domain/agency-dossier.rules';
import type { AgencyDossierRepository } from '../../dossiers/persistence/agency-dossier.repository';

export interface ApplicantClaimCheck {
  auditId: string;
  dossierId: string;
  applicantRef: string;
  /** Where the personal data lives: intake, the only holder of it. */
  claimCheck: { service: 'intake'; method: 'GET'; path: string };
  requestedAt: string;
}

/**
 * Claim check: the gateway holds no personal data. It checks that the agency may see this dossier,
 * records the authorised request in its audit table and tells the agency where intake serves the
 * applicant to an agency-role token (intake audits the read itself).
 */
export class RequestApplicantDataUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: AgencyDossierRepository,
  ) {}

  execute(input: { dossierId: string; agencyId: string; actorSubject: string; purpose?: string }): Promise<ApplicantClaimCheck> {
    return this.dataSource.transaction(async (manager) => {
      const state = await this.dossiers.find(manager, input.dossierId);
      if (!state) throw dossierNotFound(input.dossierId);
      assertDossierOfAgency(state, input.agencyId);
      const auditId = randomUUID();
      const rows = (await manager.query(
        `INSERT INTO applicant_access_audit (id, dossier_id, agency_id, actor_subject, applicant_ref, purpose) VALUES ($1, $2, $3, $4, $5, $6) RETURNING requested_at`,
        [auditId, input.dossierId, input.agencyId, input.actorSubject, state.applicantRef, input.purpose ?? null],
      )) as Array<{ requested_at: Date }>;
      return {
        auditId,
        dossierId: input.dossierId,
        applicantRef: state.applicantRef!,
        claimCheck: { service: 'intake', method: 'GET', path: `/dossiers/${input.dossierId}/applicant` },
        requestedAt: new Date(rows[0].requested_at).toISOString(),
      };
    });
  }
}
