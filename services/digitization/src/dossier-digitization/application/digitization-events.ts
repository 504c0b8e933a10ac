import { buildEvent, EventType, topicFor, type BcciEvent, type EventTypeName } from '@bcci/contracts';
import type { OutboxEntry } from '@bcci/messaging';
import type { ComponentDigitization, Completeness, DossierDigitization } from '../domain/dossier-digitization';
import type { DocumentDescriptor, StaffActor } from '../domain/digitization.types';

/** contracts: DocumentRef. */
export function documentRef(document: DocumentDescriptor) {
  return {
    documentId: document.documentId,
    contentHash: document.contentHash,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    ...(document.pageCount === undefined ? {} : { pageCount: document.pageCount }),
  };
}

function siteOf(dossier: DossierDigitization) {
  return { kind: dossier.state.site.kind, postalCode: dossier.state.site.postalCode };
}

function entry<T extends EventTypeName>(event: BcciEvent<T>): OutboxEntry {
  return { topic: topicFor(event.type), event: event as OutboxEntry['event'] };
}

export function componentDigitized(dossier: DossierDigitization, component: ComponentDigitization, at: Date): OutboxEntry {
  const document = component.document!;
  return entry(
    buildEvent({
      type: EventType.ComponentDigitized,
      correlationId: dossier.state.correlationId,
      time: at,
      data: {
        dossierId: dossier.dossierId,
        componentId: component.componentId,
        componentCode: component.componentCode,
        document: documentRef(document),
        ...(component.reusedFrom ? { reusedFrom: { ...component.reusedFrom } } : {}),
        digitizedAt: at.toISOString(),
        site: siteOf(dossier),
        actor: { ...component.digitizedBy! },
      },
    }),
  );
}

export function componentCertified(dossier: DossierDigitization, component: ComponentDigitization): OutboxEntry {
  const certification = component.certification!;
  return entry(
    buildEvent({
      type: EventType.ComponentCertified,
      correlationId: dossier.state.correlationId,
      time: certification.certifiedAt,
      data: {
        dossierId: dossier.dossierId,
        componentId: component.componentId,
        componentCode: component.componentCode,
        contentHash: component.document!.contentHash,
        certification: certification.kind,
        certifiedAt: certification.certifiedAt.toISOString(),
        ...(certification.note === undefined ? {} : { note: certification.note }),
        actor: { ...certification.certifiedBy },
      },
    }),
  );
}

type NonEmpty<T> = [T, ...T[]];

export function dossierDigitized(dossier: DossierDigitization, result: Completeness, actor: StaffActor, at: Date): OutboxEntry {
  return entry(
    buildEvent({
      type: EventType.DossierDigitized,
      correlationId: dossier.state.correlationId,
      time: at,
      data: {
        dossierId: dossier.dossierId,
        components: result.flags as NonEmpty<(typeof result.flags)[number]>,
        componentCount: result.flags.length,
        digitizedCount: result.digitizedCount,
        completedAt: at.toISOString(),
        site: siteOf(dossier),
        actor: { ...actor },
      },
    }),
  );
}

export function dossierDigitizationIncomplete(
  dossier: DossierDigitization,
  result: Completeness,
  reason: string,
  actor: StaffActor,
  at: Date,
): OutboxEntry {
  return entry(
    buildEvent({
      type: EventType.DossierDigitizationIncomplete,
      correlationId: dossier.state.correlationId,
      time: at,
      data: {
        dossierId: dossier.dossierId,
        components: result.flags as NonEmpty<(typeof result.flags)[number]>,
        missingComponentCodes: [...new Set(result.missing.map((m) => m.componentCode))] as NonEmpty<string>,
        checkedAt: at.toISOString(),
        note: reason,
        actor: { ...actor },
      },
    }),
  );
}
