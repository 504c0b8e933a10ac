import { CreateAgencySimulatorTables1767312000000 } from './1767312000000-create-agency-simulator-tables.migration';

export const agencySimulatorMigrations = [CreateAgencySimulatorTables1767312000000];
