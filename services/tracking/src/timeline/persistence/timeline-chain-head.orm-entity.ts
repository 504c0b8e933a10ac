import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last link of each dossier's chain: serialises appends and lets verification catch a deleted tail. */
@Entity({ name: 'timeline_chain_heads' })
export class TimelineChainHeadOrmEntity {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ type: 'integer' }) sequence!: number;
  @Column({ type: 'char', length: 64 }) hash!: string;
}
