import { randomUUID } from 'node:crypto';
import type { Catalog, CatalogSnapshot, PostalLeg, PostalPoint, Agency } from '@bcci/catalog';
import { RuleViolationError, toVietnamDate } from '@bcci/kernel';
import { GroupCommit, type GroupCommitOptions } from '@bcci/persistence';
import { IdempotencyStore } from '@bcci/service-kit';
import { DossierOrmEntity } from '../persistence/dossier.orm-entity';
import type { BlindIndex } from '../../pii/blind-index';
import type { PiiCipher } from '../../pii/pii-cipher';
import { maskIdentityNumber, maskPhone } from '../domain/personal-data';
import { checkRegistration, checkServiceForm, type CheckedRegistration, type RegistrationInput } from '../domain/registration';
import { openPostalPoint, requireEligibleProcedure } from '../domain/eligibility';
import { selectPostalLeg } from '../domain/postal-leg';
import { forwardLegDeadline, intakeDayOf } from '../domain/postal-deadline';
import { nameTokens } from '../domain/search-terms';
import { generateLookupPin, lookupPinHash } from '../domain/lookup-pin';
import { sendsDossier } from '../domain/service-form';
import type { Clock } from './clock';
import { clerkPostalCode } from './dossier-access';
import type { DossierView } from './dossier-view';
import { staffRefOf, type IntakeActor } from './intake-actor';
import type { PersonalDataRecord } from './personal-data-record';
import type { PreparedRegistration, RegistrationWriter } from './registration-writer';

export interface RegisterDossierRequest {
  readonly actor: IntakeActor;
  readonly input: RegistrationInput;
  readonly idempotencyKey?: string;
  readonly traceparent?: string;
  readonly correlationId?: string;
}

export interface RegisterDossierDeps {
  readonly catalog: Catalog;
  readonly cipher: PiiCipher;
  readonly blindIndex: BlindIndex;
  readonly writer: RegistrationWriter;
  readonly clock: Clock;
  /** How registrations are grouped into transactions (defaults: up to 64 per transaction, 2 at once). */
  readonly groupCommit?: GroupCommitOptions;
}

/**
 * Registers a dossier at the clerk's counter (QĐ 45 Đ6, TT 17 Đ5.1): checks it against the catalog of the
 * day, computes J and J+n, encrypts the personal data, then hands it to the registration writer, which
 * allocates the S10 item id and the provisional id and writes the dossier, its search tokens, its event
 * and the idempotency record in one transaction, shared with the registrations of other counters that
 * arrived at the same moment.
 */
export class RegisterDossierUseCase {
  private readonly registrations: GroupCommit<PreparedRegistration, DossierView>;

  constructor(private readonly deps: RegisterDossierDeps) {
    this.registrations = new GroupCommit((batch) => deps.writer.write(batch), deps.groupCommit ?? { maxBatch: 64, maxInFlight: 2 });
  }

  async execute(request: RegisterDossierRequest): Promise<DossierView> {
    // Everything is checked before the transaction: a refused request writes nothing, not even its key.
    // A retry with the same key gets the first answer from the store and allocates nothing.
    return this.registrations.submit(this.prepare(request));
  }

  /** Nest calls this before closing the database: registrations already accepted are written first. */
  beforeApplicationShutdown(): Promise<void> {
    return this.registrations.drained();
  }

  private prepare(request: RegisterDossierRequest): PreparedRegistration {
    const postalCode = clerkPostalCode(request.actor);
    if (request.idempotencyKey !== undefined) IdempotencyStore.assertValidKey(request.idempotencyKey);
    const receivedAt = this.deps.clock.now();
    const receivedOn = toVietnamDate(receivedAt);
    const snapshot = this.deps.catalog.at(receivedOn);
    const point = openPostalPoint(snapshot, postalCode);
    const form = checkServiceForm(request.input.serviceForm);
    const { procedure, agency } = requireEligibleProcedure(snapshot, String(request.input.procedureCode ?? '').trim(), form);
    const checked = checkRegistration(request.input, procedure, { postalCode, asOfYear: Number(receivedOn.slice(0, 4)) });
    const intakeDay = intakeDayOf(receivedAt);
    const deadline = sendsDossier(form) ? forwardLegDeadline(receivedAt, this.legFor(snapshot, intakeDay, point, agency)) : null;
    const lineage = snapshot.lineageOf(point.administrativeUnitCode);
    const lookupPin = generateLookupPin();
    const dossier = this.buildDossier({
      lookupPin,
      checked,
      postalCode,
      receivedAt,
      intakeDay,
      deadline,
      procedure: { code: procedure.code, name: procedure.name },
      agency: { id: agency.id, name: agency.name },
      actor: request.actor,
    });
    return {
      dossier,
      receivedOn,
      withPostalItem: sendsDossier(checked.serviceForm),
      tokens: this.searchTokens(checked),
      eventContext: {
        provinceCode: lineage.find((unit) => unit.level === 'province')?.code,
        communeCode: point.administrativeUnitCode,
        staffRef: staffRefOf(request.actor),
        correlationId: request.correlationId,
        lookupPinHash: lookupPinHash(dossier.id, lookupPin),
      },
      ...(request.traceparent ? { traceparent: request.traceparent } : {}),
      ...(request.idempotencyKey !== undefined
        ? { idempotency: { scope: `register-dossier:${postalCode}`, key: request.idempotencyKey, request: request.input } }
        : {}),
    };
  }

