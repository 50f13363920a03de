#!/usr/bin/env bash
# Two instances (8186, 8187) on one PostgreSQL database behind a real HAProxy (8196); webhooks and staff page views
# go through it while instance A is killed with kill -9 in the middle. Shows that every acknowledged (2xx) delivery
# is stored exactly once and that every staff session survives. Prints a Markdown section for BENCHMARKS.md.
#   flock /work/wt/bench.lock bench/cluster/run.sh [rate=40] [seconds=40] [kill-at=15]
# (JAR=path/to/rpm-sync.jar to use a jar built before instead of ./mvnw -o -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-40}; SECONDS_=${2:-40}; KILL_AT=${3:-15}
DB=rpmsync_cluster_bench; PG="psql -h 127.0.0.1 -U postgres -qAt"
EMAIL=admin@cluster.bench; PASSWORD="cluster bench $(date +%s%N)"
KEY="clusterkey$(date +%s%N)"; SECRET="Basic cluster-$(date +%s%N)"
# Settings that must be equal on every instance (docs/deploy.md): the database and the encryption key.
export SPRING_PROFILES_ACTIVE=postgres RPMSYNC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" RPMSYNC_DB_USERNAME=postgres
export RPMSYNC_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" RPMSYNC_PUBLIC_BASE_URL=http://127.0.0.1:8196
export RPMSYNC_BOOTSTRAP_ADMIN_EMAIL=$EMAIL RPMSYNC_BOOTSTRAP_ADMIN_PASSWORD="$PASSWORD" RPMSYNC_DB_POOL_SIZE=10
command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install haproxy" >&2; exit 1; }

if [ -n "${JAR:-}" ]; then
  cp "$JAR" target/cluster-bench.jar # a jar built before (JAR=path)
else
  echo "Building the jar" >&2
  ./mvnw -o -q package -DskipTests
  cp target/rpm-sync-*.jar target/cluster-bench.jar
fi
$PG -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() { # name port
  RPMSYNC_PORT=$2 java -Xmx512m -jar target/cluster-bench.jar --logging.level.root=WARN > "target/cluster-$1.log" 2>&1 &
  PIDS+=($!); eval "PID_$1=$!"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null && return; sleep 1; done
  echo "instance $1 did not become ready" >&2; exit 1
}
echo "Starting instance a (8186), then b (8187)" >&2
start a 8186
start b 8187
haproxy -db -f bench/cluster/haproxy.cfg > target/cluster-haproxy.log 2>&1 &
PIDS+=($!)
for _ in $(seq 1 20); do curl -sf http://127.0.0.1:8196/actuator/health/readiness >/dev/null && break; sleep 0.5; done
sleep 3 # both servers marked up (rise 2, inter 1s)

ORG=$($PG -d $DB -c "insert into organizations (id, name, slug, created_at) values (gen_random_uuid(), 'Cluster Clinic', 'cluster-clinic', now()) returning id" | head -1)
HASH=$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)
$PG -d $DB -c "insert into tenovi_connections (organization_id, status, client_domain, webhook_key, webhook_auth_header,
  webhook_secret_hash, updated_at) values ('$ORG', 'connected', 'cluster-clinic', '$KEY', 'Authorization', '$HASH', now())"

echo "Traffic: $RATE webhooks/s and page views in 20 sessions for $SECONDS_ s; kill -9 of a at $KILL_AT s" >&2
RESULT=$(python3 bench/cluster/traffic.py --port 8196 --webhook-path "/webhooks/tenovi/$KEY" --secret "$SECRET" \
  --email $EMAIL --password "$PASSWORD" --rate "$RATE" --seconds "$SECONDS_" --kill-at "$KILL_AT" \
  --kill-pid "$PID_a" --acked target/cluster-acked.csv)
echo "$RESULT" >&2
for _ in $(seq 1 120); do
  [ "$($PG -d $DB -c "select count(*) from inbox_messages where status = 'PENDING'")" = "0" ] && break; sleep 1
done
read -r ACKED ONCE LOST DUPLICATED <<<"$($PG -d $DB -F' ' <<SQL
create temp table acked (device_id varchar(64), measured_at timestamptz);
\copy acked from 'target/cluster-acked.csv' csv
select count(*), coalesce(sum(case when n = 1 then 1 else 0 end), 0), coalesce(sum(case when n = 0 then 1 else 0 end), 0),
       coalesce(sum(case when n > 1 then 1 else 0 end), 0)
from (select a.device_id, a.measured_at, count(m.id) as n from acked a
      left join measurements m on m.device_id = a.device_id and m.measured_at = a.measured_at
      group by a.device_id, a.measured_at) per_delivery;
SQL
)"
read -r INBOX FAILED STORED <<<"$($PG -d $DB -F' ' -c "select (select count(*) from inbox_messages),
  (select count(*) from inbox_messages where status = 'FAILED'), (select count(*) from measurements)")"
field() { echo "$RESULT" | python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

cat <<MD
### Two instances behind HAProxy, one killed ($(date -u +%Y-%m-%d), $(nproc) cores, PostgreSQL $($PG -d postgres -c 'show server_version'), $(haproxy -v | head -1 | awk '{print $1, $2, $3}'))

\`flock /work/wt/bench.lock bench/cluster/run.sh $RATE $SECONDS_ $KILL_AT\`

| What | Measured |
|---|---|
| webhook deliveries sent through HAProxy / 2xx | $(field '["deliveries_sent"]') / $(field '["deliveries_2xx"]') |
| deliveries not acknowledged (Tenovi retries these) | $(field '["deliveries_other"]') |
| instance a killed (kill -9) at | $(field '["killed_at_s"]') s |
| 2xx deliveries stored once / lost / stored twice | $ONCE / $LOST / $DUPLICATED (of $ACKED) |
| inbox rows / failed; readings stored | $INBOX / $FAILED; $STORED |
| staff page views / 200 | $(field '["page_views"]') / $(field '["page_views_200"]') |
| page views not 200 | $(field '["page_views_other"]') |
| sessions valid after the kill | $(field '["sessions_valid_after"]') of $(field '["sessions"]') |
MD
