#!/usr/bin/env bash
# Ingest benchmark (issue 16), all on this machine, loopback only, bounded in time. Prints a Markdown section for
# BENCHMARKS.md; its last line is the raw INSERT rate, the webhook rate and their ratio.
#   bench/ingest/run.sh [capacity-seconds=20] [connections=16]
# Environment: BENCH_PORT (8193), SKIP_BUILD=1 uses the jar already in target/, PROFILE=1 records JFR from before the warm-up
#              and keeps the capacity, latency and overload phases of it (target/bench-*.jfr),
#              APP_OPTS extra JVM/app options (e.g. "--rpmsync.ingest.max-in-flight=32"),
#              LATENCY_RATE=<n>/s for phase (2) instead of half the capacity (same work in runs to compare),
#              LATENCY_CONNECTIONS=<n> the load tool's connections in phase (2) and after the burst in (3) (64, as many
#              as rpmsync.ingest.receive.max-in-flight admits: a delivery does not wait in the tool for a connection),
#              SKIP_OVERLOAD=1 runs phase (3) at 1/s for 1 s (a short run for comparing CPU per delivery),
#              KEY_LIMIT the per-webhook-key limit (deliveries/s; default 1,000,000: all deliveries carry one key, and the
#              app's default of 5,000/s per key would cap the capacity phase, answering 429 beyond it),
#              MAP_CLIENTS=1 creates the 64 clients whose Tenovi Patient IDs the deliveries carry (LOAD-0000..0063,
#              User Management API), so every reading is attributed, checked and counted (without: all unmatched).
# Phases, one app instance:
#   (a) pgbench: raw single-row INSERT rate at the same concurrency
#   (1) capacity: closed loop, wrk -t2 -c$CONNECTIONS, unique deliveries (bench/ingest/unique.lua), then every 2xx is
#       checked against the readings stored
#   (2) latency: open loop (bench/load.sh's tool) at half the measured capacity for 60 s over $LATENCY_CONNECTIONS
#   (3) overload: 3x capacity for 30 s over 128 connections, then 10 s of rest and 10 s at half capacity
# Heap after GC and RSS after each phase.
set -euo pipefail
cd "$(dirname "$0")/../.."
CAP_SECONDS=${1:-20}; CONNECTIONS=${2:-16}; LAT_CONNECTIONS=${LATENCY_CONNECTIONS:-64}
PORT=${BENCH_PORT:-8193}; DB=rpmsync_bench_ingest; PG="psql -h 127.0.0.1 -U postgres -qAt"
TOKEN="bench-platform-token-$(date +%s)"
SECRET="Basic bench-$(date +%s%N)"
KEY="benchkey$(date +%s%N)"
URL="http://127.0.0.1:$PORT/webhooks/tenovi/$KEY"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building the app" >&2
  ./mvnw -o -q -B -DskipTests package
fi
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
LOAD="java -cp target/classes:$(cat target/cp.txt) org.rpmsync.load.WebhookLoad"
$PG -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
LOAD_AT_START=$(uptime | sed 's/.*load average: //')

echo "(a) raw single-row INSERT rate with pgbench, $CONNECTIONS connections" >&2
$PG -d $DB -c "create table bench_raw (id bigserial primary key, organization_id uuid, received_at timestamptz, body varchar(4000))"
cat > target/bench-insert.sql <<'SQL'
insert into bench_raw (organization_id, received_at, body) values (gen_random_uuid(), now(), repeat('x', 600));
SQL
RAW_TPS=$(pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T 15 -f target/bench-insert.sql $DB 2>/dev/null \
  | awk '/^tps/ {print int($3)}')
$PG -d $DB -c "drop table bench_raw"

