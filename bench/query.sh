#!/usr/bin/env bash
# Hourly aggregates over 30 days of 1-minute data (issue 5's query bench): one unit of a fresh org
# gets 30 days of readings, one a minute, of temperature_c and humidity_pct (43,200 rows per metric),
# COPYed straight into telemetry.readings with psql (not through ingest: the persister is measured by
# bench/ingest.sh; this measures reads). Then C closed-loop clients, for each C given, ask for
# GET /api/telemetry/units/{unit}/aggregates?metric=temperature_c&bucket=1h over the 30 days (720
# buckets) through the gateway, and straight from telemetry-service; in the same run, interleaved in
# rounds, the baseline: the same aggregate SQL telemetry runs (ReadingAggregateRepository, with the
# same values), straight against PostgreSQL over JDBC, one connection per client, every row read.
# Reports rps and p50/p99 per target and concurrency (medians over rounds), the gateway's p99 against
# the target (< 50 ms) and its ratio to the SQL baseline, plus EXPLAIN ANALYZE of the query.
#
# Usage: bench/query.sh [--concurrency "1 4 16"] [--rounds 3] [--duration 10] [--warmup 5] [--write]
#   --write  also rewrites the query section of docs/BENCHMARKS.md
# Needs: the platform running (./frostline up) with its PostgreSQL at 127.0.0.1:5432 (database
# frostline, user frostline) and psql on the PATH. Seeding sends 4 requests as one user and the run
# sends up to C requests at a time as that user, so start the platform with the per-user limit
# raised, as for bench/catalog.sh:
#   FROSTLINE_GATEWAY_RATE_CLIENT_CAPACITY=1000000 FROSTLINE_GATEWAY_RATE_CLIENT_REFILL=1000000 ./frostline up
# Any error (429, a wrong number of buckets or rows, ...) in a measured round fails the run. Signs up a
# throwaway user and org (bench-query-...@example.com) with one site, area and unit, and leaves them
# and their 86,400 readings in the running platform's database.
set -euo pipefail
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

CONCURRENCIES="1 4 16" ROUNDS=3 DURATION=10 WARMUP=5 WRITE=false
COMMAND=$(command_line bench/query.sh "$@")
usage='usage: bench/query.sh [--concurrency "1 4 16"] [--rounds N] [--duration S] [--warmup S] [--write]'
while [[ $# -gt 0 ]]; do
  case $1 in
    --concurrency) CONCURRENCIES=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --write) WRITE=true; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
CONCURRENCIES=$(tr ',' ' ' <<<"$CONCURRENCIES" | xargs)
for count in "$ROUNDS" $CONCURRENCIES; do
  [[ $count =~ ^[1-9][0-9]*$ ]] || { echo "$usage (whole numbers from 1, got: $count)" >&2; exit 2; }
done
TELEMETRY_URL=http://127.0.0.1:8083
JDBC_URL=jdbc:postgresql://127.0.0.1:5432/frostline
DAYS=30 ZONE=Europe/Berlin METRIC=temperature_c BUCKETS=$((DAYS * 24))
TARGET_P99_MS=50   # issue 5: hourly aggregates of 30 days of 1-minute data, p99 < 50 ms
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=frostline PGPASSWORD=frostline PGDATABASE=frostline
command -v psql >/dev/null || bench_die "psql is needed to seed the readings"

require_ready gateway-service "$GATEWAY_URL"
require_ready telemetry-service "$TELEMETRY_URL"
build_loadgen
CLIENT_RATE_LIMIT=$(rate_limit_setting client)

TOKEN="$OUT/query.token" SITE_IDS="$OUT/query.sites" AREA_IDS="$OUT/query.areas" UNIT_IDS="$OUT/query.units"
SQL="$OUT/query.sql" RAW="$OUT/query.out" PLAN="$OUT/query.plan"
trap 'rm -f "$TOKEN"' EXIT
umask 077
run_id=$(date +%s)-$RANDOM
email="bench-query-$run_id@example.com" password="bench password $run_id"
bench_say "signing up $email (owner of a new org) through the gateway"
signed_up=$(sign_up_response "$GATEWAY_URL" "$email" "$password")
json_field accessToken <<<"$signed_up" >"$TOKEN"
ORG_ID=$(json_field orgId <<<"$signed_up")
printf '{"name":"Bench query site","timeZone":"%s","address":"1 Cold Street"}\n' "$ZONE" |
  catalog_post_all "$TOKEN" sites "$SITE_IDS" 1
SITE_ID=$(head -1 "$SITE_IDS")
printf '{"siteId":"%s","name":"Cold room"}\n' "$SITE_ID" | catalog_post_all "$TOKEN" areas "$AREA_IDS" 1
printf '{"areaId":"%s","name":"Freezer 1","type":"freezer","description":"Seeded by bench/query.sh"}\n' \
  "$(head -1 "$AREA_IDS")" | catalog_post_all "$TOKEN" units "$UNIT_IDS" 1
