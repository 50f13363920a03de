#!/usr/bin/env bash
# Webhook load mode: posts unique Tenovi measurement webhooks to a loopback URL and prints
# sent / 2xx / other statuses and acknowledgement latency percentiles. See bench/README.md.
#   bench/load.sh --url http://127.0.0.1:8080/webhooks/tenovi/KEY --rate 200 --seconds 30 --connections 8 \
#                 [--header Authorization --secret VALUE] [--array]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q compile
if [[ ! -s target/cp.txt || pom.xml -nt target/cp.txt ]]; then
  ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
fi
exec java -cp "target/classes:$(cat target/cp.txt)" org.rpmsync.load.WebhookLoad "$@"
