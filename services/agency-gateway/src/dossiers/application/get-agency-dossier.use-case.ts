import type { DataSource } from 'typeorm';
import type { AgencyDossierState } from '../domain/agency-dossier';
import { dossierNotFound } from '../domain/agency-dossier.errors';
import type { AgencyDossierRepository } from '../persistence/agency-dossier.repository';

export interface AgencyDossierView {
  dossierId: string;
  agencyId: string;
  status: AgencyDossierState['status'];
  nationalStatus: number | null;
  channel: 3;
  procedureCode: string | null;
  provisionalDossierId: string | null;
  dossierCode: string | null;
  serviceForm: AgencyDossierState['serviceForm'];
  s10ItemId: string | null;
  publishedAt: string | null;
  acknowledgedAt: string | null;
  legalFilingAt: string | null;
  /** The agency deadline: clock start, time limit (working days), due date; null before the handover. */
  agencyDeadline: AgencyDossierState['clock'];
  clockPaused: boolean;
  rescheduled: boolean;
  components: AgencyDossierState['components'];
  agencyFeesCollected: number | null;
  applicantRef: string | null;
}

export function toAgencyDossierView(state: AgencyDossierState): AgencyDossierView {
  return {
    dossierId: state.dossierId,
    agencyId: state.agencyId!,
    status: state.status,
    nationalStatus: state.nationalStatus,
    channel: 3,
    procedureCode: state.procedureCode,
    provisionalDossierId: state.provisionalDossierId,
    dossierCode: state.dossierCode,
    serviceForm: state.serviceForm,
    s10ItemId: state.s10ItemId,
    publishedAt: state.publishedAt,
    acknowledgedAt: state.acknowledgedAt,
    legalFilingAt: state.legalFilingAt,
    agencyDeadline: state.clock,
    clockPaused: state.pendingSupplement !== null,
    rescheduled: state.rescheduledAt !== null,
    components: state.components,
    agencyFeesCollected: state.agencyFeesCollected,
    applicantRef: state.applicantRef,
  };
}

/** One dossier as its agency sees it; `authorize` refuses (403) any other caller. */
export class GetAgencyDossierUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: AgencyDossierRepository,
  ) {}

  async execute(dossierId: string, authorize: (state: AgencyDossierState) => void): Promise<AgencyDossierView> {
    const state = await this.dossiers.find(this.dataSource.manager, dossierId);
    if (!state) throw dossierNotFound(dossierId);
    authorize(state);
    return toAgencyDossierView(state);
  }
}
