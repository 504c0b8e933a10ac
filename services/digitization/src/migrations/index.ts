import { CreateDigitizationTables1767225600000 } from './1767225600000-create-digitization-tables.migration';

/** The service's own migrations, in order (after @bcci/messaging's outbox and inbox). */
export const digitizationMigrations = [CreateDigitizationTables1767225600000];
