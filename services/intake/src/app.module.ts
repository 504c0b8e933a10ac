import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Catalog } from '@bcci/catalog';
import { OutboxWriter } from '@bcci/messaging';
import { CatalogModule, IdempotencyStore, ServiceKitModule, ServiceMetrics } from '@bcci/service-kit';
import { DataSource } from 'typeorm';
import { CATALOG } from './catalog.provider';
import { INTAKE_CONFIG, INTAKE_EXTRA_CONFIG, intakeConfigProvider, type IntakeExtraConfig } from './config/intake.config';
import { DossiersController } from './dossiers/api/dossiers.controller';
import { BuildReturnReceiptUseCase } from './dossiers/application/build-return-receipt.use-case';
import { BuildSendingSlipUseCase } from './dossiers/application/build-sending-slip.use-case';
import { systemClock, type Clock } from './dossiers/application/clock';
import { GetDossierUseCase } from './dossiers/application/get-dossier.use-case';
import { ReadApplicantUseCase } from './dossiers/application/read-applicant.use-case';
import { DossierProgressRecorder } from './dossiers/application/dossier-progress.recorder';
import { RecordDispatchUseCase } from './dossiers/application/record-dispatch.use-case';
import { RecordDossierCodeUseCase } from './dossiers/application/record-dossier-code.use-case';
import { RegisterDossierUseCase } from './dossiers/application/register-dossier.use-case';
import { RegistrationMetrics } from './dossiers/application/registration-metrics';
import { RegistrationWriter } from './dossiers/application/registration-writer';
import { SearchDossiersUseCase } from './dossiers/application/search-dossiers.use-case';
import { WithdrawDossierUseCase } from './dossiers/application/withdraw-dossier.use-case';
import { DossierProgressHandler } from './dossiers/messaging/dossier-progress.handler';
import { DossierSearchTokenOrmEntity } from './dossiers/persistence/dossier-search-token.orm-entity';
import { DossierOrmEntity } from './dossiers/persistence/dossier.orm-entity';
import { DossierRepository } from './dossiers/persistence/dossier.repository';
import { IdentifierSequencesRepository } from './dossiers/persistence/identifier-sequences.repository';
import { PersonalDataReadOrmEntity } from './dossiers/persistence/personal-data-read.orm-entity';
import { intakeMigrations } from './migrations/intake-migrations';
import { BlindIndex } from './pii/blind-index';
import { PiiCipher } from './pii/pii-cipher';
import { ProceduresController } from './procedures/api/procedures.controller';
import { ListEligibleProceduresUseCase } from './procedures/application/list-eligible-procedures.use-case';
import { renderReturnReceipt } from './return-receipt/render-return-receipt';
import { renderSendingSlip } from './sending-slip/render-sending-slip';

export const CLOCK = Symbol('CLOCK');

