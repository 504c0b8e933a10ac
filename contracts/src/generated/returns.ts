/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

import type {
  Actor,
  AgencyId,
  DocumentRef,
  DocumentToTakeBack,
  DossierId,
  LegDirection,
  LocalDate,
  OpaqueRef,
  PartyKind,
  PostalCode,
  PostalDeadline,
  S10ItemId,
  SafeText,
  Timestamp,
  Vnd,
} from './common';

/**
 * Đã gửi thông báo mời người nhận đến quầy nhận kết quả.
 */
export interface CounterPickupNoticeSentData {
  dossierId: DossierId;
  legId: OpaqueRef;
  s10ItemId: S10ItemId;
  /**
   * Bưu cục đang giữ kết quả.
   */
  postalCode: PostalCode;
  /**
   * Lần thông báo thứ mấy.
   */
  noticeNumber: number;
  /**
   * Kênh thông báo (địa chỉ/số điện thoại không đi qua Kafka).
   */
  noticeChannel: 'SMS' | 'ZALO' | 'PAPER_NOTICE' | 'PHONE_CALL' | 'EMAIL';
  sentAt: Timestamp;
  /**
   * Giữ tại quầy đến ngày.
   */
  holdUntil: LocalDate;
  actor: Actor;
}

/**
 * Phát không thành công (kiểu UPU: sự kiện EMH với mã lý do). Mỗi lần phát tận nơi là một lần mời; lần mời thứ hai phải cách lần đầu ít nhất 2 ngày làm việc (lịch bưu chính); sau 2 lần mời không thành công, kết quả được trả lại cơ quan (result-returned-to-agency ngay sau lần thứ hai).
 */
export interface DeliveryAttemptedData {
  dossierId: DossierId;
  legId: OpaqueRef;
  s10ItemId: S10ItemId;
  /**
   * Lần phát thứ mấy.
   */
  attemptNumber: number;
  attemptedAt: Timestamp;
  postalCode: PostalCode;
  /**
   * Mã sự kiện kiểu UPU: EMH (phát không thành công).
   */
  eventCode: 'EMH';
  /**
   * Mã lý do không phát được (bộ mã của dự án theo kiểu UPU): ADDRESSEE_ABSENT, ADDRESS_INCORRECT, ADDRESSEE_MOVED, REFUSED, ID_NOT_PRESENTED, FEES_NOT_PAID, PREMISES_CLOSED, FORCE_MAJEURE, OTHER.
   */
  reasonCode:
    | 'ADDRESSEE_ABSENT'
    | 'ADDRESS_INCORRECT'
    | 'ADDRESSEE_MOVED'
    | 'REFUSED'
    | 'ID_NOT_PRESENTED'
    | 'FEES_NOT_PAID'
    | 'PREMISES_CLOSED'
    | 'FORCE_MAJEURE'
    | 'OTHER';
  note?: SafeText;
  /**
   * Đã để lại giấy mời.
   */
  invitationLeft: boolean;
  /**
   * Lần mời kế tiếp không sớm hơn (2 ngày làm việc).
   */
  nextAttemptNotBefore?: LocalDate;
  /**
   * HOME (phát tận nơi: mỗi lần phát là một lần mời) hoặc COUNTER.
   */
  deliveryMode?: 'HOME' | 'COUNTER';
  /**
   * Bên chịu chi phí phát lại (QĐ 45 Đ12.4: theo lỗi của bên làm phát sinh chi phí). Mặc định theo mã lý do: lý do phía người nhận → APPLICANT, FORCE_MAJEURE → UNDETERMINED; bưu tá có thể ghi bên khác.
   */
  redeliveryCostBorneBy?: PartyKind;
  actor: Actor;
}

/**
 * Biên bản sự cố mất, hư hỏng (QĐ 45 Đ14) với bên có lỗi và chi phí; chi phí phát lại thuộc bên gây ra (Đ12).
 */
export interface IncidentRecordedData {
  dossierId: DossierId;
  incidentId: OpaqueRef;
  legId?: OpaqueRef;
  legDirection: LegDirection;
  s10ItemId?: S10ItemId;
  /**
   * LOSS (mất) hoặc DAMAGE (hư hỏng).
   */
  kind: 'LOSS' | 'DAMAGE';
  /**
   * Cái bị mất/hư hỏng: DOSSIER (hồ sơ), RESULT (kết quả), REFUSAL_SLIP (phiếu từ chối), DOCUMENTS_TAKEN_BACK (giấy tờ thu hồi cho cơ quan).
   */
  affectedItem?: 'DOSSIER' | 'RESULT' | 'REFUSAL_SLIP' | 'DOCUMENTS_TAKEN_BACK';
  partyAtFault: PartyKind;
  /**
   * Chi phí phát sinh.
   */
  cost: Vnd;
  /**
   * Tiền bồi thường.
   */
  compensation: Vnd;
  occurredAt: Timestamp;
  recordedAt: Timestamp;
  postalCode?: PostalCode;
  description: SafeText;
  /**
   * Biên bản sự cố.
   */
  incidentRecord?: DocumentRef;
  actor: Actor;
}

