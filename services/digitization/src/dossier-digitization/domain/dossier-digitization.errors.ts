import { ConflictError, NotFoundError, RuleViolationError } from '@bcci/kernel';

export class UnknownComponentError extends NotFoundError {
  constructor(dossierId: string, componentCode: string) {
    super({
      code: 'COMPONENT_UNKNOWN',
      message: `Dossier ${dossierId} has no component ${componentCode}`,
      messageVi: `Hồ sơ không có thành phần mã "${componentCode}" (theo danh sách kiểm đếm khi tiếp nhận).`,
      details: { dossierId, componentCode },
    });
  }
}

export class DossierNotDigitizableError extends ConflictError {
  constructor(dossierId: string, status: string) {
    const vi =
      status === 'WITHDRAWN'
        ? 'Hồ sơ đã được công dân rút, không số hoá tiếp.'
        : 'Hồ sơ đã số hoá đầy đủ và đã khoá, không thay đổi được nữa.';
    super({
      code: 'DIGITIZATION_CLOSED',
      message: `Digitization of dossier ${dossierId} is ${status} and accepts no change`,
      messageVi: vi,
      details: { dossierId, status },
    });
  }
}

export class NothingToCertifyError extends ConflictError {
  constructor(componentCode: string) {
    super({
      code: 'COMPONENT_NOT_DIGITIZED',
      message: `Component ${componentCode} has no scan to certify yet`,
      messageVi: `Thành phần "${componentCode}" chưa có bản quét nên chưa chứng thực được.`,
      details: { componentCode },
    });
  }
}

export class AlreadyCertifiedError extends ConflictError {
  constructor(componentCode: string) {
    super({
      code: 'COMPONENT_ALREADY_CERTIFIED',
      message: `The current scan of component ${componentCode} is already certified`,
      messageVi: `Bản quét hiện tại của thành phần "${componentCode}" đã được chứng thực.`,
      details: { componentCode },
    });
  }
}

export interface MissingComponent {
  readonly componentCode: string;
  readonly title: string;
  readonly missing: 'SCAN' | 'CERTIFICATION';
}

export class DigitizationIncompleteError extends RuleViolationError {
  constructor(dossierId: string, missing: readonly MissingComponent[]) {
    const list = missing.map((m) => `${m.componentCode} (${m.missing === 'SCAN' ? 'chưa quét' : 'chưa chứng thực'})`).join(', ');
    super({
      code: 'DIGITIZATION_INCOMPLETE',
      message: `Dossier ${dossierId} is not fully digitized: ${missing.map((m) => `${m.componentCode} lacks ${m.missing.toLowerCase()}`).join(', ')}`,
      messageVi: `Hồ sơ chưa số hoá đầy đủ, còn thiếu: ${list}.`,
      details: { dossierId, missing },
    });
  }
}

export class NothingMissingError extends RuleViolationError {
  constructor(dossierId: string) {
    super({
      code: 'DIGITIZATION_NOT_INCOMPLETE',
      message: `Dossier ${dossierId} lacks nothing: complete it instead of closing it as incomplete`,
      messageVi: 'Hồ sơ đã đủ mọi thành phần bắt buộc: hãy xác nhận số hoá đầy đủ thay vì đóng là chưa đầy đủ.',
      details: { dossierId },
    });
  }
}

export class NoComponentsError extends ConflictError {
  constructor(dossierId: string) {
    super({
      code: 'DOSSIER_HAS_NO_COMPONENTS',
      message: `Dossier ${dossierId} was registered without components (result by post only): nothing to digitize`,
      messageVi: 'Hồ sơ chỉ đăng ký nhận kết quả qua bưu chính, không có thành phần hồ sơ để số hoá.',
      details: { dossierId },
    });
  }
}
