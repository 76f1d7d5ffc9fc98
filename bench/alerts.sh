#!/usr/bin/env bash
# Alert evaluation (issue 6): evaluation throughput of ONE alert-service instance with --units units and
# rules of every kind, and the latency from a reading to its alert event on Kafka at --rate readings/s.
#
# Seeds a fresh org through the gateway (--sites sites x --areas-per-site areas, --units units, half fridges
# and half freezers) and, through alert-service's rules API, rules of every kind: org threshold, org-for-unit-
# type (freezer), site, area and unit thresholds, org offline and low-battery rules. Every threshold rule has
# the same band (0..8 °C, deadband 0.5, no minimum restore), so one stream of readings means the same thing
# whichever level wins; their excursion durations differ (none, 10 s, 5 min, 10 min). The bench user's
# notification preferences are set to no channels, so the alerts it opens send no email.
#
# 1. Throughput: a second alert-service instance (the platform's jar, or --alert-jar, with ./frostline's
#    environment and JVM flags, on port 8184) reads a readings topic of its own (frostline.bench.alert-readings,
#    6 partitions like the real one, created for the run and deleted after), so telemetry's persister and
#    realtime do not consume the backlog alongside it. Per round: --backlog reading.recorded records produced
#    flat out, timed from the first produced until the instance's processed positions (consumer_positions,
#    committed with each batch) cover them all. Baseline, same round, same records: one raw Kafka consumer
#    (read_committed, the same poll size) reading the same offsets flat out, parsing each value's JSON.
# 2. Latency: the platform's own alert-service, readings through the gateway (POST /api/telemetry/readings with
#    a device API key, as ingest.sh): the device fleet at --rate readings/s (in range) plus, on units with a
#    rule without excursion duration, a reading out of range every 2 / --trigger-rate s (and one back in range
#    in between): p50/p99 from its 202 to the alert.opened that names it, at this script's consumer of
#    frostline.alerts.v1. Timer path: units with a 10 s excursion duration get one out-of-range reading per
#    round and nothing after: p50/p99 from recordedAt + 10 s to the alert.opened.
#
# Usage: bench/alerts.sh [--units 10000] [--sites 4] [--areas-per-site 5] [--backlog 500000]
#                        [--warmup-backlog 100000] [--rate 10000] [--trigger-rate 20] [--rounds 3]
#                        [--duration 30] [--warmup 10] [--alert-jar JAR] [--instance-env NAME=VALUE ...]
#                        [--throughput-only | --latency-only] [--profile] [--write]
#   --alert-jar   the alert-service build measured for throughput (default: the platform checkout's)
#   --instance-env  an extra environment variable of the throughput instance (FROSTLINE_ALERT_ENGINE_BATCH_SIZE=10000)
#   --throughput-only  skips the latency half; --latency-only the throughput half (either: prints medians, writes nothing)
#   --profile     records a JFR profile of the throughput instance during round 1 (.frostline/bench/alerts.jfr)
#   --write       also rewrites the alerts section of docs/BENCHMARKS.md
# Needs: the platform running (./frostline up) with the gateway's per-user and per-key rate limits raised
# (seeding sends about --units + 450 requests as one user; see bench/README.md), its PostgreSQL at
# 127.0.0.1:5432 (database frostline, user frostline) with psql, and Kafka at 127.0.0.1:9092. Leaves the org,
# its units, rules, alerts and readings in the platform's database.
set -euo pipefail
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