UNIT_ID=$(head -1 "$UNIT_IDS")

# The range: the last 30 days up to the current UTC hour; the site's zone is a whole number of hours
# off UTC, so the hourly buckets (counted from the local midnight of the range start) are UTC hours.
read -r FROM TO ORIGIN < <(python3 - "$DAYS" "$ZONE" <<'PY'
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
days, zone = int(sys.argv[1]), ZoneInfo(sys.argv[2])
to = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
start = to - timedelta(days=days)
local = start.astimezone(zone)
origin = datetime(local.year, local.month, local.day, tzinfo=zone).astimezone(timezone.utc)
iso = lambda t: t.strftime('%Y-%m-%dT%H:%M:%SZ')
print(iso(start), iso(to), iso(origin))
PY
)
URL_PATH="/api/telemetry/units/$UNIT_ID/aggregates?metric=$METRIC&bucket=1h&from=$FROM&to=$TO"

bench_say "seeding $DAYS days of 1-minute readings ($METRIC, humidity_pct) for unit $UNIT_ID with COPY"
seed_started=$(date +%s.%N)
python3 - "$ORG_ID" "$SITE_ID" "$UNIT_ID" "$FROM" "$DAYS" <<'PY' |
import math, sys, uuid
from datetime import datetime, timedelta
org, site, unit, start, days = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
t0 = datetime.strptime(start, '%Y-%m-%dT%H:%M:%SZ')
out = sys.stdout
for metric, base, swing in (('temperature_c', -18.0, 2.0), ('humidity_pct', 60.0, 10.0)):
    for i in range(days * 24 * 60):
        t = (t0 + timedelta(minutes=i)).strftime('%Y-%m-%d %H:%M:%S+00')
        value = base + swing * math.sin(i * 2 * math.pi / 1440) + (i % 7) * 0.01
        out.write(f"{uuid.uuid4()}\t{org}\t{site}\t{unit}\t{metric}\t{value:.3f}\t{t}\t{t}\n")
PY
  psql -q -v ON_ERROR_STOP=1 -c "COPY telemetry.readings (id, org_id, site_id, unit_id, metric, value, recorded_at, received_at) FROM STDIN"
psql -q -v ON_ERROR_STOP=1 -c "ANALYZE telemetry.readings"
seeded=$(psql -At -c "select count(*) from telemetry.readings where unit_id = '$UNIT_ID'")
seed_seconds=$(awk -v a="$seed_started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
[[ $seeded == $((2 * DAYS * 1440)) ]] || bench_die "seeded $seeded readings, expected $((2 * DAYS * 1440))"
bench_say "seeded $seeded readings in ${seed_seconds}s (COPY and ANALYZE)"

# ReadingAggregateRepository's SQL for a 1h bucket, with the values the service binds.
cat >"$SQL" <<EOF
select date_bin(interval '1 hour', recorded_at, timestamptz '$ORIGIN') as bucket_start, count(*) as n, avg(value) as avg, min(value) as min, max(value) as max from telemetry.readings where org_id = '$ORG_ID' and unit_id = '$UNIT_ID' and metric = '$METRIC' and recorded_at >= timestamptz '$FROM' and recorded_at < timestamptz '$TO' group by 1 order by 1
EOF

# The unit reaches telemetry through catalog's topic: wait until the aggregates answer, and check them.
bench_say "waiting for telemetry to know the unit (at most 90 s)"
probe_started=$(date +%s)
while true; do
  status=$(curl -s -m 30 -o "$OUT/query.answer" -w '%{http_code}' -H "Authorization: Bearer $(<"$TOKEN")" \
    "$GATEWAY_URL$URL_PATH" || true)
  [[ $status == 200 ]] && break
  [[ $status == 404 ]] || bench_die "the aggregates answered $status: $(head -c 500 "$OUT/query.answer")"
  (($(date +%s) - probe_started < 90)) || bench_die "telemetry still does not know unit $UNIT_ID after 90 s"
  sleep 1
done
points=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["points"]))' "$OUT/query.answer")
[[ $points == "$BUCKETS" ]] || bench_die "the aggregates answered $points buckets, expected $BUCKETS"
answer_bytes=$(wc -c <"$OUT/query.answer")
rm -f "$OUT/query.answer"

