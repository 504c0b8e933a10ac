import { CreateReturnsTables1765000000000 } from './1765000000000-create-returns-tables.migration';
import { AddDocumentsToTakeBack1767398400000 } from './1767398400000-add-documents-to-take-back.migration';

/** In order; the kit's messaging and idempotency migrations run before these. */
export const returnsMigrations = [CreateReturnsTables1765000000000, AddDocumentsToTakeBack1767398400000];
