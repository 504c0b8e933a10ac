import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SimulatorCommand } from '../domain/simulator-command';

/** The simulator's own small state: where it is with each dossier, so a restart resumes. */
@Entity({ name: 'simulated_dossiers' })
export class SimulatedDossierOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ name: 'step', type: 'text' })
  step!: string;

  @Column({ name: 'service_form', type: 'text' })
  serviceForm!: string;

  @Column({ name: 'component_codes', type: 'jsonb' })
  componentCodes!: string[];

  @Column({ name: 'decide_at', type: 'timestamptz', nullable: true })
  decideAt!: Date | null;

  /** HTTP mode only: decisions made but not yet accepted by the gateway (Kafka mode uses the outbox). */
  @Column({ name: 'pending_commands', type: 'jsonb' })
  pendingCommands!: SimulatorCommand[];

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
