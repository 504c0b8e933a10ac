import { CreateIntakeTables1767225600000 } from './1767225600000-create-intake-tables.migration';

/** The service's own migrations, in order (messaging's outbox and inbox run first). */
export const intakeMigrations = [CreateIntakeTables1767225600000];