echo "(b) starting the app on PostgreSQL" >&2
# shellcheck disable=SC2086
SPRING_PROFILES_ACTIVE=postgres RPMSYNC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" RPMSYNC_DB_USERNAME=postgres \
  RPMSYNC_BOOTSTRAP_PLATFORM_TOKEN="$TOKEN" RPMSYNC_PORT=$PORT RPMSYNC_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
  java -Xmx1g $( [ "${PROFILE:-0}" = 1 ] && echo -XX:FlightRecorderOptions:stackdepth=256 ) -jar target/rpm-sync-*.jar --logging.level.root=WARN \
  --rpmsync.ingest.deliveries-per-second="${KEY_LIMIT:-1000000}" ${APP_OPTS:-} > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
ORG=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/admin/organizations" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"Bench Clinic","slug":"bench-clinic"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
HASH=$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)
$PG -d $DB -c "insert into tenovi_connections (organization_id, status, client_domain, webhook_key, webhook_auth_header,
  webhook_secret_hash, updated_at) values ('$ORG', 'connected', 'bench-clinic', '$KEY', 'Authorization', '$HASH', now())"
export WEBHOOK_HEADER=Authorization WEBHOOK_SECRET="$SECRET"
if [ "${MAP_CLIENTS:-0}" = 1 ]; then
  echo "(b) 64 clients with the deliveries' Tenovi Patient IDs, as a clinic matches them (User Management API)" >&2
  ORG_TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/admin/organizations/bench-clinic/api-tokens" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')
  USERS=$(seq 0 63 | awk '{printf "%s{\"firstName\":\"Load\",\"lastName\":\"Client %02d\",\"externalId\":\"LOAD-%04d\",\"timeZone\":\"America/New_York\"}", (NR > 1 ? "," : ""), $1, $1}')
  CREATED=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/users/bulk" -H "Authorization: Bearer $ORG_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"users\":[$USERS]}" | grep -o '"status":"created"' | wc -l)
  [ "$CREATED" = 64 ] || { echo "created $CREATED of 64 clients" >&2; exit 1; }
fi

drain() { # waits until no delivery is pending; prints the seconds it took
  local from; from=$(date +%s.%N)
  for _ in $(seq 1 600); do
    [ "$($PG -d $DB -c "select count(*) from inbox_messages where status = 'PENDING'")" = "0" ] && break; sleep 0.2
  done
  echo "$(date +%s.%N) - $from" | bc | xargs printf '%.1f'
}
memory() { # heap used after a full GC and the process RSS, in MiB
  jcmd $APP GC.run >/dev/null 2>&1 || true; sleep 1
  local heap rss
  heap=$(jcmd $APP GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | awk '{printf "%.0f", $2/1024}')
  rss=$(ps -o rss= -p $APP | awk '{printf "%.0f", $1/1024}')
  echo "$heap MiB / $rss MiB"
}
counts() { # inbox rows, readings and distinct natural keys since inbox id $1 / reading count $2
  local rows readings distinct
  rows=$($PG -d $DB -c "select count(*) from inbox_messages where id > $1")
  readings=$(( $($PG -d $DB -c "select count(*) from measurements") - $2 ))
  distinct=$(( $($PG -d $DB -c "select count(distinct (device_id, metric, measured_at, measurement_index, raw_value_1, raw_value_2)) from measurements") - $2 ))
  echo "$rows $readings $distinct"
}
cpu() { awk '{print $14 + $15}' /proc/$APP/stat; } # the app's CPU time so far, in clock ticks
pgcpu() { # PostgreSQL's CPU time so far, in clock ticks: all its processes (the app's connections, WAL writer, ...)
  for p in $(pgrep -u postgres); do cat /proc/$p/stat 2>/dev/null; done | awk '{sum += $14 + $15} END {print sum + 0}'
}
per() { # CPU ms of the app per delivery: ticks before, after, deliveries
  echo "scale=2; ($2 - $1) * 1000 / $(getconf CLK_TCK) / $(( $3 > 0 ? $3 : 1 ))" | bc
}
mark() { $PG -d $DB -F' ' -c "select coalesce(max(id), 0), (select count(*) from measurements) from inbox_messages"; }
lag() { # received -> processed p50 / p99 / max (ms) of the inbox rows since id $1
  $PG -d $DB -F' ' -c "select round(1000 * percentile_cont(0.5) within group (order by extract(epoch from processed_at - received_at))::numeric, 1),
    round(1000 * percentile_cont(0.99) within group (order by extract(epoch from processed_at - received_at))::numeric, 1),
    round(1000 * max(extract(epoch from processed_at - received_at))::numeric, 1)
    from inbox_messages where status = 'PROCESSED' and id > $1"
}
profile() { # start|stop name: one recording from before the warm-up (starting one mid-run recompiles half the app)
  [ "${PROFILE:-0}" = 1 ] || return 0
  if [ "$1" = start ]; then eval "PROFILE_FROM_$2=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
  else jcmd $APP JFR.dump name=bench begin="$(eval echo "\$PROFILE_FROM_$2")" filename="$PWD/target/bench-$2.jfr" >/dev/null; fi
}

