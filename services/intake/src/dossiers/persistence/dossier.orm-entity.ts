import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DossierComponent } from '../domain/checklist';
import type { DossierStatus, WithdrawalReasonCode } from '../domain/dossier-status';
import type { PaymentMethod } from '../domain/fees';
import type { IdentityDocumentKind } from '../domain/personal-data';
import type { DossierPostalDeadline } from '../domain/postal-deadline';
import type { ServiceForm } from '../domain/service-form';

/** A dossier as taken in at a postal point. Personal data lives only in `piiCiphertext`. */
@Entity({ name: 'dossiers' })
export class DossierOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'provisional_dossier_id', type: 'text' }) provisionalDossierId!: string;
  @Column({ name: 'dossier_code', type: 'text', nullable: true }) dossierCode!: string | null;
  @Column({ name: 'postal_item_id', type: 'text', nullable: true }) postalItemId!: string | null;
  @Column({ name: 'postal_code', type: 'text' }) postalCode!: string;
  @Column({ name: 'service_form', type: 'smallint' }) serviceForm!: ServiceForm;
  @Column({ name: 'receiving_channel', type: 'smallint' }) receivingChannel!: 1 | 2 | 3;
  @Column({ name: 'procedure_code', type: 'text' }) procedureCode!: string;
  @Column({ name: 'procedure_name', type: 'text' }) procedureName!: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId!: string;
  @Column({ name: 'agency_name', type: 'text' }) agencyName!: string;
  @Column({ name: 'catalog_version', type: 'text' }) catalogVersion!: string;
  @Column({ type: 'jsonb' }) components!: DossierComponent[];
  @Column({ name: 'agency_fee', type: 'integer' }) agencyFee!: number;
  @Column({ name: 'agency_fee_payment_method', type: 'text', nullable: true }) agencyFeePaymentMethod!: PaymentMethod | null;
  @Column({ name: 'postage_forward_leg', type: 'integer' }) postageForwardLeg!: number;
  @Column({ name: 'postage_return_leg', type: 'integer' }) postageReturnLeg!: number;
  @Column({ name: 'postage_payment_method', type: 'text', nullable: true }) postagePaymentMethod!: PaymentMethod | null;
  @Column({ name: 'seal_number', type: 'text', nullable: true }) sealNumber!: string | null;
  @Column({ name: 'intake_day', type: 'date' }) intakeDay!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'postal_deadline', type: 'jsonb', nullable: true }) postalDeadline!: DossierPostalDeadline | null;
  @Column({ name: 'return_delivery_mode', type: 'text', nullable: true }) returnDeliveryMode!: 'HOME' | 'COUNTER' | null;
  @Column({ name: 'return_postal_code', type: 'text', nullable: true }) returnPostalCode!: string | null;
  @Column({ type: 'text' }) status!: DossierStatus;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ name: 'withdrawal_reason_code', type: 'text', nullable: true }) withdrawalReasonCode!: WithdrawalReasonCode | null;
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true }) withdrawalReason!: string | null;
  @Column({ name: 'clerk_ref', type: 'text' }) clerkRef!: string;
  @Column({ name: 'clerk_name', type: 'text' }) clerkName!: string;
  @Column({ name: 'applicant_ref', type: 'uuid' }) applicantRef!: string;
  @Column({ name: 'recipient_ref', type: 'uuid', nullable: true }) recipientRef!: string | null;
  @Column({ name: 'identity_document_kind', type: 'text' }) identityDocumentKind!: IdentityDocumentKind;
  @Column({ name: 'identity_number_masked', type: 'text' }) identityNumberMasked!: string;
  @Column({ name: 'phone_masked', type: 'text' }) phoneMasked!: string;
  @Column({ name: 'pii_key_id', type: 'text' }) piiKeyId!: string;
  @Column({ name: 'pii_ciphertext', type: 'bytea' }) piiCiphertext!: Buffer;
}
