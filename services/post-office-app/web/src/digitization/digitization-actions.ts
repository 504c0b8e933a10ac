import type { NewAction, Outbox } from '../outbox/outbox';
import type { CertificationKind, DigitizedComponent, DossierDigitization, ReuseSourceKind, ServiceRefusal } from './digitization-views';

/**
 * The operator's actions, each sent through the outbox. The digitization service does NOT read the
 * Idempotency-Key header the outbox sends (no @IdempotencyKey in its controller); what makes a resend
 * after a lost answer safe differs per action:
 * - scan upload: idempotent by content. The same bytes for the same component again answer 200 with no
 *   new event (201 only for a new document); a different file replaces the scan and voids its certification.
 * - reuse: idempotent by content. The same document from the same source again answers 200, nothing recorded.
 * - certification: applied once per document. A resend is refused with 409 COMPONENT_ALREADY_CERTIFIED,
 *   which here means "already done" (see `alreadyDone`).
 * - complete: applied once. A resend is refused with 409 DIGITIZATION_CLOSED (the dossier is locked).
 * - close as incomplete: NOT idempotent. A dossier already closed incomplete may be closed again, so a
 *   resend after a lost answer publishes a second dossier-digitization-incomplete event (a service gap,
 *   reported to the lead); the reason is the same, so the record stays consistent.
 */

const componentPath = (dossier: DossierDigitization, component: DigitizedComponent, tail: string) =>
  `/dossiers/${dossier.dossierId}/components/${encodeURIComponent(component.componentCode)}/${tail}`;

const context = (dossier: DossierDigitization) => ({ dossierId: dossier.dossierId, provisionalDossierId: dossier.provisionalDossierId });

export function uploadScanAction(dossier: DossierDigitization, component: DigitizedComponent, file: File): NewAction {
  return {
    kind: 'digitization-scan',
    label: `Tải bản quét — ${component.title} (${dossier.provisionalDossierId})`,
    request: { service: 'digitization', method: 'POST', path: componentPath(dossier, component, 'scans'), file: { field: 'file', blob: file, fileName: file.name || 'ban-quet' } },
    context: context(dossier),
  };
}

export function certifyAction(dossier: DossierDigitization, component: DigitizedComponent, certification: CertificationKind, note: string): NewAction {
  return {
    kind: 'digitization-certify',
    label: `Chứng thực — ${component.title} (${dossier.provisionalDossierId})`,
    request: {
      service: 'digitization',
      method: 'POST',
      path: componentPath(dossier, component, 'certification'),
      json: { certification, ...(note.trim() ? { note: note.trim() } : {}) },
    },
    context: context(dossier),
  };
}

export interface ReuseInput {
  readonly sourceKind: ReuseSourceKind;
  readonly sourceRef: string;
  readonly sourceComponentCode: string;
  readonly contentHash: string;
}

export function reuseAction(dossier: DossierDigitization, component: DigitizedComponent, input: ReuseInput): NewAction {
  const json = {
    sourceKind: input.sourceKind,
    sourceRef: input.sourceRef.trim(),
    ...(input.sourceComponentCode.trim() ? { sourceComponentCode: input.sourceComponentCode.trim() } : {}),
    ...(input.contentHash.trim() ? { contentHash: input.contentHash.trim() } : {}),
  };
  return {
    kind: 'digitization-reuse',
    label: `Tái sử dụng tài liệu — ${component.title} (${dossier.provisionalDossierId})`,
    request: { service: 'digitization', method: 'POST', path: componentPath(dossier, component, 'reuse'), json },
    context: context(dossier),
  };
}

export function completeAction(dossier: DossierDigitization): NewAction {
  return {
    kind: 'digitization-complete',
    label: `Hoàn tất số hoá — ${dossier.provisionalDossierId}`,
    request: { service: 'digitization', method: 'POST', path: `/dossiers/${dossier.dossierId}/digitization/complete` },
    context: context(dossier),
  };
}

export function closeIncompleteAction(dossier: DossierDigitization, reason: string): NewAction {
  return {
    kind: 'digitization-incomplete',
    label: `Số hoá chưa đầy đủ — ${dossier.provisionalDossierId}`,
    request: { service: 'digitization', method: 'POST', path: `/dossiers/${dossier.dossierId}/digitization/incomplete`, json: { reason: reason.trim() } },
    context: context(dossier),
  };
}

export type ActionOutcome =
  | { readonly state: 'done'; readonly view: DossierDigitization }
  | { readonly state: 'failed'; readonly message: string; readonly refusal?: ServiceRefusal }
  | { readonly state: 'waiting'; readonly message: string };

/** Refusals that mean the action had already been applied (a resend of a certification). */
export function alreadyDone(outcome: ActionOutcome): boolean {
  return outcome.state === 'failed' && outcome.refusal?.code === 'COMPONENT_ALREADY_CERTIFIED';
}

/** Submits through the outbox and says what became of the first attempt. */
export async function runAction(outbox: Outbox, action: NewAction): Promise<ActionOutcome> {
  const item = await outbox.submit(action);
  if (item.state === 'done') return { state: 'done', view: item.response?.body as DossierDigitization };
  if (item.state === 'failed') {
    const body = item.response?.body;
    return {
      state: 'failed',
      message: item.lastError ?? 'Hệ thống từ chối thao tác.',
      ...(body && typeof body === 'object' ? { refusal: body as ServiceRefusal } : {}),
    };
  }
  return {
    state: 'waiting',
    message: `Chưa gửi được (${item.lastError || 'không có kết nối'}). Thao tác đang chờ trong Hộp thư đi và sẽ tự gửi khi có mạng.`,
  };
}