UNITS=10000 SITES=4 AREAS_PER_SITE=5 BACKLOG=500000 WARMUP_BACKLOG=100000 RATE=10000 TRIGGER_RATE=20 ROUNDS=3
DURATION=30 WARMUP=10 ALERT_JAR="" PROFILE=false WRITE=false THROUGHPUT_ONLY=false LATENCY_ONLY=false
INSTANCE_ENV=()
COMMAND=$(command_line bench/alerts.sh "$@")
usage='usage: bench/alerts.sh [--units N] [--sites N] [--areas-per-site N] [--backlog N] [--warmup-backlog N] [--rate R] [--trigger-rate R] [--rounds N] [--duration S] [--warmup S] [--alert-jar JAR] [--instance-env NAME=VALUE] [--throughput-only | --latency-only] [--profile] [--write]'
while [[ $# -gt 0 ]]; do
  case $1 in
    --units) UNITS=$2; shift 2 ;;
    --sites) SITES=$2; shift 2 ;;
    --areas-per-site) AREAS_PER_SITE=$2; shift 2 ;;
    --backlog) BACKLOG=$2; shift 2 ;;
    --warmup-backlog) WARMUP_BACKLOG=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --trigger-rate) TRIGGER_RATE=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --alert-jar) ALERT_JAR=$2; shift 2 ;;
    --instance-env) [[ $2 == [A-Z_]*=* ]] || { echo "$usage (--instance-env NAME=VALUE)" >&2; exit 2; }; INSTANCE_ENV+=("$2"); shift 2 ;;
    --throughput-only) THROUGHPUT_ONLY=true; shift ;;
    --latency-only) LATENCY_ONLY=true; shift ;;
    --profile) PROFILE=true; shift ;;
    --write) WRITE=true; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
for count in "$UNITS" "$SITES" "$AREAS_PER_SITE" "$BACKLOG" "$RATE" "$TRIGGER_RATE" "$ROUNDS"; do
  [[ $count =~ ^[1-9][0-9]*$ ]] || { echo "$usage (counts and rates are whole numbers from 1, got: $count)" >&2; exit 2; }
done
IMMEDIATE_UNITS=200 TIMER_UNITS=200 TIMER_SECONDS=10 UNIT_RULE_UNITS=400
((UNITS >= 2 * UNIT_RULE_UNITS)) || { echo "$usage (--units must be at least $((2 * UNIT_RULE_UNITS)))" >&2; exit 2; }
TARGET_EVALUATED=50000   # issue 6: >= 50,000 readings/s evaluated by one instance
TARGET_P99_MS=100        # issue 6: alert event p99 < 100 ms after the reading (or the timer deadline)
TARGET_RATE=10000        # ... at 10,000 readings/s
SEED_PARALLEL=16
BENCH_TOPIC=frostline.bench.alert-readings
BENCH_PORT=8184
ALERT_JAR=${ALERT_JAR:-$PLATFORM_ROOT/alert-service/target/quarkus-app/quarkus-run.jar}
[[ -f $ALERT_JAR ]] || bench_die "no alert-service jar at $ALERT_JAR"
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=frostline PGPASSWORD=frostline PGDATABASE=frostline
command -v psql >/dev/null || bench_die "psql is needed (to wait for alert-service's unit projection)"

require_ready gateway-service "$GATEWAY_URL"
require_ready alert-service http://127.0.0.1:8084
build_loadgen
RATE_LIMIT=$(rate_limit_setting ingest)
CLIENT_RATE_LIMIT=$(rate_limit_setting client)

TOKEN="$OUT/alerts.token" API_KEY="$OUT/alerts.key" SITE_IDS="$OUT/alerts.sites" AREA_IDS="$OUT/alerts.areas"
UNIT_IDS="$OUT/alerts.unit-ids" UNITS_FILE="$OUT/alerts.units" RULE_IDS="$OUT/alerts.rules" PROBE="$OUT/alerts.probe"
BENCH_PID=""
cleanup() {
  rm -f "$TOKEN" "$API_KEY"
  if [[ -n $BENCH_PID ]]; then kill "$BENCH_PID" 2>/dev/null && wait "$BENCH_PID" 2>/dev/null; fi
  true
}
trap cleanup EXIT
umask 077
run_id=$(date +%s)-$RANDOM
bench_say "signing up bench-alerts-$run_id@example.com (owner of a new org) through the gateway"
signed_up=$(sign_up_response "$GATEWAY_URL" "bench-alerts-$run_id@example.com" "bench password $run_id")
json_field accessToken <<<"$signed_up" >"$TOKEN"
ORG_ID=$(json_field orgId <<<"$signed_up")
auth=(-H "Authorization: Bearer $(<"$TOKEN")" -H 'Content-Type: application/json')

