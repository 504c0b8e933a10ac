import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Audit of one read of a dossier's personal data: who, in which role, when, and why. */
@Entity({ name: 'personal_data_reads' })
export class PersonalDataReadOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'actor_ref', type: 'text' }) actorRef!: string;
  @Column({ name: 'actor_role', type: 'text' }) actorRole!: string;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ name: 'read_at', type: 'timestamptz' }) readAt!: Date;
}