[ "${PROFILE:-0}" = 1 ] && jcmd $APP JFR.start name=bench settings=profile >/dev/null
echo "(b) warm-up: wrk in rounds of 10 s until the JIT compiler settles (< 0.5 s of compiling in a round; 8 at most), not counted" >&2
compiled() { jstat -compiler $APP | awk 'NR == 2 {print $4}'; } # seconds the JIT compilers have spent so far
WARM_ROUNDS=0; JIT_BEFORE=$(compiled)
while [ $WARM_ROUNDS -lt 8 ]; do
  WARM_ROUNDS=$((WARM_ROUNDS + 1))
  wrk -t2 -c"$CONNECTIONS" -d10s -s bench/ingest/unique.lua "$URL" > target/bench-warmup.txt
  JIT_NOW=$(compiled)
  [ "$(echo "$JIT_NOW - $JIT_BEFORE < 0.5" | bc)" = 1 ] && break
  JIT_BEFORE=$JIT_NOW
done
JIT_AT_START=$(compiled)
drain >/dev/null
MEM_IDLE=$(memory)

echo "(1) capacity: wrk -t2 -c$CONNECTIONS -d${CAP_SECONDS}s" >&2
read -r BASE_ID BASE_READINGS <<<"$(mark)"
LOAD_CAP=$(uptime | sed 's/.*load average: //')
CPU0=$(cpu); PG0=$(pgcpu)
profile start capacity
wrk -t2 -c"$CONNECTIONS" -d"${CAP_SECONDS}s" --latency -s bench/ingest/unique.lua "$URL" | tee target/bench-capacity.txt >&2
profile stop capacity
CPU1=$(cpu); PG1=$(pgcpu); JIT_CAP=$(echo "$(compiled) - $JIT_AT_START" | bc)
CAP_OK=$(awk '/^wrk-2xx/ {print $2}' target/bench-capacity.txt)
CAP_503=$(awk '/^wrk-503/ {print $2}' target/bench-capacity.txt)
CAP_OTHER=$(awk '/^wrk-other/ {print $2}' target/bench-capacity.txt)
CAP_LAT=$(grep '^wrk-latency-ms' target/bench-capacity.txt | sed 's/wrk-latency-ms //')
CAP_RATE=$(( CAP_OK / CAP_SECONDS ))
CAP_DRAIN=$(drain)
CPU2=$(cpu); PG2=$(pgcpu)
CAP_CPU="$(per "$CPU0" "$CPU1" "$CAP_OK") ms while answering, $(per "$CPU0" "$CPU2" "$CAP_OK") ms with processing"
CAP_PG="$(per "$PG0" "$PG1" "$CAP_OK") ms while answering, $(per "$PG0" "$PG2" "$CAP_OK") ms with processing"
read -r CAP_ROWS CAP_READINGS CAP_DISTINCT <<<"$(counts "$BASE_ID" "$BASE_READINGS")"
CAP_LAG=$(lag "$BASE_ID")
MEM_CAP=$(memory)
RATIO=$(echo "scale=1; 100 * $CAP_RATE / $RAW_TPS" | bc)