# No email for the alerts this bench opens: the owner is the org's only member.
status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -X PUT "$GATEWAY_URL/api/alerts/notifications/preferences/me" \
  "${auth[@]}" -d '{"channels":[],"minSeverity":"critical"}')
[[ $status == 200 || $status == 204 ]] || bench_die "setting the notification preferences answered $status"

seed_started=$(date +%s)
bench_say "seeding $SITES sites x $AREAS_PER_SITE areas, $UNITS units ($SEED_PARALLEL POSTs at a time)"
for ((s = 1; s <= SITES; s++)); do
  printf '{"name":"Bench alerts site %d","timeZone":"Europe/Berlin","address":"%d Cold Street"}\n' "$s" "$s"
done | catalog_post_all "$TOKEN" sites "$SITE_IDS" "$SEED_PARALLEL"
mapfile -t sites <"$SITE_IDS"
# One POST batch per site and per area, so each created ID's place is known (answers come in completion order).
: >"$AREA_IDS.sites"
for site in "${sites[@]}"; do
  for ((a = 1; a <= AREAS_PER_SITE; a++)); do printf '{"siteId":"%s","name":"Cold room %d"}\n' "$site" "$a"; done |
    catalog_post_all "$TOKEN" areas "$AREA_IDS" "$SEED_PARALLEL"
  awk -v site="$site" '{ print $1, site }' "$AREA_IDS" >>"$AREA_IDS.sites"
