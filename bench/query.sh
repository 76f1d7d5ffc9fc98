#!/usr/bin/env bash
# Hourly aggregates over 30 days of 1-minute data (issue 5's query bench): one unit of a fresh org
# gets 30 days of readings, one a minute, of temperature_c and humidity_pct (43,200 per metric),
# through the real write path: POST /api/telemetry/readings through the gateway with a device API key,
# batches of 500, then waiting until the persister stored them all, so the 15-minute rollups
# (reading_rollups_15m) are kept as in production. Then C closed-loop clients, for each C given, ask for
# GET /api/telemetry/units/{unit}/aggregates?metric=temperature_c&bucket=1h over the 30 days (720
# buckets) through the gateway, and straight from telemetry-service; in the same run, interleaved in
# rounds, the baseline: the SQL telemetry runs for this request (ReadingAggregateRepository's rollup
# query: the range is on whole hours, so its raw edges are empty and it sums 2,880 rollup rows), with
# the same values, straight against PostgreSQL over JDBC, one connection per client, every row read.
# As a reference, after each concurrency level, the raw group-by over readings that telemetry ran
# before the rollups (43,200 rows), the same way but not interleaved.
# Reports rps and p50/p99 per target and concurrency (medians over rounds), the gateway's p99 against
# the target (< 50 ms) and its ratio to the SQL baseline, plus EXPLAIN ANALYZE of both queries.
#
# Usage: bench/query.sh [--concurrency "1 4 16"] [--rounds 3] [--duration 10] [--warmup 5] [--write]
#   --write  also rewrites the query section of docs/BENCHMARKS.md
# Needs: the platform running (./frostline up) with its PostgreSQL at 127.0.0.1:5432 (database
# frostline, user frostline) and psql on the PATH. Seeding sends 5 requests as one user, 173 batches
# with one device API key (inside the default per-key ingest limit; a 429 or 503 is retried), and the run
# sends up to C requests at a time as that user, so start the platform with the per-user limit
# raised, as for bench/catalog.sh:
#   FROSTLINE_GATEWAY_RATE_CLIENT_CAPACITY=1000000 FROSTLINE_GATEWAY_RATE_CLIENT_REFILL=1000000 ./frostline up
# Any error (429, a wrong number of buckets or rows, ...) in a measured round fails the run. Signs up a
# throwaway user and org (bench-query-...@example.com) with one site, area, unit and API key, and leaves
# them and their 86,400 readings (plus one probe reading) in the running platform's database.
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
command -v psql >/dev/null || bench_die "psql is needed to check the stored readings"

require_ready gateway-service "$GATEWAY_URL"
require_ready telemetry-service "$TELEMETRY_URL"
build_loadgen
CLIENT_RATE_LIMIT=$(rate_limit_setting client)

TOKEN="$OUT/query.token" SITE_IDS="$OUT/query.sites" AREA_IDS="$OUT/query.areas" UNIT_IDS="$OUT/query.units"
SQL="$OUT/query.sql" RAW_SQL="$OUT/query-raw.sql" RAW="$OUT/query.out" PLAN="$OUT/query.plan"
RAW_PLAN="$OUT/query-raw.plan" API_KEY="$OUT/query.key" PROBE="$OUT/query.probe"
trap 'rm -f "$TOKEN" "$API_KEY"' EXIT
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

bench_say "creating a device API key for the org"
key_response=$(curl -s -m 30 -w '\n%{http_code}' -X POST "$GATEWAY_URL/api/identity/api-keys" \
  -H "Authorization: Bearer $(<"$TOKEN")" -H 'Content-Type: application/json' -d "{\"name\":\"bench query $run_id\"}")
