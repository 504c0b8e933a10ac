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
  isNotBlank: 'không được để trống hoặc chỉ có khoảng trắng',
};

/**
 * How many issues an answer lists. The rest are counted, not listed: an answer stays a few KB
 * whatever was sent (an array of 200,000 bad items used to get a 49 MB 400).
 */
export const MAX_LISTED_ISSUES = 20;
/** A message or path echoes what was sent; past this it is cut. */
const MAX_ISSUE_TEXT = 300;

function cut(text: string): string {
  return text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT)}…` : text;
}

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

/**
 * ValidationPipe's exceptionFactory: one 400 in English and Vietnamese listing the first
 * MAX_LISTED_ISSUES bad fields, with `issueCount` the number of all of them.
 */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const all = flattenValidationErrors(errors);
  const listed = all.slice(0, MAX_LISTED_ISSUES).map((issue) => ({
    field: cut(issue.field),
    constraint: issue.constraint,
    message: cut(issue.message),
    messageVi: cut(issue.messageVi),
  }));
  const rest = all.length - listed.length;
  const more = rest > 0 ? ` (and ${rest} more)` : '';
  const moreVi = rest > 0 ? ` (và ${rest} lỗi khác)` : '';
  return new BadRequestException({
    ...errorBody(400, {
      code: 'validation-failed',
      message: `Validation failed: ${listed.map((issue) => issue.message).join('; ')}${more}`,
      messageVi: `Dữ liệu chưa hợp lệ: ${listed.map((issue) => issue.messageVi).join('; ')}${moreVi}.`,
      details: listed,
    }),
    issueCount: all.length,
  });
}
