#!/bin/sh
# First start of the PostgreSQL container only (docker-entrypoint-initdb.d): one role and one database
# per service (docs/architecture.md §3), each database owned by its service's role so that the service's
# migrations can create its tables and nothing else. Later services: add them here and create them on a
# running cluster by hand (docs/operations.md, "Adding a service").
set -eu
: "${BCCI_DB_PASSWORD:?BCCI_DB_PASSWORD must be set}"

for database in bcci_intake bcci_digitization bcci_forwarding bcci_agency_gateway bcci_returns bcci_tracking bcci_agency_simulator; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$database" -v password="$BCCI_DB_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
