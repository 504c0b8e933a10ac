// What forwarding answers (services/forwarding/src/forwarding/application/*.view.ts and the scan use case).

export type ScanKind = 'DISPATCHED' | 'ARRIVED' | 'HANDED_OVER';
export type LegStatus = 'OPEN' | 'DISPATCHED' | 'ARRIVED' | 'HANDED_OVER' | 'FILED' | 'WITHDRAWN';

/** GET /legs → { items: LegView[]; total } */
export interface LegView {
  readonly dossierId: string;
  readonly legId: string;
  readonly s10ItemId: string;
  readonly provisionalDossierId: string;
  readonly procedureCode: string;
  readonly agencyId: string;
  readonly originPostalCode: string;
  readonly status: LegStatus;
  readonly deadline: { readonly legClass: string; readonly startDay: string; readonly workingDays: number; readonly dueDate: string };
  readonly late: boolean;
  readonly openedAt: string;
  readonly filedAt: string | null;
}

/** One item of POST /scans/batch → { items: ScanResult[] } */
export interface ScanResult {
  readonly dossierId: string;
  readonly s10ItemId: string;
  readonly kind: ScanKind;
  /** recorded: a new step; repeated: already recorded, nothing changed. */
  readonly outcome: 'recorded' | 'repeated';
  readonly status: LegStatus;
  readonly scannedAt: string;
}

/** POST /handover-records → HandoverRecordView */
export interface HandoverRecordView {
  readonly handoverRecordId: string;
  readonly recordNumber: string;
  readonly agencyId: string;
  readonly status: 'AWAITING_AGENCY_SIGNATURE' | 'SIGNED';
  readonly signedAt: string | null;
  readonly postalSignedAt: string;
  readonly agencySignedAt: string | null;
  readonly agencySignatureSource: 'PAPER_RECORD' | 'AGENCY_GATEWAY' | null;
  readonly items: readonly { readonly dossierId: string; readonly s10ItemId: string; readonly documentsCounted: number; readonly postalDeadlineMet: boolean }[];
  readonly remittance: { readonly remittanceId: string; readonly total: number; readonly dossierCount: number; readonly method: string } | null;
}

/** In the only order they can happen (scan-order.rule.ts). */
export const SCAN_KINDS: readonly { readonly value: ScanKind; readonly label: string }[] = [
  { value: 'DISPATCHED', label: 'Chuyển đi (rời bưu cục)' },
  { value: 'ARRIVED', label: 'Đến nơi (bưu cục phục vụ cơ quan)' },
  { value: 'HANDED_OVER', label: 'Đã giao cho cơ quan' },
];

export const LEG_STATUS_TEXT: Readonly<Record<LegStatus, string>> = {
  OPEN: 'Chờ chuyển đi',
  DISPATCHED: 'Đã chuyển đi',
  ARRIVED: 'Đã đến nơi',
  HANDED_OVER: 'Đã giao cơ quan',
  FILED: 'Đã ký biên bản',
  WITHDRAWN: 'Đã rút hồ sơ',
};

export function scanKindText(kind: ScanKind): string {
  return SCAN_KINDS.find((candidate) => candidate.value === kind)?.label ?? kind;
}
