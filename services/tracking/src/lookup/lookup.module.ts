import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceData } from '../reference-data/reference-data';
import { PublicLookupController } from './api/public-lookup.controller';
import { PublicLookup } from './application/public-lookup.use-case';

/** The citizens' free lookup by reference and PIN. */
@Module({
  controllers: [PublicLookupController],
  providers: [{ provide: PublicLookup, inject: [DataSource, ReferenceData], useFactory: (dataSource: DataSource, referenceData: ReferenceData) => new PublicLookup(dataSource, referenceData) }],
})
export class LookupModule {}