HALF=${LATENCY_RATE:-$(( CAP_RATE / 2 > 0 ? CAP_RATE / 2 : 1 ))}
echo "(2) latency: open loop $HALF/s for 60 s over $LAT_CONNECTIONS connections" >&2
read -r BASE_ID BASE_READINGS <<<"$(mark)"
LOAD_LAT=$(uptime | sed 's/.*load average: //')
CPU3=$(cpu); PG3=$(pgcpu)
profile start latency
$LOAD --url "$URL" --rate "$HALF" --seconds 60 --connections "$LAT_CONNECTIONS" --header Authorization --secret "$SECRET" \
  | tee target/bench-latency.txt >&2
profile stop latency
LAT_DRAIN=$(drain)
LAT_OK=$(awk '/^2xx/ {print $2}' target/bench-latency.txt)
LAT_CPU=$(per "$CPU3" "$(cpu)" "$LAT_OK"); LAT_PG=$(per "$PG3" "$(pgcpu)" "$LAT_OK")
read -r LAT_ROWS LAT_READINGS LAT_DISTINCT <<<"$(counts "$BASE_ID" "$BASE_READINGS")"
LAT_LAG=$(lag "$BASE_ID")
MEM_LAT=$(memory)

OVER=$(( CAP_RATE * 3 )); OVER_SECONDS=30; REST=10; AFTER_SECONDS=10
[ "${SKIP_OVERLOAD:-0}" = 1 ] && { OVER=1; OVER_SECONDS=1; REST=0; AFTER_SECONDS=1; }
echo "(3) overload: open loop $OVER/s for 30 s over 128 connections" >&2
read -r BASE_ID BASE_READINGS <<<"$(mark)"
LOAD_OVER=$(uptime | sed 's/.*load average: //')
profile start overload
$LOAD --url "$URL" --rate "$OVER" --seconds "$OVER_SECONDS" --connections 128 --header Authorization --secret "$SECRET" \
  | tee target/bench-overload.txt >&2
profile stop overload
OVER_OK=$(awk '/^2xx/ {print $2}' target/bench-overload.txt)
sleep "$REST"
$LOAD --url "$URL" --rate "$HALF" --seconds "$AFTER_SECONDS" --connections "$LAT_CONNECTIONS" --header Authorization --secret "$SECRET" \
  | tee target/bench-after.txt >&2
AFTER_OK=$(awk '/^2xx/ {print $2}' target/bench-after.txt)
OVER_DRAIN=$(drain)
read -r OVER_ROWS OVER_READINGS OVER_DISTINCT <<<"$(counts "$BASE_ID" "$BASE_READINGS")"
MEM_OVER=$(memory)
ATTRIBUTED=$($PG -d $DB -F' / ' -c "select count(*) filter (where client_id is not null), count(*) from measurements")
CARE=$($PG -d $DB -F' / ' -c "select (select count(*) from care_rpm_months), (select count(*) from care_alerts)")
field() { grep "^$1" "$2" | sed "s/^$1 *//"; }
lost() { echo $(( $1 > $2 ? $1 - $2 : 0 )); }

cat <<MD
#### Ingest ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, PostgreSQL $($PG -d postgres -c 'show server_version' | cut -d' ' -f1), $(java -version 2>&1 | head -1 | cut -d'"' -f2), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')${MAP_CLIENTS:+, MAP_CLIENTS=$MAP_CLIENTS}${APP_OPTS:+, APP_OPTS=$APP_OPTS}${LATENCY_RATE:+, LATENCY_RATE=$LATENCY_RATE}${SKIP_OVERLOAD:+, SKIP_OVERLOAD=$SKIP_OVERLOAD})

