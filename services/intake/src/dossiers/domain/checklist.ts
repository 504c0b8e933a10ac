import type { DocumentForm, Procedure, ProcedureComponent } from '@bcci/catalog';
import { InvalidInputError } from '@bcci/kernel';
import type { FieldIssue } from './intake-errors';
import { throwIfIssues } from './intake-errors';

/**
 * A line of the procedure's published checklist with the code clerks send back. The catalog lists
 * components in published order without codes of their own, so the code is the position ("TP1" =
 * thành phần 1). It is only meaningful together with the catalog version recorded on the dossier.
 */
export interface ChecklistItem extends ProcedureComponent {
  readonly code: string;
}

export function checklistOf(procedure: Pick<Procedure, 'components'>): ChecklistItem[] {
  return procedure.components.map((component, index) => ({ ...component, code: `TP${index + 1}` }));
}

export interface SubmittedComponent {
  readonly code: string;
  readonly kind: DocumentForm;
  readonly count: number;
}

/** A component as counted at the counter, with its checklist name (what the slip and the agency read). */
export interface CheckedComponent {
  readonly code: string;
  readonly name: string;
  readonly kind: DocumentForm;
  readonly count: number;
  readonly required: boolean;
}

export interface MissingComponent {
  readonly code: string;
  readonly name: string;
  readonly expectedCount: number;
  readonly submittedCount: number;
}

/** One document bundle rarely exceeds a few copies; a larger count is a typing slip. */
export const MAX_COMPONENT_COUNT = 100;

/**
 * The checklist check of QĐ 45 Đ6.2–3 and TT 17 Đ5.1.a–b: every submitted line must be on the
 * checklist in a form the agency accepts, and every required line must be there in the published
 * number. Missing lines are listed back by name so the clerk can guide the applicant to supplement.
 */
export function checkComponents(checklist: readonly ChecklistItem[], submitted: readonly SubmittedComponent[]): CheckedComponent[] {
  const issues: FieldIssue[] = [];
  const byCode = new Map(checklist.map((item) => [item.code, item]));
  const counted = new Map<string, CheckedComponent[]>();
  submitted.forEach((line, index) => {
    const field = `components[${index}]`;
    const item = byCode.get(line.code);
    if (!item) {
      issues.push({
        field,
        code: 'components.unknown',
        message: `Component ${line.code} is not on this procedure's checklist (${checklist.map((c) => c.code).join(', ')})`,
        messageVi: `Thành phần "${line.code}" không có trong danh mục hồ sơ của thủ tục này.`,
      });
      return;
    }
    if (!Number.isInteger(line.count) || line.count < 1 || line.count > MAX_COMPONENT_COUNT) {
      issues.push({
        field: `${field}.count`,
        code: 'components.count',
        message: `Count of ${line.code} must be a whole number from 1 to ${MAX_COMPONENT_COUNT}, got ${line.count}`,
        messageVi: `Số lượng của "${item.name}" phải là số nguyên từ 1 đến ${MAX_COMPONENT_COUNT}.`,
      });
      return;
    }
    if (!item.accepts.includes(line.kind)) {
      issues.push({
        field: `${field}.kind`,
        code: 'components.form-not-accepted',
        message: `${line.code} must be submitted as ${item.accepts.join(' or ')}, got ${line.kind}`,
        messageVi: `"${item.name}" phải nộp ${item.accepts.map(documentFormVi).join(' hoặc ')}, không nhận ${documentFormVi(line.kind)}.`,
      });
      return;
    }
    const lines = counted.get(item.code) ?? [];
    if (lines.some((other) => other.kind === line.kind)) {
      issues.push({
        field,
        code: 'components.duplicate',
        message: `${line.code} (${line.kind}) is listed twice; give one line with the total count`,
        messageVi: `"${item.name}" (${documentFormVi(line.kind)}) bị khai hai lần: ghi một dòng với tổng số lượng.`,
      });
      return;
    }
    lines.push({ code: item.code, name: item.name, kind: line.kind, count: line.count, required: item.required });
    counted.set(item.code, lines);
  });
  throwIfIssues(issues);

  const missing: MissingComponent[] = checklist
    .filter((item) => item.required)
    .map((item) => ({
      code: item.code,
      name: item.name,
      expectedCount: item.count,
      submittedCount: (counted.get(item.code) ?? []).reduce((sum, line) => sum + line.count, 0),
    }))
    .filter((line) => line.submittedCount < line.expectedCount);
  if (missing.length > 0) throw missingComponentsError(missing);

  // Published order, so the slip lists documents the way the agency's checklist does.
  return checklist.flatMap((item) => counted.get(item.code) ?? []);
}

export function missingComponentsError(missing: readonly MissingComponent[]): InvalidInputError {
  return new InvalidInputError({
    code: 'components.missing',
    message: `Missing required components: ${missing.map((m) => m.code).join(', ')}`,
    messageVi: `Hồ sơ còn thiếu thành phần bắt buộc, đề nghị người nộp bổ sung: ${missing
      .map((m) => (m.submittedCount > 0 ? `${m.name} (cần ${m.expectedCount}, mới có ${m.submittedCount})` : m.name))
      .join('; ')}.`,
    details: { missingComponents: missing },
  });
}

export function documentFormVi(kind: DocumentForm): string {
  return kind === 'original' ? 'bản chính' : 'bản sao';
}

/** A counted component as stored on the dossier, with the opaque id digitization refers to. */
export interface DossierComponent extends CheckedComponent {
  readonly componentId: string;
}