  /** The catalog leg in force on J; around a reorganisation the receipt day's geography is the fallback. */
  private legFor(receiptSnapshot: CatalogSnapshot, intakeDay: string, point: PostalPoint, agency: Agency): PostalLeg {
    const onJ = this.deps.catalog.at(intakeDay);
    try {
      return selectPostalLeg(onJ, onJ.findPostalPoint(point.postalCode) ?? point, onJ.findAgency(agency.id) ?? agency);
    } catch (error) {
      if (error instanceof RuleViolationError) throw error;
      return selectPostalLeg(receiptSnapshot, point, agency);
    }
  }

  /** The dossier row without the identifiers the writer allocates (provisional id, S10 item id). */
  private buildDossier(input: {
    lookupPin: string;
    checked: CheckedRegistration;
    postalCode: string;
    receivedAt: Date;
    intakeDay: string;
    deadline: ReturnType<typeof forwardLegDeadline> | null;
    procedure: { code: string; name: string };
    agency: { id: string; name: string };
    actor: IntakeActor;
  }): DossierOrmEntity {
    const { checked } = input;
    const id = randomUUID();
    const applicantRef = randomUUID();
    const recipientIsApplicant = checked.recipient !== null && this.isApplicant(checked);
    const record: PersonalDataRecord = {
      applicant: checked.applicant,
      recipient: checked.recipient,
      recipientIsApplicant,
      lookupPin: input.lookupPin,
    };
    const ciphertext = this.deps.cipher.encrypt(record, id);
    const dossier = new DossierOrmEntity();
    Object.assign(dossier, {
      id,
      provisionalDossierId: '',
      dossierCode: checked.dossierCode,
      postalItemId: null,
      postalCode: input.postalCode,
      serviceForm: checked.serviceForm,
      receivingChannel: checked.receivingChannel,
      procedureCode: input.procedure.code,
      procedureName: input.procedure.name,
      agencyId: input.agency.id,
      agencyName: input.agency.name,
      catalogVersion: this.deps.catalog.shortVersion,
      components: checked.components.map((component) => ({ ...component, componentId: randomUUID() })),
      agencyFee: checked.fees.agencyFee,
      agencyFeePaymentMethod: checked.fees.agencyFeePaymentMethod,
      postageForwardLeg: checked.fees.postageForwardLeg,
      postageReturnLeg: checked.fees.postageReturnLeg,
      postagePaymentMethod: checked.fees.postagePaymentMethod,
      sealNumber: checked.sealNumber,
      intakeDay: input.intakeDay,
      receivedAt: input.receivedAt,
      postalDeadline: input.deadline,
      returnDeliveryMode: checked.returnDestination?.deliveryMode ?? null,
      returnPostalCode: checked.returnDestination?.postalCode ?? null,
      status: 'REGISTERED',
      dispatchedAt: null,
      withdrawnAt: null,
      withdrawalReasonCode: null,
      withdrawalReason: null,
      clerkRef: staffRefOf(input.actor),
      clerkName: input.actor.displayName ?? staffRefOf(input.actor),
      applicantRef,
      recipientRef: checked.recipient === null ? null : recipientIsApplicant ? applicantRef : randomUUID(),
      identityDocumentKind: checked.applicant.identityDocument.kind,
      identityNumberMasked: maskIdentityNumber(checked.applicant.identityDocument.number),
      phoneMasked: maskPhone(checked.applicant.phone),
      piiKeyId: ciphertext.keyId,
      piiCiphertext: ciphertext.data,
    } satisfies Partial<DossierOrmEntity>);
    return dossier;
  }

  private isApplicant(checked: CheckedRegistration): boolean {
    const { applicant, recipient } = checked;
    return recipient !== null && recipient.fullName === applicant.fullName && recipient.phone === applicant.phone && recipient.address === applicant.address;
  }

  /** Blind-index tokens: each folded word of the applicant's name, and the phones to reach the dossier by. */
  private searchTokens(checked: CheckedRegistration): { kind: 'name' | 'phone'; token: string }[] {
    const index = this.deps.blindIndex;
    const phones = new Set([checked.applicant.phone, ...(checked.recipient ? [checked.recipient.phone] : [])]);
    return [
      ...nameTokens(checked.applicant.fullName).map((word) => ({ kind: 'name' as const, token: index.token('name', word) })),
      ...[...phones].map((phone) => ({ kind: 'phone' as const, token: index.token('phone', phone) })),
    ];
  }
}