Load average (1/5/15 min): at start $LOAD_AT_START; capacity $LOAD_CAP; latency $LOAD_LAT; overload $LOAD_OVER.
Warm-up: $WARM_ROUNDS rounds of 10 s; the JIT compilers then spent $JIT_CAP s compiling during the capacity phase.

| What | Measured |
|---|---|
| (a) raw single-row INSERT, pgbench, $CONNECTIONS connections, 15 s | $RAW_TPS rows/s |
| (1) capacity, wrk -t2 -c$CONNECTIONS ${CAP_SECONDS} s closed loop: 2xx / 503 / other | $CAP_OK / $CAP_503 / $CAP_OTHER → **$CAP_RATE/s ($RATIO % of raw INSERT)** |
| (1) wrk latency (ms) | $CAP_LAT |
| (1) app CPU per acknowledged delivery | $CAP_CPU |
| (1) PostgreSQL CPU per acknowledged delivery (all its processes) | $CAP_PG |
| (1) inbox rows / readings / distinct natural keys | $CAP_ROWS / $CAP_READINGS / $CAP_DISTINCT (2xx not stored: $(lost "$CAP_OK" "$CAP_READINGS"), doubled: $((CAP_READINGS - CAP_DISTINCT))) |
| (1) received → processed p50 / p99 / max (ms); drained after the last answer | $CAP_LAG; $CAP_DRAIN s |
| (2) latency, open loop $HALF/s × 60 s, $LAT_CONNECTIONS connections: ack latency (ms) | $(field 'ack latency *(ms)' target/bench-latency.txt) |
| (2) service time (ms) | $(field 'service time *(ms)' target/bench-latency.txt) |
| (2) app CPU per delivery, answering and processing | $LAT_CPU ms |
| (2) PostgreSQL CPU per delivery | $LAT_PG ms |
| (2) load tool CPU per delivery sent (its own process) | $(field 'tool cpu' target/bench-latency.txt) |
| (2) sent / 2xx / other / errors | $(field sent target/bench-latency.txt | cut -d' ' -f1) / $LAT_OK / $(field 'other status' target/bench-latency.txt) / $(field errors target/bench-latency.txt) |
| (2) received → processed p50 / p99 / max (ms); drained after the last send | $LAT_LAG; $LAT_DRAIN s |
| (2) inbox rows / readings / distinct | $LAT_ROWS / $LAT_READINGS / $LAT_DISTINCT (2xx not stored: $(lost "$LAT_OK" "$LAT_READINGS"), doubled: $((LAT_READINGS - LAT_DISTINCT))) |
| (3) overload, open loop $OVER/s × 30 s, 128 connections: sent / 2xx / other / errors | $(field sent target/bench-overload.txt | cut -d' ' -f1) / $OVER_OK / $(field 'other status' target/bench-overload.txt) / $(field errors target/bench-overload.txt) |
| (3) ack latency (ms) | $(field 'ack latency *(ms)' target/bench-overload.txt) |
| (3) service time (ms) | $(field 'service time *(ms)' target/bench-overload.txt) |
| (3) 10 s later, $HALF/s × 10 s: ack latency (ms) | $(field 'ack latency *(ms)' target/bench-after.txt) |
| (3) inbox rows / readings / distinct (overload + after) | $OVER_ROWS / $OVER_READINGS / $OVER_DISTINCT (2xx not stored: $(lost $((OVER_OK + AFTER_OK)) "$OVER_READINGS"), doubled: $((OVER_READINGS - OVER_DISTINCT))); drained in $OVER_DRAIN s |
| heap after GC / RSS: after warm-up; capacity; latency; overload | $MEM_IDLE; $MEM_CAP; $MEM_LAT; $MEM_OVER |
| readings attributed to a client / all (warm-up included); RPM client-months (billing) / alerts | $ATTRIBUTED; $CARE |

raw INSERT $RAW_TPS/s, webhook $CAP_RATE/s, ratio $RATIO %
MD