done
mapfile -t areas <"$AREA_IDS.sites"
# Rules wider than a unit go in before the units exist: a rule change re-evaluates (and locks) every state
# it covers, which for an org rule over 10,000 units takes longer than the gateway's timeout.
band='"kind":"threshold","metric":"temperature_c","min":0,"max":8,"deadband":0.5'
rule_area=$(awk -v s="${sites[1]:-${sites[0]}}" '$2 == s { print $1; exit }' "$AREA_IDS.sites")
{
  printf '{"scope":{"level":"org"},%s,"excursionDuration":"PT5M"}\n' "$band"
  printf '{"scope":{"level":"org_unit_type","unitType":"freezer"},%s,"excursionDuration":"PT10M"}\n' "$band"
  printf '{"scope":{"level":"site","id":"%s"},%s,"excursionDuration":"PT10M","severity":"critical"}\n' "${sites[0]}" "$band"
  printf '{"scope":{"level":"area","id":"%s"},%s,"severity":"critical"}\n' "$rule_area" "$band"
  printf '{"scope":{"level":"org"},"kind":"offline","offlineAfter":"PT30M"}\n'
  printf '{"scope":{"level":"org"},"kind":"low_battery","belowPercent":20}\n'
} | api_post_all "$TOKEN" alerts/rules "$RULE_IDS" 1
: >"$UNITS_FILE"
per_area=$(((UNITS + ${#areas[@]} - 1) / ${#areas[@]}))
for ((i = 0; i < ${#areas[@]}; i++)); do
  read -r area site <<<"${areas[i]}"
  first=$((i * per_area))
  last=$((first + per_area < UNITS ? first + per_area : UNITS))
  ((first < last)) || break
  for ((u = first; u < last; u++)); do
    type=fridge
    ((u % 2)) && type=freezer
    printf '{"areaId":"%s","name":"Unit %d","type":"%s","description":"Seeded by bench/alerts.sh"}\n' "$area" "$u" "$type"
  done | catalog_post_all "$TOKEN" units "$UNIT_IDS" "$SEED_PARALLEL"
  awk -v site="$site" -v area="$area" '{ print $1, site, area }' "$UNIT_IDS" >>"$UNITS_FILE"
done
bench_say "seeded in $(($(date +%s) - seed_started))s"

bench_say "waiting for alert-service's unit projection to hold all $UNITS units"
deadline=$(($(date +%s) + 180))
until [[ $(psql -tA -c "select count(*) from alert.unit_projection where org_id = '$ORG_ID' and not deleted") == "$UNITS" ]]; do
  (($(date +%s) < deadline)) || bench_die "alert-service's projection does not hold the $UNITS units after 180 s"
  sleep 2
done

# Units by role: the first 200 are the latency bench's immediate units, the next 200 its timer units; the
# fleet posts for the others. Site 1 and one area of site 2 get rules of their own.
awk '{ print $1, $2 }' "$UNITS_FILE" >"$UNITS_FILE.pairs"
head -n $IMMEDIATE_UNITS "$UNITS_FILE.pairs" >"$OUT/alerts.immediate"
sed -n "$((IMMEDIATE_UNITS + 1)),$((IMMEDIATE_UNITS + TIMER_UNITS))p" "$UNITS_FILE.pairs" >"$OUT/alerts.timer"
tail -n +$((UNIT_RULE_UNITS + 1)) "$UNITS_FILE.pairs" >"$OUT/alerts.fleet"

{
  while read -r unit _; do printf '{"scope":{"level":"unit","id":"%s"},%s}\n' "$unit" "$band"; done <"$OUT/alerts.immediate"
  while read -r unit _; do
    printf '{"scope":{"level":"unit","id":"%s"},%s,"excursionDuration":"PT%dS"}\n' "$unit" "$band" "$TIMER_SECONDS"
  done <"$OUT/alerts.timer"
} | api_post_all "$TOKEN" alerts/rules "$RULE_IDS.units" 4
cat "$RULE_IDS.units" >>"$RULE_IDS"
bench_say "created $(wc -l <"$RULE_IDS") rules (org, org_unit_type, site, area, $UNIT_RULE_UNITS unit thresholds, offline, low battery)"
last=$(tail -1 "$OUT/alerts.timer" | cut -d' ' -f1)
effective=$(curl -s -m 30 "${auth[@]}" "$GATEWAY_URL/api/alerts/units/$last/effective-rules")
grep -q "\"from\":{\"level\":\"unit\"" <<<"$effective" || bench_die "the unit rule is not in force for $last: $effective"

bench_say "creating a device API key for the whole org"
key_response=$(curl -s -m 30 -w '\n%{http_code}' -X POST "$GATEWAY_URL/api/identity/api-keys" "${auth[@]}" \
  -d "{\"name\":\"bench alerts $run_id\"}")
[[ ${key_response##*$'\n'} == 201 ]] || bench_die "creating the API key failed: ${key_response//$'\n'/ }"
json_field key <<<"${key_response%$'\n'*}" >"$API_KEY"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RAW="$OUT/alerts.out"
: >"$RAW"

if ! $LATENCY_ONLY; then
# ---------------------------------------------------------------- throughput
kafka_topics() { java -Xmx128m -cp "$PLATFORM_ROOT/.frostline/kafka/libs/*" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 "$@"; }
bench_say "creating $BENCH_TOPIC (6 partitions) and starting a second alert-service on it (port $BENCH_PORT, $ALERT_JAR)"
kafka_topics --delete --if-exists --topic "$BENCH_TOPIC" >/dev/null 2>&1 || true
sleep 2
kafka_topics --create --if-not-exists --topic "$BENCH_TOPIC" --partitions 6 --config retention.ms=1800000 >/dev/null
psql -q -c "delete from alert.consumer_positions where topic = '$BENCH_TOPIC'"
# The platform's own alert-service heap (./frostline's service_heap), so the replica runs as the platform's does.
INSTANCE_HEAP=$(tr '\0' '\n' <"/proc/$(pgrep -f "$PLATFORM_ROOT/alert-service/target/quarkus-app/quarkus-run.jar" | head -1)/cmdline" 2>/dev/null |
  sed -n 's/^-Xmx//p' | head -1) || true
INSTANCE_HEAP=${INSTANCE_HEAP:-512m}
(
  set -a
  . "$PLATFORM_ROOT/deploy/local/local.env"
  set +a
  export QUARKUS_HTTP_PORT=$BENCH_PORT FROSTLINE_INSTANCE=bench \
    MP_MESSAGING_INCOMING_READINGS_TOPIC=$BENCH_TOPIC MP_MESSAGING_INCOMING_READINGS_GROUP_ID=alert-service.bench-evaluator
  for assignment in "${INSTANCE_ENV[@]}"; do export "${assignment?}"; done
  exec java "-Xms$INSTANCE_HEAP" "-Xmx$INSTANCE_HEAP" -XX:+UseSerialGC -jar "$ALERT_JAR" >"$OUT/alerts-instance.log" 2>&1
) &
BENCH_PID=$!
deadline=$(($(date +%s) + 120))
until [[ $(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$BENCH_PORT/q/health/ready" || true) == 200 ]]; do
  kill -0 "$BENCH_PID" 2>/dev/null || bench_die "the bench alert-service exited (see $OUT/alerts-instance.log)"
  (($(date +%s) < deadline)) || bench_die "the bench alert-service is not ready after 120 s"
  sleep 1
done
if $PROFILE; then
  ( sleep 20; jcmd "$BENCH_PID" JFR.start settings=profile duration=25s filename="$OUT/alerts.jfr" >/dev/null ) &
fi
bench_say "throughput: warm-up backlog $WARMUP_BACKLOG, then $ROUNDS rounds of $BACKLOG records over $UNITS units (load average $LOAD_BEFORE)"
loadgen alert-eval --org-id "$ORG_ID" --units-file "$UNITS_FILE.pairs" --kafka-topic "$BENCH_TOPIC" \
  --backlog "$BACKLOG" --warmup-backlog "$WARMUP_BACKLOG" --rounds "$ROUNDS" | tee -a "$RAW"
kill "$BENCH_PID" 2>/dev/null && wait "$BENCH_PID" 2>/dev/null || true
BENCH_PID=""
kafka_topics --delete --if-exists --topic "$BENCH_TOPIC" >/dev/null 2>&1 || true

fi
if $THROUGHPUT_ONLY; then
  bench_say "--throughput-only: no latency measured, nothing written"
  exit 0
fi

# ---------------------------------------------------------------- latency
bench_say "waiting for telemetry to know the key and all $UNITS units"
awk '{ print $1 }' "$UNITS_FILE" >"$UNITS_FILE.ids"
# The probe posts an in-range reading for every unit, recorded now: before anything the latency run sends.
await_units_accepted "$API_KEY" "$UNITS_FILE.ids" "$PROBE" 120
bench_say "latency: $RATE readings/s through the gateway, warm-up ${WARMUP}s, $ROUNDS rounds x ${DURATION}s"
loadgen alert-latency --org-id "$ORG_ID" --units-file "$OUT/alerts.fleet" --immediate-units-file "$OUT/alerts.immediate" \
  --timer-units-file "$OUT/alerts.timer" --timer-duration "$TIMER_SECONDS" --base-url "$GATEWAY_URL" \
  --api-key-file "$API_KEY" --rate "$RATE" --trigger-rate "$TRIGGER_RATE" --warmup "$WARMUP" --duration "$DURATION" \
  --rounds "$ROUNDS" | tee -a "$RAW"

# ---------------------------------------------------------------- report
if $LATENCY_ONLY; then
  bench_say "--latency-only: no throughput measured, nothing written"
  exit 0
fi
for target in producer alert-service kafka-consumer immediate timer "frostline@$RATE"; do
  grep -q "^median target=$target " "$RAW" || bench_die "the load generator reported no result for $target (see above)"
done
while read -r line; do
  [[ $(field errors "$line") == 0 ]] || bench_die "errors in $(field target "$line"): $(field error_kinds "$line"); not reporting these numbers"
done < <(grep '^median ' "$RAW")
median_of() { grep "^median target=$1 " "$RAW"; }
per_round() { grep "^round target=$1 " "$RAW" | while read -r line; do field "$2" "$line"; done | paste -sd' '; }
ms() { micros_to_ms "$(field "$1" "$2")"; }
evaluated=$(median_of alert-service) raw=$(median_of kafka-consumer) producer=$(median_of producer)
immediate=$(median_of immediate) timer=$(median_of timer) ingest=$(median_of "frostline@$RATE")
share=$(awk -v a="$(field rps "$evaluated")" -v b="$(field rps "$raw")" 'BEGIN { printf "%.1f%%", 100 * a / b }')
verdict_rate=$(awk -v p="$(field rps "$evaluated")" -v t="$TARGET_EVALUATED" 'BEGIN { print (p >= t) ? "met" : "missed" }')
verdict() { awk -v p="$(ms p99_us "$1")" -v t="$TARGET_P99_MS" 'BEGIN { print (p < t) ? "met" : "missed" }'; }
reached=yes
[[ $(field reached "$ingest") == true ]] || reached="**no** ($(field accepted_rps "$ingest") readings/s accepted)"

table="| evaluation throughput (same run, same records) | records/s | per round |
|---|---:|---|
| alert-service, one instance: produced → all positions committed | **$(field rps "$evaluated")** | $(per_round alert-service rps) |
| raw Kafka consumer (read_committed, JSON parsed), flat out | **$(field rps "$raw")** | $(per_round kafka-consumer rps) |
| alert-service ÷ raw consumer | **$share** | |
| (the backlog's producer, one raw producer, acks=all) | $(field rps "$producer") | $(per_round producer rps) |

| alert event latency at $RATE readings/s (target reached: $reached) | alerts matched | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |
|---|---:|---:|---:|---:|---:|
| reading out of range, no excursion duration: ingest 202 → alert.opened at the consumer | $(field count "$immediate") | $(ms p50_us "$immediate") | $(ms p90_us "$immediate") | **$(ms p99_us "$immediate")** | $(ms max_us "$immediate") |
| excursion duration ${TIMER_SECONDS} s, no reading after: recordedAt + ${TIMER_SECONDS} s → alert.opened | $(field count "$timer") | $(ms p50_us "$timer") | $(ms p90_us "$timer") | **$(ms p99_us "$timer")** | $(ms max_us "$timer") |
| (the background ingest: $(field accepted_rps "$ingest") readings/s accepted, ingest p50/p99) | | $(ms p50_us "$ingest") | | $(ms p99_us "$ingest") | |"

summary="Targets (issue 6), everything on this machine:
- ≥ $TARGET_EVALUATED readings/s evaluated by one instance — **$verdict_rate** ($(field rps "$evaluated") readings/s, $share of the raw consumer).
- alert event p99 < ${TARGET_P99_MS} ms after the triggering reading at $RATE readings/s — **$(verdict "$immediate")** ($(ms p99_us "$immediate") ms); after the timer deadline — **$(verdict "$timer")** ($(ms p99_us "$timer") ms).
Per-round p99 (ms), immediate: $(per_round immediate p99_us | tr ' ' '\n' | while read -r us; do micros_to_ms "$us"; printf ' '; done)· timer: $(per_round timer p99_us | tr ' ' '\n' | while read -r us; do micros_to_ms "$us"; printf ' '; done)"

printf '\n%s\n\n%s\n' "$table" "$summary"

if $WRITE; then
  write_section alerts "Command: \`$COMMAND\` (platform from \`./frostline up\`; gateway ingest rate limit: $RATE_LIMIT; per-user: $CLIENT_RATE_LIMIT; throughput instance: \`${ALERT_JAR#"$PLATFORM_ROOT"/}\`${INSTANCE_ENV[*]:+ with ${INSTANCE_ENV[*]}}).
Measured $(date -u +%Y-%m-%d) on this machine ($(machine); load average $LOAD_BEFORE before measuring). The load generator, Kafka, PostgreSQL and all services share the machine.
$UNITS units ($SITES sites × $AREAS_PER_SITE areas, half fridges, half freezers) of one org; rules: org, org-for-freezers, site, area and $UNIT_RULE_UNITS unit thresholds, org offline and low-battery. Throughput: warm-up backlog of $WARMUP_BACKLOG records, then $ROUNDS rounds of $BACKLOG (1 in 50 temperatures out of range, 1 in 10 records a battery reading); medians over rounds. Latency: warm-up ${WARMUP} s, $ROUNDS rounds of ${DURATION} s; $IMMEDIATE_UNITS immediate units triggered at $((TRIGGER_RATE / 2)) alerts/s, $TIMER_UNITS timer units once per round; medians over rounds.

$table

$summary"
fi
