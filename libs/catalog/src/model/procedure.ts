import type { EffectivePeriod } from './effective-date';

/** QĐ 45/2016 Đ5: 1 send the dossier by post, 2 receive the result by post, 3 both. */
export const BCCI_SERVICE_FORMS = [1, 2, 3] as const;
export type BcciServiceForm = (typeof BCCI_SERVICE_FORMS)[number];

export const DOCUMENT_FORMS = ['original', 'copy'] as const;
/** bản chính / bản sao */
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

/** One line of the published checklist (thành phần hồ sơ) the clerk checks at intake. */
export interface ProcedureComponent {
  readonly name: string;
  readonly required: boolean;
  /** Which forms the agency accepts for this document. */
  readonly accepts: readonly DocumentForm[];
  readonly count: number;
}

/** The agency competent for a procedure during one period (thẩm quyền giải quyết). */
export interface CompetentAgencyPeriod extends EffectivePeriod {
  readonly agencyId: string;
}

/** Due time in working days from the legal filing time, per channel; null when the channel is not offered. */
export interface ProcedureTimeLimits {
  readonly inPersonDays: number | null;
  readonly onlineDays: number | null;
  readonly bcciDays: number | null;
}

/** Amounts in integer VND. Agency fees (phí, lệ phí) and postage (cước) are collected separately. */
export interface ProcedureFees {
  readonly agencyFeeVnd: number;
  readonly feeNote: string | null;
  readonly postageSendVnd: number | null;
  readonly postageReturnVnd: number | null;
}

/**
 * One version of a procedure (thủ tục hành chính) under its code: national `1.010902` or a local
 * variant `1.010902.000.00.00.H38`. Competence changes inside a version are in `competentAgencies`.
 */
export interface Procedure extends EffectivePeriod {
  readonly code: string;
  readonly name: string;
  /** Lĩnh vực (sector) as published in the national database. */
  readonly sector: string;
  readonly competentAgencies: readonly CompetentAgencyPeriod[];
  readonly components: readonly ProcedureComponent[];
  /** Empty when the procedure is not offered through BCCI (QĐ 45 Đ1.2). */
  readonly bcciServiceForms: readonly BcciServiceForm[];
  readonly timeLimits: ProcedureTimeLimits;
  readonly fees: ProcedureFees;
}
