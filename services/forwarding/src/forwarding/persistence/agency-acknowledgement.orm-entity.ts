import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The agency's signature for one dossier, as received from the agency gateway. Kept whether or not the
 * leg or the record exists yet (events of different streams arrive in any order); the first one wins.
 */
@Entity({ name: 'agency_acknowledgements' })
export class AgencyAcknowledgementOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz' })
  acknowledgedAt!: Date;

  @Column({ name: 'signer_role', type: 'text' })
  signerRole!: string;

  @Column({ name: 'signer_ref', type: 'text' })
  signerRef!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;
}
