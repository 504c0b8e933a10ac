import type { LocalDate } from '@bcci/kernel';
import { classifyEvent } from '../../timeline/domain/classify-event';
import type { Stage } from '../../timeline/domain/stage';
import { dataObject, dataString, eventName, inEventTimeOrder, type TimelineEvent } from '../../timeline/domain/timeline-event';

export type DossierReferenceKind = 'PROVISIONAL_ID' | 'DOSSIER_CODE' | 'S10_ITEM';

export interface DossierReference {
  readonly reference: string;
  readonly kind: DossierReferenceKind;
}

/** What tracking knows of a dossier from its events: identifiers, who and where, where it stands, key times. */
export interface DossierSummary {
  readonly dossierId: string;
  readonly provisionalDossierId?: string;
  readonly dossierCode?: string;
  readonly procedureCode?: string;
  readonly intakePostalCode?: string;
  /** Province of the intake, as the event said or as the catalog placed the postal point that day. */
  readonly provinceCode?: string;
  readonly agencyId?: string;
  readonly serviceForm?: string;
  readonly receivingChannel?: number;
  readonly returnPostalCode?: string;
  readonly currentStage: Stage;
  readonly nationalStatus?: number;
  readonly intakeDay?: LocalDate;
  readonly registeredAt?: string;
  /** Legal filing time: the handover record's signature (QĐ 45 Đ7). */
  readonly filedAt?: string;
  readonly resultIssuedAt?: string;
  readonly deliveredAt?: string;
  readonly withdrawnAt?: string;
  readonly firstEventAt: string;
  readonly lastEventAt: string;
  readonly eventCount: number;
  readonly lookupPinHash?: string;
  readonly references: readonly DossierReference[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Folds a dossier's events, in event-time order, into its summary. Later facts win for what changes
 * (agency once forwarding decided, stage, national status), the first fact wins for what happens once
 * (registration, legal filing, delivery). Same events in any arrival order → same summary.
 */
export function summarizeDossier(dossierId: string, events: readonly TimelineEvent[]): DossierSummary {
  if (events.length === 0) throw new Error(`no events for dossier ${dossierId}`);
  const ordered = inEventTimeOrder(events);
  const summary: Mutable<Omit<DossierSummary, 'references'>> = {
    dossierId,
    currentStage: 'intake',
    firstEventAt: new Date(ordered[0].time).toISOString(),
    lastEventAt: new Date(ordered[ordered.length - 1].time).toISOString(),
    eventCount: ordered.length,
  };
  const references = new Map<string, DossierReference>();
  const reference = (value: string | undefined, kind: DossierReferenceKind) => {
    if (value) references.set(`${kind}:${value}`, { reference: value, kind });
  };
  let expectedAgencyId: string | undefined;

  for (const event of ordered) {
    const at = (field: string) => dataString(event, field);
    const classification = classifyEvent(event);
    summary.currentStage = classification.stage;
    if (classification.nationalStatus !== undefined) summary.nationalStatus = classification.nationalStatus;
    reference(at('s10ItemId'), 'S10_ITEM');
    reference(at('dossierCode'), 'DOSSIER_CODE');
    reference(at('provisionalDossierId'), 'PROVISIONAL_ID');
    if (at('dossierCode')) summary.dossierCode = at('dossierCode');
    if (at('provisionalDossierId')) summary.provisionalDossierId ??= at('provisionalDossierId');
    if (at('procedureCode')) summary.procedureCode = at('procedureCode');

    switch (eventName(event.type)) {
      case 'dossier-registered': {
        const site = dataObject(event, 'intakeSite');
        const destination = dataObject(event, 'returnDestination');
        summary.intakePostalCode = typeof site?.postalCode === 'string' ? site.postalCode : summary.intakePostalCode;
        if (typeof site?.provinceCode === 'string') summary.provinceCode = site.provinceCode;
        if (typeof destination?.postalCode === 'string') summary.returnPostalCode ??= destination.postalCode;
        summary.serviceForm = at('serviceForm');
        summary.receivingChannel = typeof event.data.receivingChannel === 'number' ? event.data.receivingChannel : undefined;
        summary.intakeDay = at('intakeDay') as LocalDate | undefined;
        summary.registeredAt ??= at('registeredAt');
        summary.lookupPinHash = at('lookupPinHash') ?? summary.lookupPinHash;
        expectedAgencyId = at('expectedAgencyId');
        break;
      }
      case 'dossier-published-to-agency':
        summary.intakePostalCode ??= at('intakePostalCode');
        summary.serviceForm ??= at('serviceForm');
        summary.intakeDay ??= at('intakeDay') as LocalDate | undefined;
        break;
      case 'handover-record-signed':
        summary.filedAt ??= at('signedAt');
        break;
      case 'result-issued':
        summary.resultIssuedAt ??= at('issuedAt');
        break;
      case 'return-leg-opened':
        summary.returnPostalCode = at('destinationPostalCode') ?? summary.returnPostalCode;
        break;
      case 'result-delivered':
        summary.deliveredAt ??= at('deliveredAt');
        break;
      case 'dossier-withdrawn':
        summary.withdrawnAt ??= at('withdrawnAt');
        break;
      default:
        break;
    }
    // Forwarding decides the competent agency on the intake day; the intake's expectation is a fallback.
    if (eventName(event.type) !== 'dossier-registered' && at('agencyId')) summary.agencyId = at('agencyId');
  }
  summary.agencyId ??= expectedAgencyId;
  for (const key of Object.keys(summary) as Array<keyof typeof summary>) if (summary[key] === undefined) delete summary[key];
  return { ...summary, references: [...references.values()] };
}