[[ ${key_response##*$'\n'} == 201 ]] || bench_die "creating the API key failed: ${key_response//$'\n'/ }"
json_field key <<<"${key_response%$'\n'*}" >"$API_KEY"
# The key and the unit reach telemetry through Kafka. The probe reading is stamped "now", after the
# measured range (which ends at the current full hour), so it is in no bucket and no count below.
printf '%s\n' "$UNIT_ID" >"$OUT/query.probe-units"
await_units_accepted "$API_KEY" "$OUT/query.probe-units" "$PROBE" 90
rm -f "$OUT/query.probe-units"

bench_say "seeding $DAYS days of 1-minute readings ($METRIC, humidity_pct) for unit $UNIT_ID through the gateway's ingest, batches of 500"
seed_started=$(date +%s)
python3 - "$GATEWAY_URL" "$API_KEY" "$UNIT_ID" "$FROM" "$DAYS" <<'PY'
import json, math, sys, time, urllib.error, urllib.request
from datetime import datetime, timedelta
gateway, key_file, unit, start, days = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
key = open(key_file).read().strip()
t0 = datetime.strptime(start, '%Y-%m-%dT%H:%M:%SZ')
readings = []
for metric, base, swing in (('temperature_c', -18.0, 2.0), ('humidity_pct', 60.0, 10.0)):
    for i in range(days * 24 * 60):
        value = base + swing * math.sin(i * 2 * math.pi / 1440) + (i % 7) * 0.01
        readings.append({'unitId': unit, 'metric': metric, 'value': round(value, 3),
                         'recordedAt': (t0 + timedelta(minutes=i)).strftime('%Y-%m-%dT%H:%M:%SZ')})
for first in range(0, len(readings), 500):
    body = json.dumps({'readings': readings[first:first + 500]}).encode()
    for attempt in range(60):
        request = urllib.request.Request(gateway + '/api/telemetry/readings', data=body, method='POST',
                                         headers={'X-API-Key': key, 'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                if answer.status == 202:
                    break
        except urllib.error.HTTPError as e:
            # The per-key ingest limit (429) or Kafka not acknowledging in time (503): try again.
            if e.code not in (429, 503):
                sys.exit(f'bench: ERROR: a seeding batch was answered {e.code}: {e.read()[:500]!r}')
        time.sleep(1)
    else:
        sys.exit('bench: ERROR: a seeding batch was refused for 60 s')
PY
accepted_seconds=$(($(date +%s) - seed_started))
expected=$((2 * DAYS * 1440))
stored_sql="select count(*) from telemetry.readings where unit_id = '$UNIT_ID' and recorded_at >= timestamptz '$FROM' and recorded_at < timestamptz '$TO'"
bench_say "ingest accepted $expected readings in ${accepted_seconds}s; waiting until the persister stored them (at most 300 s more)"
while seeded=$(psql -At -c "$stored_sql"); [[ $seeded != "$expected" ]]; do
  (($(date +%s) - seed_started < accepted_seconds + 300)) || bench_die "after 300 s, $seeded of $expected readings are stored"
  sleep 1
done
rolled_up=$(psql -At -c "select coalesce(sum(n), 0) from telemetry.reading_rollups_15m where unit_id = '$UNIT_ID' and bucket_start >= timestamptz '$FROM' and bucket_start < timestamptz '$TO'")
[[ $rolled_up == "$expected" ]] || bench_die "the rollups count $rolled_up readings, the readings table $expected"
seed_seconds=$(($(date +%s) - seed_started))
psql -q -v ON_ERROR_STOP=1 -c "ANALYZE telemetry.readings" -c "ANALYZE telemetry.reading_rollups_15m"
bench_say "seeded $seeded readings (the rollups agree) in ${seed_seconds}s from the first POST to the last one stored"

# The SQL telemetry runs for this request (ReadingAggregateRepository, 1h bucket): the range is on
# whole quarter hours, so the raw edges [from, from) and [to, to) are empty and the rollups cover
# [from, to); the values are those the service binds.
cat >"$SQL" <<EOF
select date_bin(interval '1 hour', t, timestamptz '$ORIGIN') as bucket_start, sum(n)::bigint as n, sum(sum) / sum(n)::float8 as avg, min(min) as min, max(max) as max from (select recorded_at as t, 1::bigint as n, value as sum, value as min, value as max from telemetry.readings where org_id = '$ORG_ID' and unit_id = '$UNIT_ID' and metric = '$METRIC' and recorded_at >= timestamptz '$FROM' and recorded_at < timestamptz '$FROM' union all select bucket_start, n, sum, min, max from telemetry.reading_rollups_15m where org_id = '$ORG_ID' and unit_id = '$UNIT_ID' and metric = '$METRIC' and bucket_start >= timestamptz '$FROM' and bucket_start < timestamptz '$TO' union all select recorded_at, 1, value, value, value from telemetry.readings where org_id = '$ORG_ID' and unit_id = '$UNIT_ID' and metric = '$METRIC' and recorded_at >= timestamptz '$TO' and recorded_at < timestamptz '$TO') parts group by 1 order by 1
EOF
# The reference: the raw group-by over readings that served this request before the rollups.
cat >"$RAW_SQL" <<EOF
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
psql -At -c "EXPLAIN (ANALYZE, BUFFERS) $(<"$RAW_SQL")" >"$RAW_PLAN"
raw_plan_ms=$(sed -nE 's/^Execution Time: ([0-9.]+) ms/\1/p' "$RAW_PLAN")
bench_say "one query straight in PostgreSQL (EXPLAIN ANALYZE): ${plan_ms} ms (rollups), ${raw_plan_ms} ms (raw group-by); plans in ${PLAN#"$ROOT"/}, ${RAW_PLAN#"$ROOT"/}"

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
  bench_say "concurrency $c: the raw group-by reference, warm-up ${WARMUP}s, $ROUNDS rounds x ${DURATION}s"
  loadgen query --target "sqlraw=$JDBC_URL" --sql-file "$RAW_SQL" --expect-rows "$BUCKETS" \
    --concurrency "$c" --warmup "$WARMUP" --duration "$DURATION" --rounds "$ROUNDS" |
    sed "s/^\(round\|median\) /\1 concurrency=$c /" | tee -a "$RAW"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

ms() { micros_to_ms "$(field "$1" "$2")"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else printf "-" }'; }
rows="" met="" missed="" worst=0
for c in $CONCURRENCIES; do
  for target in gateway telemetry sql sqlraw; do
    line=$(grep "^median concurrency=$c target=$target " "$RAW") ||
      bench_die "no result for $target at concurrency $c (see above)"
    [[ $(field errors "$line") == 0 ]] ||
      bench_die "errors at concurrency $c ($target: $(field error_kinds "$line")); not reporting these numbers"
  done
  g=$(grep "^median concurrency=$c target=gateway " "$RAW")
  t=$(grep "^median concurrency=$c target=telemetry " "$RAW")
  s=$(grep "^median concurrency=$c target=sql " "$RAW")
  r=$(grep "^median concurrency=$c target=sqlraw " "$RAW")
  p99=$(ms p99_us "$g")
  if awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { exit !(p >= t) }'; then missed+=" $c"; else met+=" $c"; fi
  awk -v p="$p99" -v w="$worst" 'BEGIN { exit !(p > w) }' && worst=$p99
  rows+="
| $c | **$(field rps "$g")** | $(ms p50_us "$g") | **$p99** | $(field rps "$t") | $(ms p50_us "$t") | $(ms p99_us "$t") | $(field rps "$s") | $(ms p50_us "$s") | $(ms p99_us "$s") | $(ratio "$(field p99_us "$g")" "$(field p99_us "$s")") | $(ratio "$(field rps "$s")" "$(field rps "$g")") | $(field rps "$r") | $(ms p50_us "$r") | $(ms p99_us "$r") |"
done
table="| clients | gateway (req/s) | gateway p50 (ms) | gateway p99 (ms) | telemetry direct (req/s) | direct p50 (ms) | direct p99 (ms) | SQL baseline: rollup query (queries/s) | SQL p50 (ms) | SQL p99 (ms) | gateway p99 ÷ SQL p99 | SQL rate ÷ gateway rate | reference: raw group-by (queries/s) | raw p50 (ms) | raw p99 (ms) |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|$rows"
plan_summary=$(grep -E 'Scan|Aggregate|Sort|Append' "$PLAN" | head -8 | sed -E 's/^ +//; s/  +/ /g' | sed 's/^/    /')
raw_plan_summary=$(grep -E 'Scan|Aggregate|Sort|Append' "$RAW_PLAN" | head -8 | sed -E 's/^ +//; s/  +/ /g' | sed 's/^/    /')
if [[ -z $missed ]]; then verdict="**met** at every concurrency measured"
elif [[ -z $met ]]; then verdict="**missed** at every concurrency measured"
else verdict="**met** at${met} client(s), **missed** at${missed}"; fi
summary="Target (issue 5): hourly aggregates of 30 days of 1-minute data, p99 < ${TARGET_P99_MS} ms through the gateway — $verdict (worst gateway p99: $worst ms).
One query straight in PostgreSQL, EXPLAIN ANALYZE (one run, warm cache): the rollup query **$plan_ms ms**; the plan's main nodes:

$plan_summary

The raw group-by over readings (the reference, what served this request before the rollups): **$raw_plan_ms ms**:

$raw_plan_summary"
printf '\n%s\n\n%s\n' "$table" "$summary"

if $WRITE; then
  write_section query "Command: \`$COMMAND\` (platform from \`./frostline up\`; gateway per-user rate limit: $CLIENT_RATE_LIMIT).
Measured $(date -u +%Y-%m-%d) on this machine ($(machine)); load average $LOAD_BEFORE before measuring, $LOAD_AFTER after. The load generator (\`bench/loadgen query\`), Kafka, PostgreSQL and all services share the machine.
One unit, $DAYS days of 1-minute readings of two metrics ($seeded rows, posted through the gateway's ingest with a device API key in batches of 500 and stored by the persister with their 15-minute rollups, ${seed_seconds} s from the first POST to the last one stored, then ANALYZE). Each request: \`GET /api/telemetry/units/{unit}/aggregates?metric=$METRIC&bucket=1h\` over the $DAYS days, site zone $ZONE: $BUCKETS buckets, a $answer_bytes-byte JSON answer. Closed loop, one token for all clients; per concurrency a warm-up of ${WARMUP} s per target, then $ROUNDS rounds of ${DURATION} s of gateway, telemetry-service directly and the SQL baseline (the query the repository runs for this request, which sums the rollups, with the same values, over JDBC, one connection per client, every row read); then, not interleaved, the raw group-by over readings as a reference, the same way; medians over rounds.

$table

$summary"
fi
