import { ConflictError, InvalidInputError, NotFoundError, RuleViolationError } from '@bcci/kernel';

// The refusals of forwarding, with the words a clerk or courier reads (messageVi).

export function legNotFound(reference: string): NotFoundError {
  return new NotFoundError({
    code: 'forwarding.leg-not-found',
    message: `No postal leg for ${reference}`,
    messageVi: `Không tìm thấy chặng chuyển hồ sơ cho ${reference}.`,
  });
}

export function legsNotFound(references: readonly string[]): NotFoundError {
  return new NotFoundError({
    code: 'forwarding.legs-not-found',
    message: `No postal leg for: ${references.join(', ')}`,
    messageVi: `Không tìm thấy chặng chuyển hồ sơ cho: ${references.join(', ')}.`,
    details: { unknown: references },
  });
}

export function scanOutOfOrder(details: unknown): ConflictError {
  return new ConflictError({
    code: 'forwarding.scan-out-of-order',
    message: 'Scans must follow the order DISPATCHED → ARRIVED → HANDED_OVER on an open leg',
    messageVi: 'Quét sai thứ tự: phải quét đi (DISPATCHED) → đến (ARRIVED) → giao (HANDED_OVER), và chặng phải còn mở.',
    details,
  });
}

export function scanBeforePreviousScan(details: unknown): RuleViolationError {
  return new RuleViolationError({
    code: 'forwarding.scan-time-before-previous',
    message: 'A scan cannot be earlier than the previous scan of the leg',
    messageVi: 'Thời điểm quét không được sớm hơn lần quét trước của bưu gửi.',
    details,
  });
}

export function scanInFuture(): InvalidInputError {
  return new InvalidInputError({
    code: 'forwarding.scan-in-future',
    message: 'The scan time is in the future',
    messageVi: 'Thời điểm quét ở tương lai.',
  });
}

export function handoverNotAllowed(details: unknown): ConflictError {
  return new ConflictError({
    code: 'forwarding.handover-not-allowed',
    message: 'Only dispatched legs not yet in a handover record can be handed over',
    messageVi: 'Chỉ lập biên bản giao nhận cho bưu gửi đã chuyển đi và chưa có trong biên bản nào.',
    details,
  });
}

export function handoverCountMismatch(details: unknown): RuleViolationError {
  return new RuleViolationError({
    code: 'forwarding.handover-count-mismatch',
    message: 'Counted documents do not match the sending slips',
    messageVi: 'Số giấy tờ kiểm đếm không khớp với Phiếu gửi hồ sơ; kiểm đếm lại các hồ sơ được liệt kê.',
    details,
  });
}

export function handoverMixedAgencies(details: unknown): RuleViolationError {
  return new RuleViolationError({
    code: 'forwarding.handover-mixed-agencies',
    message: 'A handover record covers dossiers of one agency only',
    messageVi: 'Một biên bản giao nhận chỉ gồm hồ sơ của một cơ quan.',
    details,
  });
}

export function handoverDuplicateItems(details: unknown): InvalidInputError {
  return new InvalidInputError({
    code: 'forwarding.handover-duplicate-items',
    message: 'The same dossier appears twice in the handover record',
    messageVi: 'Một hồ sơ xuất hiện hai lần trong biên bản giao nhận.',
    details,
  });
}

export function signedInFuture(): InvalidInputError {
  return new InvalidInputError({
    code: 'forwarding.signed-in-future',
    message: 'The signing time is in the future',
    messageVi: 'Thời điểm ký ở tương lai.',
  });
}
