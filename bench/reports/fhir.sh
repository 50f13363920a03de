#!/usr/bin/env bash
# FHIR export benchmark: a fresh PostgreSQL database with ONE client and three years of readings (fhir-seed.sql),
# then GET /api/v1/users/{id}/fhir timed over HTTP with an organization token (target: ≤ 1 s).
# Usage: bench/reports/fhir.sh [repetitions]   (PostgreSQL at $PGHOST, user postgres, trust auth; builds the jar)
# BENCH_PORT (default 8184), BENCH_JAR (a jar built before: no build), BENCH_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=target/bench/fhir.jfr,settings=profile)
# Also reports the heap after a full GC while All Data requests run, against the idle heap (GC log in target/bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${1:-30}
DB=rpmsync_bench_fhir
PORT=${BENCH_PORT:-8184}
BASE=http://127.0.0.1:$PORT
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
CLIENT=00000000-0000-0000-0002-000000000001

psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
JAR=${BENCH_JAR:-}
if [ -z "$JAR" ]; then ./mvnw -q -B -o -DskipTests package; JAR=target/rpm-sync-0.1.0-SNAPSHOT.jar; fi
mkdir -p target/bench
RPMSYNC_DB_URL=jdbc:postgresql://$PGHOST:5432/$DB RPMSYNC_PORT=$PORT SPRING_PROFILES_ACTIVE=postgres \
  RPMSYNC_ENCRYPTION_KEY_FILE=target/bench/encryption.key \
  java -Xmx1g -Xlog:gc:file=target/bench/fhir-gc.log ${BENCH_JAVA_OPTS:-} -jar "$JAR" > target/bench-fhir-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf $BASE/actuator/health >/dev/null && break; sleep 1; done

echo "== seeding"
psql -q -d $DB -f bench/reports/fhir-seed.sql
TOKEN="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
psql -q -d $DB -c "insert into api_tokens (id, organization_id, scope, name, token_hash, hint, created_at)
  values (gen_random_uuid(), '00000000-0000-0000-0000-0000000000f1', 'ORGANIZATION', 'bench', '$HASH',
  right('$TOKEN', 4), now())"

cpu() { # CPU seconds the app process has used (all its threads, GC included)
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' /proc/$APP/stat
}
time_it() { # name, then curl arguments; min / median / max seconds of $REPS runs after 5 warm-up runs, and the
  # app's CPU time per request (what the request costs on an idle machine; this one is shared)
  local name=$1; shift; local times=()
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$@"; done
  local before; before=$(cpu)
  for _ in $(seq 1 "$REPS"); do times+=("$(curl -s -o /dev/null -w '%{time_total} %{http_code} %{size_download}' "$@")"); done
  local per; per=$(awk -v a="$before" -v b="$(cpu)" -v n="$REPS" 'BEGIN {printf "%.3f", (b - a) / n}')
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$name" -v cpu="$per" '{t[NR]=$1; c=$2; s=$3} END {
    p95 = int(NR * 0.95 + 0.999); if (p95 > NR) p95 = NR
    printf "%-44s min %.3fs  median %.3fs  p95 %.3fs  max %.3fs  CPU %.3fs/request  (HTTP %s, %.1f MB, %d runs)\n",
      n, t[1], t[int((NR+1)/2)], t[p95], t[NR], cpu, c, s / 1e6, NR}'
}
AUTH=(-H "Authorization: Bearer $TOKEN")
echo "== timings (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
curl -s -o /dev/null -w 'First request after start (cold JIT), All Data   %{time_total}s\n' "${AUTH[@]}" \
  "$BASE/api/v1/users/$CLIENT/fhir"
curl -s "${AUTH[@]}" "$BASE/api/v1/users/$CLIENT/fhir" | python3 -c 'import json,sys,collections
b=json.load(sys.stdin); print("entries:", len(b["entry"]), dict(collections.Counter(e["resource"]["resourceType"] for e in b["entry"])))'
time_it "FHIR Bundle, All Data (3 years)" "${AUTH[@]}" "$BASE/api/v1/users/$CLIENT/fhir"
time_it "FHIR Bundle, last 30 days" "${AUTH[@]}" "$BASE/api/v1/users/$CLIENT/fhir?from=$(date -u -d '-30 days' +%F)"
time_it "FHIR Bundle, _since 1 day ago (incremental)" "${AUTH[@]}" \
  "$BASE/api/v1/users/$CLIENT/fhir?_since=$(date -u -d '-1 day' +%FT%TZ)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

full_gc() { # a full GC now; prints the heap in use after it (MB), from the GC log
  jcmd $APP GC.run >/dev/null; sleep 0.2
  grep 'Pause Full' target/bench/fhir-gc.log | tail -1 | grep -o '[0-9]*M->[0-9]*M' | sed 's/.*->//'
}
echo "== heap after a full GC: idle $(full_gc)"
touch target/bench/fhir-requesting
( n=0; while [ -e target/bench/fhir-requesting ]; do
    curl -s -o /dev/null "${AUTH[@]}" "$BASE/api/v1/users/$CLIENT/fhir"; n=$((n + 1)); done
  echo "$n" > target/bench/fhir-requests ) &
LOOP=$!
during=()
for _ in 1 2 3 4 5 6 7 8; do sleep 0.3; during+=("$(full_gc)"); done
rm target/bench/fhir-requesting; wait $LOOP
echo "   during All Data requests, one after the other (8 full GCs while $(cat target/bench/fhir-requests) requests ran): ${during[*]}"
