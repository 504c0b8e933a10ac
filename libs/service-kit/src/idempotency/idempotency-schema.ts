import { CreateIdempotencyKeysTable1735689600100 } from './create-idempotency-keys-table.migration';
import { IdempotencyKeyOrmEntity } from './idempotency-key.orm-entity';

/** Added by ServiceKitModule automatically; exported for services that build a DataSource themselves (CLIs). */
export const idempotencyEntities = [IdempotencyKeyOrmEntity];
export const idempotencyMigrations = [CreateIdempotencyKeysTable1735689600100];
