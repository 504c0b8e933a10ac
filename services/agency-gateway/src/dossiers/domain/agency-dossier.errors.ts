import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, RuleViolationError } from '@bcci/kernel';
import type { AgencyDossierStatus } from './agency-dossier';

const STATUS_VI: Record<AgencyDossierStatus, string> = {
  AWAITING_UPSTREAM: 'chưa được chuyển đến cơ quan',
  PUBLISHED: 'đã chuyển đến cơ quan, chưa ký giao nhận',
  RECEIVED: 'đã tiếp nhận',
  SUPPLEMENT_REQUESTED: 'đang chờ bổ sung',
  PROCESSING: 'đang xử lý',
  REJECTED: 'đã bị từ chối',
  RESULT_ISSUED: 'đã có kết quả',
};

export function dossierNotFound(dossierId: string): NotFoundError {
  return new NotFoundError({
    code: 'dossier.not-found',
    message: `Dossier ${dossierId} is not known to the agency gateway`,
    messageVi: 'Không tìm thấy hồ sơ.',
  });
}

export function notYourDossier(dossierId: string, agencyId: string): ForbiddenError {
  return new ForbiddenError({
    code: 'scope.agency',
    message: `Dossier ${dossierId} is not addressed to agency ${agencyId}`,
    messageVi: 'Hồ sơ không thuộc cơ quan của bạn.',
  });
}

export function wrongState(dossierId: string, action: string, status: AgencyDossierStatus): ConflictError {
  return new ConflictError({
    code: 'dossier.wrong-state',
    message: `Cannot ${action} dossier ${dossierId} in state ${status}`,
    messageVi: `Không thể thực hiện thao tác này: hồ sơ ${STATUS_VI[status]}.`,
    details: { status },
  });
}

export function supplementWindowClosed(dossierId: string, deadline: Date): RuleViolationError {
  return new RuleViolationError({
    code: 'supplement.window-closed',
    message: `A supplement for dossier ${dossierId} had to be requested within 3 working days of receipt (by ${deadline.toISOString()})`,
    messageVi: 'Đã quá 03 ngày làm việc kể từ khi tiếp nhận hồ sơ: không được yêu cầu bổ sung (NĐ 61/2018 Điều 19 khoản 4).',
    details: { deadline: deadline.toISOString() },
  });
}

export function alreadyRescheduled(dossierId: string): ConflictError {
  return new ConflictError({
    code: 'reschedule.already-done',
    message: `Dossier ${dossierId} was already rescheduled once; the return date may be rescheduled only once`,
    messageVi: 'Hồ sơ đã được hẹn lại ngày trả kết quả một lần; không được hẹn lại lần thứ hai.',
  });
}

export function rescheduleTooLate(dossierId: string, dueDate: string): RuleViolationError {
  return new RuleViolationError({
    code: 'reschedule.too-late',
    message: `The apology slip for dossier ${dossierId} must be sent at least one day before the due date ${dueDate}`,
    messageVi: 'Phiếu xin lỗi và hẹn lại ngày trả phải gửi chậm nhất 01 ngày trước ngày hết hạn.',
    details: { dueDate },
  });
}

export function newDueDateNotLater(dossierId: string, dueDate: string, newDueDate: string): RuleViolationError {
  return new RuleViolationError({
    code: 'reschedule.not-later',
    message: `The new return date ${newDueDate} of dossier ${dossierId} must be after the current due date ${dueDate}`,
    messageVi: 'Ngày hẹn trả mới phải sau hạn giải quyết hiện tại.',
    details: { dueDate, newDueDate },
  });
}

export function resultNeedsDocumentOrReference(): InvalidInputError {
  return new InvalidInputError({
    code: 'result.document-or-reference',
    message: 'A result needs a document, a result reference, or both',
    messageVi: 'Kết quả phải có văn bản hoặc số, ký hiệu văn bản.',
  });
}

export function noTimeLimit(procedureCode: string): RuleViolationError {
  return new RuleViolationError({
    code: 'catalog.no-time-limit',
    message: `Procedure ${procedureCode} has no time limit in the catalog`,
    messageVi: 'Thủ tục chưa có thời hạn giải quyết trong danh mục.',
  });
}