/**
 * Kết quả đã được trao cho người nhận (kiểu UPU: EMI) sau khi kiểm tra giấy tờ tuỳ thân (TT 17 Đ5.2); số giấy tờ không bao giờ đi qua Kafka.
 */
export interface ResultDeliveredData {
  dossierId: DossierId;
  legId: OpaqueRef;
  s10ItemId: S10ItemId;
  deliveredAt: Timestamp;
  postalCode: PostalCode;
  /**
   * HOME hoặc COUNTER.
   */
  deliveryMode: 'HOME' | 'COUNTER';
  /**
   * Mã sự kiện kiểu UPU: EMI (đã phát).
   */
  eventCode: 'EMI';
  /**
   * Người nhận: APPLICANT, RECIPIENT (người nhận đăng ký), AUTHORISED_PROXY (người được uỷ quyền).
   */
  recipientKind: 'APPLICANT' | 'RECIPIENT' | 'AUTHORISED_PROXY';
  /**
   * Kiểm tra giấy tờ tuỳ thân (chỉ loại giấy tờ, không có số).
   */
  identityCheck: {
    /**
     * Loại giấy tờ.
     */
    documentType: 'CCCD' | 'PASSPORT' | 'OTHER';
    /**
     * Đã đối chiếu.
     */
    verified: true;
  };
  /**
   * Giấy uỷ quyền (bắt buộc với AUTHORISED_PROXY).
   */
  authorisationRef?: OpaqueRef;
  /**
   * Chữ ký/ảnh xác nhận đã nhận.
   */
  proofOfDelivery?: DocumentRef;
  /**
   * Số giấy tờ đã thu hồi cho cơ quan.
   */
  documentsTakenBack: number;
  /**
   * Danh sách giấy tờ thu hồi cho cơ quan (TT 17 Đ5.2.đ); tổng count bằng documentsTakenBack.
   *
   * @maxItems 50
   */
  takenBackDocuments?: DocumentToTakeBack[];
  /**
   * Số tiền đã thu khi phát.
   */
  feesCollected: Vnd;
  actor: Actor;
}

/**
 * Bưu tá đã nhận kết quả tại cơ quan.
 */
export interface ResultPickedUpAtAgencyData {
  dossierId: DossierId;
  legId: OpaqueRef;
  resultId: OpaqueRef;
  s10ItemId: S10ItemId;
  agencyId: AgencyId;
  pickedUpAt: Timestamp;
  /**
   * Số bưu gửi nhận.
   */
  itemsCount: number;
  actor: Actor;
}

/**
 * Kết quả được trả lại cơ quan (sau 2 lần mời không thành công hoặc người nhận không đến nhận).
 */
export interface ResultReturnedToAgencyData {
  dossierId: DossierId;
  legId: OpaqueRef;
  s10ItemId: S10ItemId;
  agencyId: AgencyId;
  returnedAt: Timestamp;
  /**
   * Lý do.
   */
  reason: 'DELIVERY_FAILED_TWICE' | 'NOT_COLLECTED_AT_COUNTER' | 'REFUSED_BY_RECIPIENT' | 'OTHER';
  /**
   * Số lần mời đã thực hiện.
   */
  attempts: number;
  actor: Actor;
}

/**
 * Mở chặng chuyển trả kết quả từ cơ quan đến người nhận, với số hiệu bưu gửi mới và hạn J+n.
 */
export interface ReturnLegOpenedData {
  dossierId: DossierId;
  legId: OpaqueRef;
  /**
   * Kết quả được chuyển trả (resultId của result-issued); với phiếu từ chối: documentId của phiếu, nếu không có thì định danh do returns cấp.
   */
  resultId: OpaqueRef;
  /**
   * RESULT (kết quả giải quyết) hoặc REFUSAL_SLIP (phiếu từ chối và hồ sơ trả lại).
   */
  returnedItem?: 'RESULT' | 'REFUSAL_SLIP';
  /**
   * Số hiệu bưu gửi mới của chặng trả.
   */
  s10ItemId: S10ItemId;
  agencyId: AgencyId;
  /**
   * HOME (phát tận nơi) hoặc COUNTER (nhận tại quầy).
   */
  deliveryMode: 'HOME' | 'COUNTER';
  /**
   * Bưu cục phát / bưu cục giữ kết quả.
   */
  destinationPostalCode: PostalCode;
  recipientRef: OpaqueRef;
  deadline: PostalDeadline;
  /**
   * Số tiền thu hộ khi phát.
   */
  feesToCollect: Vnd;
  /**
   * Số giấy tờ cơ quan yêu cầu thu hồi khi trả kết quả.
   */
  documentsToTakeBack: number;
  /**
   * Danh sách giấy tờ phải thu hồi khi phát; tổng count bằng documentsToTakeBack.
   *
   * @maxItems 50
   */
  takeBackDocuments?: DocumentToTakeBack[];
  openedAt: Timestamp;
}
