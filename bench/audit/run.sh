#!/usr/bin/env bash
# Times the audit log's filtered reads on one million rows: creates a scratch PostgreSQL database with the audit
# table (V3) and its filter indexes (V20), seeds it with generate_series and runs each page query twice.
set -euo pipefail
cd "$(dirname "$0")"
PSQL="psql -h ${PGHOST:-127.0.0.1} -U ${PGUSER:-postgres} -v ON_ERROR_STOP=1"
DB=rpmsync_audit_bench
$PSQL -qc "drop database if exists $DB" -c "create database $DB"
$PSQL -d $DB -q -f ../../src/main/resources/db/migration/V3__audit_foundation.sql
$PSQL -d $DB -f seed.sql
$PSQL -d $DB -q -c '\timing on' -f ../../src/main/resources/db/migration/V20__audit_filters.sql -c 'analyze audit_events'
for run in 1 2; do
  $PSQL -d $DB -f queries.sql | grep -E '^[0-9] |Execution Time'
done
$PSQL -qc "drop database $DB"
