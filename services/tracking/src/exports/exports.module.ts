import { Module } from '@nestjs/common';
import { CountingModule } from '../counting/counting.module';
import { ExportsController } from './api/exports.controller';

/** XLSX and CSV exports: the BCCI ratio report, the TT 17/2017 Đ13 periodic report and the dossier register. */
@Module({ imports: [CountingModule], controllers: [ExportsController] })
export class ExportsModule {}
