#!/usr/bin/env bash
# Ingest benchmark: the machine's raw single-row INSERT rate (pgbench) and the webhook path under load, in one run,
# on PostgreSQL. Prints a Markdown section for BENCHMARKS.md. Loopback only; bounded in time.
#   bench/ingest/run.sh [rate=2000] [seconds=30] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-2000}; SECONDS_=${2:-30}; CONNECTIONS=${3:-16}
PORT=18080; DB=rpmsync_bench; PG="psql -h 127.0.0.1 -U postgres -qAt"
TOKEN="bench-platform-token-$(date +%s)"
SECRET="Basic bench-$(date +%s%N)"
KEY="benchkey$(date +%s%N)"

echo "Building the app" >&2
./mvnw -q -B -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
$PG -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

echo "(a) raw single-row INSERT rate with pgbench, $CONNECTIONS connections" >&2
$PG -d $DB -c "create table bench_raw (id bigserial primary key, organization_id uuid, received_at timestamptz, body varchar(4000))"
cat > target/bench-insert.sql <<'SQL'
insert into bench_raw (organization_id, received_at, body) values (gen_random_uuid(), now(), repeat('x', 600));
SQL
RAW_TPS=$(pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T 15 -f target/bench-insert.sql $DB 2>/dev/null \
  | awk '/^tps/ {print int($3)}')
$PG -d $DB -c "drop table bench_raw"

echo "(b) starting the app on PostgreSQL" >&2
SPRING_PROFILES_ACTIVE=postgres RPMSYNC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" RPMSYNC_DB_USERNAME=postgres \
  RPMSYNC_BOOTSTRAP_PLATFORM_TOKEN="$TOKEN" RPMSYNC_PORT=$PORT RPMSYNC_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
  java -Xmx1g -jar target/rpm-sync-*.jar --logging.level.root=WARN > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
ORG=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/admin/organizations" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"Bench Clinic","slug":"bench-clinic"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
HASH=$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)
$PG -d $DB -c "insert into tenovi_connections (organization_id, status, client_domain, webhook_key, webhook_auth_header,
  webhook_secret_hash, updated_at) values ('$ORG', 'connected', 'bench-clinic', '$KEY', 'Authorization', '$HASH', now())"

echo "(b) warm-up: 300/s for 20 s (JIT), not counted" >&2
java -cp "target/classes:$(cat target/cp.txt)" org.rpmsync.simulator.WebhookLoad \
  --url "http://127.0.0.1:$PORT/webhooks/tenovi/$KEY" --rate 300 --seconds 20 \
  --connections "$CONNECTIONS" --header Authorization --secret "$SECRET" > target/bench-warmup.txt
for _ in $(seq 1 120); do
  [ "$($PG -d $DB -c "select count(*) from inbox_messages where status = 'PENDING'")" = "0" ] && break; sleep 1
done
BASE_INBOX=$($PG -d $DB -c "select count(*) from inbox_messages")
BASE_ID=$($PG -d $DB -c "select coalesce(max(id), 0) from inbox_messages")
BASE_READINGS=$($PG -d $DB -c "select count(*) from measurements")

echo "(b) webhook load: $RATE/s for $SECONDS_ s over $CONNECTIONS connections" >&2
START=$(date +%s.%N)
java -cp "target/classes:$(cat target/cp.txt)" org.rpmsync.simulator.WebhookLoad \
  --url "http://127.0.0.1:$PORT/webhooks/tenovi/$KEY" --rate "$RATE" --seconds "$SECONDS_" \
  --connections "$CONNECTIONS" --header Authorization --secret "$SECRET" | tee target/bench-load.txt >&2
SENT_END=$(date +%s.%N)
for _ in $(seq 1 300); do
  PENDING=$($PG -d $DB -c "select count(*) from inbox_messages where status = 'PENDING'")
  [ "$PENDING" = "0" ] && break; sleep 1
done
DRAINED=$(date +%s.%N)
ACCEPTED=$(awk '/^2xx/ {print $2}' target/bench-load.txt)
SENT=$(awk '/^sent/ {print $2}' target/bench-load.txt)
ACK=$(grep '^ack latency' target/bench-load.txt | sed 's/ack latency *(ms) *//')
read -r INBOX PROCESSED FAILED <<<"$($PG -d $DB -F' ' -c "select count(*), sum(case when status='PROCESSED' then 1 else 0 end),
  sum(case when status='FAILED' then 1 else 0 end) from inbox_messages where id > $BASE_ID")"
READINGS=$(( $($PG -d $DB -c "select count(*) from measurements") - BASE_READINGS ))
UNIQUE=$(( $($PG -d $DB -c "select count(distinct (device_id, metric, measured_at, measurement_index, raw_value_1, raw_value_2)) from measurements") - BASE_READINGS ))
LAG=$($PG -d $DB -F' ' -c "select round(1000 * percentile_cont(0.5) within group (order by extract(epoch from processed_at - received_at))::numeric, 1),
  round(1000 * percentile_cont(0.99) within group (order by extract(epoch from processed_at - received_at))::numeric, 1)
  from inbox_messages where status = 'PROCESSED' and id > $BASE_ID")
jcmd $APP GC.run >/dev/null 2>&1 || true
sleep 1
HEAP=$(jcmd $APP GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | awk '{printf "%.0f", $2/1024}')
RSS=$(ps -o rss= -p $APP | awk '{printf "%.0f", $1/1024}')
DURATION=$(echo "$SENT_END - $START" | bc)
RATE_ACHIEVED=$(echo "scale=0; $ACCEPTED / $DURATION" | bc)
RATIO=$(echo "scale=1; 100 * $RATE_ACHIEVED / $RAW_TPS" | bc)
DRAIN=$(echo "$DRAINED - $SENT_END" | bc)

cat <<MD
### Ingest ($(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, PostgreSQL $($PG -d postgres -c 'show server_version'), $(java -version 2>&1 | head -1))

| What | Measured |
|---|---|
| (a) raw single-row INSERT, pgbench, $CONNECTIONS connections | $RAW_TPS rows/s |
| (b) webhook deliveries offered | $RATE/s for $SECONDS_ s over $CONNECTIONS connections |
| (b) deliveries sent / acknowledged 2xx | $SENT / $ACCEPTED |
| (b) acknowledged per second (sent ÷ time to send all, incl. the drain of the load tool's queue) | $RATE_ACHIEVED/s ($RATIO % of the raw INSERT rate) |
| service time, request written → answer (ms) | $(grep '^service time' target/bench-load.txt | sed 's/service time *(ms) *//') |
| ack latency (ms) | $ACK |
| end-to-end lag, received → processed (ms) | p50 $(echo $LAG | cut -d' ' -f1), p99 $(echo $LAG | cut -d' ' -f2) |
| inbox drained after the last send | ${DRAIN} s |
| inbox rows / processed / failed | $INBOX / $PROCESSED / ${FAILED:-0} |
| readings stored / distinct natural keys | $READINGS / $UNIQUE (acknowledged but not stored: $(( ACCEPTED > READINGS ? ACCEPTED - READINGS : 0 )), duplicated: $((READINGS - UNIQUE))) |
| heap used after the run (after GC) / process RSS | $HEAP MiB / $RSS MiB |
MD
