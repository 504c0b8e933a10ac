import { CreateForwardingTables1764000000000 } from './1764000000000-create-forwarding-tables.migration';

/** In order; the messaging tables' migrations run before these. */
export const forwardingMigrations = [CreateForwardingTables1764000000000];
