import { DocumentUseOrmEntity } from './documents/persistence/document-use.orm-entity';
import { StoredDocumentOrmEntity } from './documents/persistence/stored-document.orm-entity';
import { DigitizationComponentOrmEntity } from './dossier-digitization/persistence/digitization-component.orm-entity';
import { DossierDigitizationOrmEntity } from './dossier-digitization/persistence/dossier-digitization.orm-entity';
import { digitizationMigrations } from './migrations';
import { ResultDigitizationOrmEntity } from './results/persistence/result-digitization.orm-entity';

/** The service's own tables (the service kit adds outbox, inbox and idempotency keys). */
export const digitizationEntities = [
  StoredDocumentOrmEntity,
  DocumentUseOrmEntity,
  DossierDigitizationOrmEntity,
  DigitizationComponentOrmEntity,
  ResultDigitizationOrmEntity,
];

export { digitizationMigrations };
