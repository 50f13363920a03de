#!/usr/bin/env bash
# Reports benchmark: a fresh PostgreSQL database, the app migrating it, seed.sql (10,000 clients, ~20 million
# readings), then timed page and API requests over HTTP with a signed-in practitioner and an organization token.
# Usage: bench/reports/run.sh [--reuse] [repetitions]   (PostgreSQL at $PGHOST, user postgres, trust auth)
#   BENCH_ONLY=rpm: time only the RPM month requests (billing).
#   --reuse: keep the seeded database of an earlier run and only time the requests.
set -euo pipefail
cd "$(dirname "$0")/../.."
REUSE=false
if [ "${1:-}" = "--reuse" ]; then REUSE=true; shift; fi
REPS=${1:-5}
DB=rpmsync_bench_reports
PORT=${BENCH_PORT:-18089}
BASE=http://127.0.0.1:$PORT
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
CLIENT=00000000-0000-0000-0001-000000000001

$REUSE || psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
[ -f target/rpm-sync-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests package
RPMSYNC_DB_URL=jdbc:postgresql://$PGHOST:5432/$DB RPMSYNC_PORT=$PORT SPRING_PROFILES_ACTIVE=postgres \
  RPMSYNC_ENCRYPTION_KEY_FILE=target/bench/encryption.key \
  java -Xmx1g -jar target/rpm-sync-0.1.0-SNAPSHOT.jar > target/bench-reports-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf $BASE/actuator/health >/dev/null && break; sleep 1; done

$REUSE || { echo "== seeding"; psql -q -d $DB -f bench/reports/seed.sql; psql -q -d $DB -f bench/reports/care-seed.sql; }
echo "== waiting for the app to calculate the 7-day adherence scores"
for _ in $(seq 1 120); do
  [ "$(psql -q -d $DB -At -c 'select count(*) from adherence_week_scores where computed_version is null')" = 0 ] && break
  sleep 1
done
grep -h "Recalculated" target/bench-reports-app.log | sed 's/.*: //' || true
# Compact the kept scores as autovacuum keeps them in use (the out-of-date timing of an earlier run rewrote
# every row once per request, leaving the table many times its size).
psql -q -d $DB -c "vacuum full analyze adherence_week_scores"

JAR=$(mktemp); TOKEN="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
psql -q -d $DB -c "insert into api_tokens (id, organization_id, scope, name, token_hash, hint, created_at)
  values (gen_random_uuid(), '00000000-0000-0000-0000-0000000000b1', 'ORGANIZATION', 'bench', '$HASH',
  right('$TOKEN', 4), now())"
CSRF=$(curl -s -c "$JAR" $BASE/login | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -d "username=bench@example.test&password=bench-password&_csrf=$CSRF" $BASE/login

time_it() { # name, then curl arguments; prints min / median / p95 / max seconds and the app's CPU time per request of $REPS runs after 5 warm-up runs
  local name=$1; shift; local times=()
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$@"; done
  local cpu0; cpu0=$(awk '{print $14 + $15}' /proc/$APP/stat)
  for _ in $(seq 1 "$REPS"); do times+=("$(curl -s -o /dev/null -w '%{time_total} %{http_code}' "$@")"); done
  local cpu; cpu=$(awk -v c0="$cpu0" -v hz="$(getconf CLK_TCK)" -v n="$REPS" '{printf "%.3f", ($14 + $15 - c0) / hz / n}' /proc/$APP/stat)
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$name" -v cpu="$cpu" '{t[NR]=$1; c=$2} END { p = int(0.95 * NR + 0.999)
    printf "%-48s min %.3fs  median %.3fs  p95 %.3fs  max %.3fs  app CPU %ss/request  (HTTP %s, %d runs)\n", n, t[1],
      t[int((NR+1)/2)], t[p], t[NR], cpu, c, NR}'
}
echo "== timings"
if [ "${BENCH_ONLY:-all}" = all ]; then
curl -s -o /dev/null -w 'First request after start (cold JIT): Reports page, All Data  %{time_total}s\n' -b "$JAR" \
  "$BASE/clients/$CLIENT/reports"
time_it "Reports page, All Data (3 years PillBox + BPM)" -b "$JAR" "$BASE/clients/$CLIENT/reports"
time_it "Reports page, Last 30 days" -b "$JAR" "$BASE/clients/$CLIENT/reports?range=30d"
time_it "Medication CSV, All Data" -b "$JAR" "$BASE/clients/$CLIENT/reports/medication.csv"
time_it "Client dashboard" -b "$JAR" "$BASE/clients/$CLIENT"
time_it "Organization overview (10,000 clients)" -b "$JAR" "$BASE/organization/overview"
stale_overview() { # every score out of date (as just after the clients' local midnight) before each request
  local times=()
  for _ in $(seq 1 "$REPS"); do
    psql -q -d $DB -c "update adherence_week_scores set valid_until = now()"
    times+=("$(curl -s -o /dev/null -w '%{time_total} %{http_code}' -b "$JAR" "$BASE/organization/overview")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR]=$1; c=$2} END {
    printf "%-48s min %.3fs  median %.3fs  max %.3fs  (HTTP %s, %d runs)\n", "Overview, every score out of date", t[1],
      t[int((NR+1)/2)], t[NR], c, NR}'
}
time_it "API measurements, first page of 100" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/users/$CLIENT/measurements"
time_it "API adherence, 366 days" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/users/$CLIENT/adherence?from=2025-01-01&to=2026-01-01"
stale_overview
fi
LAST_MONTH=$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m)
time_it "RPM months page, last month (10,000 clients)" -b "$JAR" "$BASE/organization/rpm-months?month=$LAST_MONTH"
time_it "RPM months page, sorted by days, descending" -b "$JAR" "$BASE/organization/rpm-months?month=$LAST_MONTH&sort=days&dir=desc"
time_it "RPM months page, this month (mapped devices too)" -b "$JAR" "$BASE/organization/rpm-months"
time_it "RPM months CSV, last month (10,000 rows)" -b "$JAR" "$BASE/organization/rpm-months.csv?month=$LAST_MONTH"
time_it "API rpm-days, one client" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/users/$CLIENT/rpm-days?month=$LAST_MONTH"
time_it "API rpm-days, organization, first 1,000" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/rpm-days?month=$LAST_MONTH&limit=1000"
psql -q -d $DB -At -c "select 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"
