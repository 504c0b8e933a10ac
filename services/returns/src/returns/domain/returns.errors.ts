import { ConflictError, InvalidInputError, NotFoundError, RuleViolationError } from '@bcci/kernel';

// The refusals of returns, with the words a courier or counter clerk reads (messageVi).

export function returnNotFound(dossierId: string): NotFoundError {
  return new NotFoundError({
    code: 'returns.not-found',
    message: `No return is known for dossier ${dossierId}`,
    messageVi: `Không tìm thấy chặng trả kết quả của hồ sơ ${dossierId}.`,
  });
}

export function wrongState(action: string, status: string, expected: readonly string[]): ConflictError {
  return new ConflictError({
    code: 'returns.wrong-state',
    message: `Cannot ${action} a return in status ${status} (expected ${expected.join(' or ')})`,
    messageVi: `Không thể thực hiện thao tác này khi chặng trả đang ở trạng thái ${status}.`,
    details: { status, expected },
  });
}

export function wrongDeliveryMode(action: string, mode: string): ConflictError {
  return new ConflictError({
    code: 'returns.wrong-delivery-mode',
    message: `Cannot ${action} for a ${mode} delivery`,
    messageVi: mode === 'HOME' ? 'Kết quả này được phát tận nơi, không nhận tại quầy.' : 'Kết quả này được nhận tại quầy, không phát tận nơi.',
    details: { deliveryMode: mode },
  });
}

export function invitationTooEarly(notBefore: string, workingDaysElapsed: number): RuleViolationError {
  return new RuleViolationError({
    code: 'returns.invitation-too-early',
    message: `A second invitation must come at least 2 working days after the first (TT 17/2017 Đ5.2.h); not before ${notBefore}`,
    messageVi: `Lần mời tiếp theo phải cách lần trước ít nhất 02 ngày làm việc; chỉ được mời lại từ ngày ${notBefore}.`,
    details: { notBefore, workingDaysElapsed },
  });
}

export function notEnoughInvitations(details: unknown): RuleViolationError {
  return new RuleViolationError({
    code: 'returns.not-enough-invitations',
    message: 'The result goes back to the agency only after two invitations two working days apart, and two working days after the last one',
    messageVi: 'Chỉ trả lại kết quả cho cơ quan sau ít nhất 02 lần mời, mỗi lần cách nhau 02 ngày làm việc, và đã quá 02 ngày làm việc kể từ lần mời cuối.',
    details,
  });
}

export function proxyWithoutAuthorisation(): InvalidInputError {
  return new InvalidInputError({
    code: 'returns.proxy-authorisation-required',
    message: 'A proxy must present an authorisation: authorisationRef is required for AUTHORISED_PROXY',
    messageVi: 'Người nhận thay phải xuất trình giấy uỷ quyền: ghi số tham chiếu giấy uỷ quyền.',
    details: [{ field: 'authorisationRef', message: 'required when recipientKind is AUTHORISED_PROXY' }],
  });
}

export function authorisationWithoutProxy(): InvalidInputError {
  return new InvalidInputError({
    code: 'returns.authorisation-without-proxy',
    message: 'authorisationRef is only for a proxy (recipientKind AUTHORISED_PROXY)',
    messageVi: 'Giấy uỷ quyền chỉ ghi khi người nhận là người được uỷ quyền.',
    details: [{ field: 'authorisationRef', message: 'only when recipientKind is AUTHORISED_PROXY' }],
  });
}

export function identityNotMatched(): RuleViolationError {
  return new RuleViolationError({
    code: 'returns.identity-not-matched',
    message: "The recipient's ID document does not match: the result cannot be handed over (TT 17/2017 Đ5.2.d)",
    messageVi: 'Giấy tờ tuỳ thân không khớp với người nhận: không được trao kết quả. Ghi nhận lần phát không thành công nếu cần.',
  });
}

export function feesMismatch(owed: number, collected: number): RuleViolationError {
  return new RuleViolationError({
    code: 'returns.fees-mismatch',
    message: `Fees collected on delivery (${collected} VND) must equal the fees owed (${owed} VND)`,
    messageVi: `Số tiền thu khi phát (${collected} đồng) phải bằng số phí, lệ phí còn phải nộp (${owed} đồng).`,
    details: { owed, collected },
  });
}

export function documentsNotTakenBack(missing: readonly { documentCode: string; title?: string; count: number }[]): RuleViolationError {
  const listed = (name: (doc: (typeof missing)[number]) => string, copies: string) => missing.map((doc) => `${name(doc)} (${doc.count} ${copies})`).join(', ');
  return new RuleViolationError({
    code: 'returns.documents-not-taken-back',
    message: `The agency asks for documents back before the result is handed over; still missing: ${listed((doc) => doc.documentCode, 'cop.')}`,
    messageVi: `Cơ quan yêu cầu thu hồi giấy tờ trước khi trao kết quả; còn thiếu: ${listed((doc) => doc.title ?? doc.documentCode, 'bản')}.`,
    details: { missing },
  });
}

export function timeInFuture(field: string): InvalidInputError {
  return new InvalidInputError({
    code: 'returns.time-in-future',
    message: `${field} is in the future`,
    messageVi: 'Thời điểm ghi nhận ở tương lai.',
    details: [{ field, message: 'must not be in the future' }],
  });
}

export function timeBeforePrevious(field: string, previous: string): RuleViolationError {
  return new RuleViolationError({
    code: 'returns.time-before-previous-step',
    message: `${field} is earlier than the previous step of the return (${previous})`,
    messageVi: 'Thời điểm ghi nhận sớm hơn bước trước của chặng trả.',
    details: { field, previous },
  });
}

export function incidentLegMissing(): RuleViolationError {
  return new RuleViolationError({
    code: 'returns.incident-leg-missing',
    message: 'An incident on the return leg needs an open return leg',
    messageVi: 'Chưa có chặng trả kết quả cho hồ sơ này: không thể lập biên bản sự cố chặng trả.',
  });
}
