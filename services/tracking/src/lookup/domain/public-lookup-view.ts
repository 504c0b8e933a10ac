import { toVietnamDate, type LocalDate } from '@bcci/kernel';
import { STAGE_NAMES_VI, type Stage } from '../../timeline/domain/stage';
import { compareByEventTime } from '../../timeline/domain/timeline-order';
import { eventName } from '../../timeline/domain/timeline-event';

/** National status names (domain.md §5) as a citizen reads them. */
export const NATIONAL_STATUS_NAMES_VI: Readonly<Record<number, string>> = {
  1: 'Mới đăng ký',
  2: 'Đã tiếp nhận',
  3: 'Không tiếp nhận',
  4: 'Đang giải quyết',
  5: 'Yêu cầu bổ sung hồ sơ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã giải quyết xong',
  10: 'Đã trả kết quả',
};

/** What each step means to a citizen. Unknown event names fall back to the stage's name. */
export const STEP_NAMES_VI: Readonly<Record<string, string>> = {
  'dossier-registered': 'Bưu điện đã tiếp nhận hồ sơ',
  'dossier-withdrawn': 'Hồ sơ đã được rút',
  'component-digitized': 'Đã số hoá một thành phần hồ sơ',
  'component-certified': 'Đã xác nhận bản số hoá một thành phần hồ sơ',
  'dossier-digitized': 'Đã số hoá xong hồ sơ',
  'dossier-digitization-incomplete': 'Số hoá hồ sơ chưa đầy đủ',
  'result-digitized': 'Đã số hoá kết quả giải quyết',
  'postal-leg-opened': 'Bắt đầu chuyển hồ sơ đến cơ quan giải quyết',
  'courier-scanned': 'Hồ sơ đang được vận chuyển',
  'handover-record-signed': 'Đã bàn giao hồ sơ cho cơ quan giải quyết (ký biên bản giao nhận)',
  'fees-remitted': 'Bưu điện đã nộp phí, lệ phí thu hộ cho cơ quan',
  'dossier-published-to-agency': 'Hồ sơ đã được gửi lên hệ thống của cơ quan',
  'handover-acknowledged': 'Cơ quan đã tiếp nhận hồ sơ',
  'supplement-requested': 'Cơ quan yêu cầu bổ sung hồ sơ',
  'supplement-completed': 'Hồ sơ đã được bổ sung đầy đủ',
  'dossier-rejected': 'Cơ quan từ chối giải quyết hồ sơ',
  'processing-rescheduled': 'Cơ quan hẹn lại ngày trả kết quả',
  'result-issued': 'Cơ quan đã có kết quả giải quyết',
  'return-leg-opened': 'Bắt đầu chuyển trả kết quả',
  'result-picked-up-at-agency': 'Bưu điện đã nhận kết quả tại cơ quan',
  'delivery-attempted': 'Phát kết quả không thành công, sẽ phát lại',
  'result-delivered': 'Đã trả kết quả',
  'result-returned-to-agency': 'Kết quả đã được chuyển lại cơ quan',
  'counter-pickup-notice-sent': 'Đã thông báo mời nhận kết quả tại bưu cục',
  'incident-recorded': 'Đã lập biên bản sự cố',
};

/** The little a public step is built from: no payload, no actor, no reference other than the event's kind. */
export interface PublicStepSource {
  readonly sequence: number;
  readonly eventType: string;
  readonly eventTime: string;
  readonly stage: Stage;
  readonly postalCode: string | null;
  readonly agencyId: string | null;
  readonly nationalStatus: number | null;
}

export interface PlaceNames {
  postalPointName(postalCode: string, day: LocalDate): string | undefined;
  agencyName(agencyId: string, day: LocalDate): string | undefined;
  procedureName(procedureCode: string, day: LocalDate): string | undefined;
}

export interface PublicLookupStep {
  at: string;
  stage: Stage;
  stageVi: string;
  stepVi: string;
  /** Name of the postal point (or agency) where it happened, from the catalog in force that day. */
  placeVi?: string;
}

export interface PublicLookupView {
  reference: string;
  procedureVi?: string;
  status: { stage: Stage; stageVi: string; nationalStatus?: number; nationalStatusVi?: string; since: string };
  steps: PublicLookupStep[];
}

/**
 * The citizen's view of a dossier (TT 17/2017 Đ12: free status lookup). Built from an allow-list of
 * fields: stage, step name, date and place names. Nothing from the events' payloads passes through,
 * so no reference to a person, a staff member, a document or a fee can leak.
 */
export function buildPublicLookupView(reference: string, procedureCode: string | undefined, sources: readonly PublicStepSource[], names: PlaceNames): PublicLookupView {
  const ordered = [...sources].sort(compareByEventTime);
  const steps = ordered.map((source): PublicLookupStep => {
    const day = toVietnamDate(new Date(source.eventTime));
    const place =
      (source.postalCode ? names.postalPointName(source.postalCode, day) : undefined) ?? (source.agencyId ? names.agencyName(source.agencyId, day) : undefined);
    return {
      at: new Date(source.eventTime).toISOString(),
      stage: source.stage,
      stageVi: STAGE_NAMES_VI[source.stage],
      stepVi: STEP_NAMES_VI[eventName(source.eventType)] ?? STAGE_NAMES_VI[source.stage],
      ...(place ? { placeVi: place } : {}),
    };
  });
  const last = ordered[ordered.length - 1];
  const lastStatus = [...ordered].reverse().find((source) => source.nationalStatus !== null)?.nationalStatus ?? undefined;
  const procedureVi = procedureCode && ordered[0] ? names.procedureName(procedureCode, toVietnamDate(new Date(ordered[0].eventTime))) : undefined;
  return {
    reference,
    ...(procedureVi ? { procedureVi } : {}),
    status: {
      stage: last.stage,
      stageVi: STAGE_NAMES_VI[last.stage],
      ...(lastStatus !== undefined ? { nationalStatus: lastStatus, nationalStatusVi: NATIONAL_STATUS_NAMES_VI[lastStatus] } : {}),
      since: new Date(last.eventTime).toISOString(),
    },
    steps,
  };
}
