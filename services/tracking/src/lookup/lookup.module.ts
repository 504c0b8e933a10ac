import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceData } from '../reference-data/reference-data';
import { LookupPageController } from './api/lookup-page.controller';
import { PublicLookupController } from './api/public-lookup.controller';
import { LookupFailureHousekeeping } from './application/lookup-failure-housekeeping';
import { PublicLookup } from './application/public-lookup.use-case';

/** The citizens' free lookup by reference and PIN: the JSON answer and the page the slip's QR code opens. */
@Module({
  controllers: [PublicLookupController, LookupPageController],
  providers: [
    { provide: PublicLookup, inject: [DataSource, ReferenceData], useFactory: (dataSource: DataSource, referenceData: ReferenceData) => new PublicLookup(dataSource, referenceData) },
    { provide: LookupFailureHousekeeping, inject: [DataSource], useFactory: (dataSource: DataSource) => new LookupFailureHousekeeping(dataSource) },
  ],
})
export class LookupModule {}
