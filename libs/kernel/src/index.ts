// @bcci/kernel: the pure domain kernel shared by every service (no Nest, no TypeORM, no I/O).
export * from './validation/domain-validation.error';
export * from './errors/domain-error';

export * from './time/local-date';
export * from './time/vietnam-time';
export * from './time/clock';

export * from './identifiers/postal-item-id';
export * from './identifiers/agency-id';
export * from './identifiers/dossier-code';
export * from './identifiers/provisional-dossier-id';
export * from './identifiers/postal-code';
export * from './identifiers/procedure-code';

export * from './citizen/citizen-id';
export * from './citizen/citizen-id-province-codes';
export * from './citizen/phone-number';

export * from './money/vnd-amount';
export * from './text/vietnamese-folding';
export * from './text/canonical-json';

export * from './calendar/holiday-year';
export * from './calendar/weekly-hours';
export * from './calendar/working-calendar';
export * from './calendar/holiday-years';
export * from './calendar/calendar-registry';
export * from './calendar/working-days';
export * from './calendar/working-instant';

export * from './deadlines/postal-leg-table';
export * from './deadlines/postal-deadline';
export * from './deadlines/agency-due-date';