const providers: Provider[] = [
  intakeConfigProvider,
  { provide: CLOCK, useValue: systemClock },
  { provide: PiiCipher, inject: [INTAKE_CONFIG], useFactory: (config: IntakeExtraConfig) => new PiiCipher(config.PII_ENCRYPTION_KEY) },
  { provide: BlindIndex, inject: [INTAKE_CONFIG], useFactory: (config: IntakeExtraConfig) => new BlindIndex(config.PII_INDEX_KEY) },
  { provide: DossierRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new DossierRepository(dataSource) },
  { provide: IdentifierSequencesRepository, useValue: new IdentifierSequencesRepository() },
  {
    provide: RegistrationWriter,
    inject: [DataSource, DossierRepository, IdentifierSequencesRepository, OutboxWriter, IdempotencyStore, ServiceMetrics],
    useFactory: (
      dataSource: DataSource,
      dossiers: DossierRepository,
      sequences: IdentifierSequencesRepository,
      outbox: OutboxWriter,
      idempotency: IdempotencyStore,
      metrics: ServiceMetrics,
    ) => new RegistrationWriter({ dataSource, dossiers, sequences, outbox, idempotency, metrics: new RegistrationMetrics(metrics.registry) }),
  },
  {
    provide: RegisterDossierUseCase,
    inject: [CATALOG, PiiCipher, BlindIndex, RegistrationWriter, CLOCK],
    useFactory: (catalog: Catalog, cipher: PiiCipher, blindIndex: BlindIndex, writer: RegistrationWriter, clock: Clock) =>
      new RegisterDossierUseCase({ catalog, cipher, blindIndex, writer, clock }),
  },
  {
    provide: SearchDossiersUseCase,
    inject: [DossierRepository, BlindIndex, CATALOG, CLOCK],
    useFactory: (dossiers: DossierRepository, blindIndex: BlindIndex, catalog: Catalog, clock: Clock) => new SearchDossiersUseCase(dossiers, blindIndex, catalog, clock),
  },
  {
    provide: GetDossierUseCase,
    inject: [DossierRepository, CATALOG, CLOCK],
    useFactory: (dossiers: DossierRepository, catalog: Catalog, clock: Clock) => new GetDossierUseCase({ dossiers, catalog, clock }),
  },
  {
    provide: ReadApplicantUseCase,
    inject: [DataSource, DossierRepository, CATALOG, CLOCK, PiiCipher],
    useFactory: (dataSource: DataSource, dossiers: DossierRepository, catalog: Catalog, clock: Clock, cipher: PiiCipher) =>
      new ReadApplicantUseCase({ dataSource, dossiers, catalog, clock, cipher }),
  },
  {
    provide: WithdrawDossierUseCase,
    inject: [DataSource, DossierRepository, CATALOG, CLOCK, OutboxWriter],
    useFactory: (dataSource: DataSource, dossiers: DossierRepository, catalog: Catalog, clock: Clock, outbox: OutboxWriter) =>
      new WithdrawDossierUseCase({ dataSource, dossiers, catalog, clock, outbox }),
  },
  {
    provide: BuildSendingSlipUseCase,
    inject: [DataSource, DossierRepository, CATALOG, CLOCK, PiiCipher, INTAKE_CONFIG],
    useFactory: (dataSource: DataSource, dossiers: DossierRepository, catalog: Catalog, clock: Clock, cipher: PiiCipher, config: IntakeExtraConfig) =>
      new BuildSendingSlipUseCase({ dataSource, dossiers, catalog, clock, cipher, render: renderSendingSlip, lookupBaseUrl: config.PUBLIC_LOOKUP_BASE_URL }),
  },
  {
    provide: BuildReturnReceiptUseCase,
    inject: [DataSource, DossierRepository, CATALOG, CLOCK, PiiCipher, INTAKE_CONFIG],
    useFactory: (dataSource: DataSource, dossiers: DossierRepository, catalog: Catalog, clock: Clock, cipher: PiiCipher, config: IntakeExtraConfig) =>
      new BuildReturnReceiptUseCase({ dataSource, dossiers, catalog, clock, cipher, render: renderReturnReceipt, lookupBaseUrl: config.PUBLIC_LOOKUP_BASE_URL }),
  },
  {
    provide: ListEligibleProceduresUseCase,
    inject: [CATALOG, CLOCK],
    useFactory: (catalog: Catalog, clock: Clock) => new ListEligibleProceduresUseCase(catalog, clock),
  },
  {
    provide: DossierProgressRecorder,
    inject: [DossierRepository, OutboxWriter, CLOCK],
    useFactory: (dossiers: DossierRepository, outbox: OutboxWriter, clock: Clock) => new DossierProgressRecorder({ dossiers, outbox, clock }),
  },
  {
    provide: RecordDispatchUseCase,
    inject: [DossierProgressRecorder],
    useFactory: (recorder: DossierProgressRecorder) => new RecordDispatchUseCase(recorder),
  },
  {
    provide: RecordDossierCodeUseCase,
    inject: [DossierProgressRecorder],
    useFactory: (recorder: DossierProgressRecorder) => new RecordDossierCodeUseCase(recorder),
  },
  DossierProgressHandler,
];

export interface IntakeModuleOptions {
  /** Default `bcci.intake`; integration tests give each test file its own group on the shared broker. */
  consumerGroup?: string;
}

/** The intake service: the clerk's counter at a postal point (issue 3). */
@Module({})
export class IntakeModule {
  static forRoot(options: IntakeModuleOptions = {}): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ServiceKitModule.forRoot({
          serviceName: 'intake',
          entities: [DossierOrmEntity, DossierSearchTokenOrmEntity, PersonalDataReadOrmEntity],
          migrations: intakeMigrations,
          extraConfig: INTAKE_EXTRA_CONFIG,
          ...(options.consumerGroup ? { consumerGroup: options.consumerGroup } : {}),
        }),
        CatalogModule,
      ],
      controllers: [ProceduresController, DossiersController],
      providers,
    };
  }
}

@Module({ imports: [IntakeModule.forRoot()] })
export class AppModule {}