psql -At -c "EXPLAIN (ANALYZE, BUFFERS) $(<"$SQL")" >"$PLAN"
plan_ms=$(sed -nE 's/^Execution Time: ([0-9.]+) ms/\1/p' "$PLAN")
bench_say "one query straight in PostgreSQL (EXPLAIN ANALYZE): ${plan_ms} ms; plan in ${PLAN#"$ROOT"/}"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$RAW"
for c in $CONCURRENCIES; do
  # A fresh access token per level: a run can outlast one (15 minutes by default).
  curl -s -m 30 -X POST "$GATEWAY_URL/api/identity/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | json_field accessToken >"$TOKEN"
  bench_say "concurrency $c: warm-up ${WARMUP}s per target, $ROUNDS rounds x (gateway, telemetry, sql) x ${DURATION}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  loadgen query --target "gateway=$GATEWAY_URL$URL_PATH" --target "telemetry=$TELEMETRY_URL$URL_PATH" \
    --target "sql=$JDBC_URL" --sql-file "$SQL" --expect-rows "$BUCKETS" \
    --header 'Authorization: Bearer {v}' --vary-file "$TOKEN" \
    --concurrency "$c" --warmup "$WARMUP" --duration "$DURATION" --rounds "$ROUNDS" |
    sed "s/^\(round\|median\) /\1 concurrency=$c /" | tee -a "$RAW"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

ms() { micros_to_ms "$(field "$1" "$2")"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else printf "-" }'; }
rows="" verdict="met" worst=0
for c in $CONCURRENCIES; do
  for target in gateway telemetry sql; do
    line=$(grep "^median concurrency=$c target=$target " "$RAW") ||
      bench_die "no result for $target at concurrency $c (see above)"
    [[ $(field errors "$line") == 0 ]] ||
      bench_die "errors at concurrency $c ($target: $(field error_kinds "$line")); not reporting these numbers"
  done
  g=$(grep "^median concurrency=$c target=gateway " "$RAW")
  t=$(grep "^median concurrency=$c target=telemetry " "$RAW")
  s=$(grep "^median concurrency=$c target=sql " "$RAW")
  p99=$(ms p99_us "$g")
  awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { exit !(p >= t) }' && verdict="missed"
  awk -v p="$p99" -v w="$worst" 'BEGIN { exit !(p > w) }' && worst=$p99
  rows+="
| $c | **$(field rps "$g")** | $(ms p50_us "$g") | **$p99** | $(field rps "$t") | $(ms p50_us "$t") | $(ms p99_us "$t") | $(field rps "$s") | $(ms p50_us "$s") | $(ms p99_us "$s") | $(ratio "$(field p99_us "$g")" "$(field p99_us "$s")") | $(ratio "$(field rps "$s")" "$(field rps "$g")") |"
done
table="| clients | gateway (req/s) | gateway p50 (ms) | gateway p99 (ms) | telemetry direct (req/s) | direct p50 (ms) | direct p99 (ms) | SQL baseline (queries/s) | SQL p50 (ms) | SQL p99 (ms) | gateway p99 ÷ SQL p99 | SQL rate ÷ gateway rate |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|$rows"
plan_summary=$(grep -E 'Scan|Aggregate|Sort|Append' "$PLAN" | head -8 | sed -E 's/^ +//; s/  +/ /g' | sed 's/^/    /')
summary="Target (issue 5): hourly aggregates of 30 days of 1-minute data, p99 < ${TARGET_P99_MS} ms through the gateway — **$verdict** at every concurrency measured (worst gateway p99: $worst ms).
One query straight in PostgreSQL, EXPLAIN ANALYZE (one run, warm cache): **$plan_ms ms**; the plan's main nodes:

$plan_summary"
printf '\n%s\n\n%s\n' "$table" "$summary"

if $WRITE; then
  write_section query "Command: \`$COMMAND\` (platform from \`./frostline up\`; gateway per-user rate limit: $CLIENT_RATE_LIMIT).
Measured $(date -u +%Y-%m-%d) on this machine ($(machine)); load average $LOAD_BEFORE before measuring, $LOAD_AFTER after. The load generator (\`bench/loadgen query\`), Kafka, PostgreSQL and all services share the machine.
One unit, $DAYS days of 1-minute readings of two metrics ($seeded rows, COPYed with psql straight into \`telemetry.readings\` in ${seed_seconds} s, then ANALYZE; the ingest path is bench/ingest.sh's business). Each request: \`GET /api/telemetry/units/{unit}/aggregates?metric=$METRIC&bucket=1h\` over the $DAYS days, site zone $ZONE: $BUCKETS buckets, a $answer_bytes-byte JSON answer. Closed loop, one token for all clients; per concurrency a warm-up of ${WARMUP} s per target, then $ROUNDS rounds of ${DURATION} s of gateway, telemetry-service directly and the SQL baseline (the repository's query with the same values, over JDBC, one connection per client, every row read); medians over rounds.

$table

$summary"
fi
