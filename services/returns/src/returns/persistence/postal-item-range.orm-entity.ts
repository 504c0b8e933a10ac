import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A block of S10 serials a postal point draws its return item ids from. */
@Entity({ name: 'postal_item_ranges' })
export class PostalItemRangeOrmEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ name: 'service_indicator', type: 'text' })
  serviceIndicator!: string;

  @Column({ name: 'first_serial', type: 'integer' })
  firstSerial!: number;

  @Column({ name: 'last_serial', type: 'integer' })
  lastSerial!: number;

  @Column({ name: 'next_serial', type: 'integer' })
  nextSerial!: number;
}
