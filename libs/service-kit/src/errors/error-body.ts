import { STATUS_CODES } from 'node:http';

/** Every error answer of every service (architecture.md §3). `code` is added when a stable machine code exists. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  messageVi: string;
  code?: string;
  details?: unknown;
  /** Validation failures: how many issues there were in all (`details` lists at most 20). */
  issueCount?: number;
}

/** What a clerk reads when the thrower gave no Vietnamese message. */
const DEFAULT_MESSAGE_VI: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ.',
  401: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu hoặc đường dẫn yêu cầu.',
  405: 'Thao tác không được hỗ trợ.',
  409: 'Thao tác xung đột với trạng thái hiện tại của hồ sơ.',
  413: 'Dữ liệu gửi lên quá lớn.',
  415: 'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  422: 'Yêu cầu không đáp ứng quy định nghiệp vụ.',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
  500: 'Hệ thống gặp lỗi, vui lòng thử lại sau.',
  503: 'Hệ thống tạm thời không sẵn sàng, vui lòng thử lại sau.',
};

export function defaultMessageVi(statusCode: number): string {
  return DEFAULT_MESSAGE_VI[statusCode] ?? (statusCode >= 500 ? DEFAULT_MESSAGE_VI[500]! : DEFAULT_MESSAGE_VI[400]!);
}

export function httpErrorName(statusCode: number): string {
  return STATUS_CODES[statusCode] ?? 'Error';
}

export function errorBody(statusCode: number, fields: Partial<Omit<ErrorBody, 'statusCode'>> & { message: string }): ErrorBody {
  return {
    statusCode,
    error: fields.error ?? httpErrorName(statusCode),
    message: fields.message,
    messageVi: fields.messageVi ?? defaultMessageVi(statusCode),
    ...(fields.code !== undefined ? { code: fields.code } : {}),
    ...(fields.details !== undefined ? { details: fields.details } : {}),
    ...(fields.issueCount !== undefined ? { issueCount: fields.issueCount } : {}),
  };
}
