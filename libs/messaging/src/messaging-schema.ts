import { CreateInboxTable1735689600001 } from './inbox/create-inbox-table.migration';
import { InboxRecordOrmEntity } from './inbox/inbox-record.orm-entity';
import { IndexInboxProcessedAt1735689600002 } from './inbox/index-inbox-processed-at.migration';
import { CreateOutboxTable1735689600000 } from './outbox/create-outbox-table.migration';
import { OutboxMessageOrmEntity } from './outbox/outbox-message.orm-entity';

/** Entities of the outbox and inbox tables, for a service's DataSource `entities`. */
export const messagingEntities = [OutboxMessageOrmEntity, InboxRecordOrmEntity];

/** Migrations creating them, for a service's DataSource `migrations` (before its own). */
export const messagingMigrations = [CreateOutboxTable1735689600000, CreateInboxTable1735689600001, IndexInboxProcessedAt1735689600002];
