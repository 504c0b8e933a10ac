import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { errorBody } from './error-body';

export interface FieldIssue {
  /** Dotted path of the property, e.g. `applicant.phone` or `components.0.count`. */
  field: string;
  /** class-validator constraint, e.g. `isNotEmpty`, `whitelistValidation`. */
  constraint: string;
  message: string;
  messageVi: string;
}

/** Vietnamese for the usual constraints; a DTO can give its own with `{ context: { messageVi: '…' } }`. */
const CONSTRAINT_VI: Record<string, string> = {
  isDefined: 'là bắt buộc',
  isNotEmpty: 'không được để trống',
  isString: 'phải là chuỗi ký tự',
  isInt: 'phải là số nguyên',
  isNumber: 'phải là số',
  isPositive: 'phải là số dương',
  isNegative: 'phải là số âm',
  min: 'nhỏ hơn giá trị cho phép',
  max: 'lớn hơn giá trị cho phép',
  isBoolean: 'phải là đúng hoặc sai (true/false)',
  isEnum: 'không thuộc danh sách giá trị cho phép',
  isIn: 'không thuộc danh sách giá trị cho phép',
  isUUID: 'phải là mã định danh UUID',
  isDateString: 'phải là ngày giờ theo định dạng ISO 8601',
  isISO8601: 'phải là ngày giờ theo định dạng ISO 8601',
  isDate: 'phải là ngày hợp lệ',
  isArray: 'phải là danh sách',
  arrayMinSize: 'có ít phần tử hơn mức tối thiểu',
  arrayMaxSize: 'có nhiều phần tử hơn mức tối đa',
  arrayNotEmpty: 'phải có ít nhất một phần tử',
  arrayUnique: 'không được có phần tử trùng nhau',
  minLength: 'ngắn hơn độ dài tối thiểu',
  maxLength: 'dài hơn độ dài tối đa',
  length: 'có độ dài không hợp lệ',
  matches: 'không đúng định dạng',
  isEmail: 'phải là địa chỉ email hợp lệ',
  isObject: 'phải là một đối tượng',
  nestedValidation: 'phải là một đối tượng hợp lệ',
  whitelistValidation: 'là trường không được phép gửi',
  isPhoneNumber: 'phải là số điện thoại hợp lệ',
  isNumberString: 'phải là chuỗi chữ số',
};

function vietnameseFor(constraint: string, context: Record<string, unknown> | undefined): string {
  const custom = context?.['messageVi'];
  if (typeof custom === 'string') return custom;
  return CONSTRAINT_VI[constraint] ?? 'không hợp lệ';
}

/** Flattens class-validator's tree into one issue per failed constraint, with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const context = error.contexts?.[constraint] as Record<string, unknown> | undefined;
      issues.push({ field, constraint, message, messageVi: `${field}: ${vietnameseFor(constraint, context)}` });
    }
    if (error.children?.length) issues.push(...flattenValidationErrors(error.children, field));
  }
  return issues;
}

/** ValidationPipe's exceptionFactory: one 400 listing every bad field, in English and Vietnamese. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const issues = flattenValidationErrors(errors);
  return new BadRequestException(
    errorBody(400, {
      code: 'validation-failed',
      message: `Validation failed: ${issues.map((issue) => issue.message).join('; ')}`,
      messageVi: `Dữ liệu chưa hợp lệ: ${issues.map((issue) => issue.messageVi).join('; ')}.`,
      details: issues,
    }),
  );
}
