import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { Catalog } from '@bcci/catalog';
import { CATALOG, CatalogModule, SERVICE_CONFIG, ServiceKitModule, type ServiceConfig } from '@bcci/service-kit';
import { digitizationConfig, type DigitizationExtraConfig } from './config/digitization.config';
import { DocumentsController } from './documents/api/documents.controller';
import { ScanErrorsInterceptor } from './documents/api/scan-errors.interceptor';
import { DIGITIZATION_SETTINGS, type DigitizationSettings } from './documents/application/digitization-settings';
import { DOCUMENT_STORE } from './documents/application/document-store.port';
import { ReadDocumentUseCase } from './documents/application/read-document.use-case';
import { ScanStorage } from './documents/application/scan-storage';
import { DocumentUseRepository } from './documents/persistence/document-use.repository';
import { FilesystemDocumentStore } from './documents/persistence/filesystem-document-store';
import { StoredDocumentRepository } from './documents/persistence/stored-document.repository';
import { digitizationEntities, digitizationMigrations } from './digitization-schema';
import { DigitizationQueueController } from './dossier-digitization/api/digitization-queue.controller';
import { DossierDigitizationController } from './dossier-digitization/api/dossier-digitization.controller';
import { CertifyComponentUseCase } from './dossier-digitization/application/certify-component.use-case';
import { CHECKLIST_SOURCE } from './dossier-digitization/application/checklist-source.port';
import { CLOCK, systemClock } from './dossier-digitization/application/clock';
import { CloseDigitizationIncompleteUseCase } from './dossier-digitization/application/close-digitization-incomplete.use-case';
import { CompleteDigitizationUseCase } from './dossier-digitization/application/complete-digitization.use-case';
import { GetDigitizationStatusUseCase } from './dossier-digitization/application/get-digitization-status.use-case';
import { ListDigitizationQueueUseCase } from './dossier-digitization/application/list-digitization-queue.use-case';
import { RegisterDossierUseCase } from './dossier-digitization/application/register-dossier.use-case';
import { ReuseDocumentUseCase } from './dossier-digitization/application/reuse-document.use-case';
import { UploadComponentScanUseCase } from './dossier-digitization/application/upload-component-scan.use-case';
import { WithdrawDossierUseCase } from './dossier-digitization/application/withdraw-dossier.use-case';
import { DossierRegisteredHandler } from './dossier-digitization/messaging/dossier-registered.handler';
import { DossierWithdrawnHandler } from './dossier-digitization/messaging/dossier-withdrawn.handler';
import { CatalogChecklistSource } from './dossier-digitization/persistence/catalog-checklist-source';
import { DigitizationQueueRepository } from './dossier-digitization/persistence/digitization-queue.repository';
import { DossierDigitizationRepository } from './dossier-digitization/persistence/dossier-digitization.repository';
import { ResultsController } from './results/api/results.controller';
import { RecordIssuedResultUseCase } from './results/application/record-issued-result.use-case';
import { UploadResultScanUseCase } from './results/application/upload-result-scan.use-case';
import { ResultIssuedHandler } from './results/messaging/result-issued.handler';
import { ResultDigitizationRepository } from './results/persistence/result-digitization.repository';

type DigitizationConfig = ServiceConfig<DigitizationExtraConfig>;

@Module({
  imports: [
    ServiceKitModule.forRoot({
      serviceName: 'digitization',
      entities: digitizationEntities,
      migrations: digitizationMigrations,
      extraConfig: digitizationConfig,
    }),
    CatalogModule,
    // Multer reads at most SCAN_MAX_BYTES (+1) of a file into memory, then answers 413.
    MulterModule.registerAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: DigitizationConfig) => ({ limits: { fileSize: config.extra.SCAN_MAX_BYTES, files: 1, fields: 10, fieldSize: 4096 } }),
    }),
  ],
  controllers: [DigitizationQueueController, DossierDigitizationController, ResultsController, DocumentsController],
  providers: [
    {
      provide: DIGITIZATION_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: DigitizationConfig): DigitizationSettings => ({
        maxScanBytes: config.extra.SCAN_MAX_BYTES,
        documentStoreDir: resolve(config.extra.DOCUMENT_STORE_DIR),
      }),
    },
    {
      provide: DOCUMENT_STORE,
      inject: [DIGITIZATION_SETTINGS],
      useFactory: (settings: DigitizationSettings) => new FilesystemDocumentStore(settings.documentStoreDir),
    },
    {
      provide: CHECKLIST_SOURCE,
      inject: [CATALOG],
      useFactory: (catalog: Catalog) => new CatalogChecklistSource(catalog),
    },
    { provide: CLOCK, useValue: systemClock },
    { provide: DossierDigitizationRepository, useValue: new DossierDigitizationRepository() },
    { provide: DigitizationQueueRepository, useValue: new DigitizationQueueRepository() },
    { provide: StoredDocumentRepository, useValue: new StoredDocumentRepository() },
    { provide: DocumentUseRepository, useValue: new DocumentUseRepository() },
    { provide: ResultDigitizationRepository, useValue: new ResultDigitizationRepository() },
    ScanStorage,
    ScanErrorsInterceptor,
    RegisterDossierUseCase,
    WithdrawDossierUseCase,
    UploadComponentScanUseCase,
    CertifyComponentUseCase,
    ReuseDocumentUseCase,
    CompleteDigitizationUseCase,
    CloseDigitizationIncompleteUseCase,
    GetDigitizationStatusUseCase,
    ListDigitizationQueueUseCase,
    RecordIssuedResultUseCase,
    UploadResultScanUseCase,
    ReadDocumentUseCase,
    DossierRegisteredHandler,
    DossierWithdrawnHandler,
    ResultIssuedHandler,
  ],
})
export class AppModule {}
