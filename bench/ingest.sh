#!/usr/bin/env bash
# Device ingest at a target rate (issue 5): D simulated devices post batches of B readings through the
# gateway (POST /api/telemetry/readings with one device API key), open loop: each device is due every
# D x B / rate seconds, whether or not the platform keeps up. Reports accepted readings/s, p50/p99 of the
# ingest response (from when each batch was due), the time from the 202 to the readings being in
# PostgreSQL (1 request in --sample-every, polled by ID) and the readings/s persisted. Measured in the same
# run, interleaved in rounds (every rate, then Kafka, then COPY), on the same kind of records: a raw
# Kafka producer (acks=all, idempotent, the same JSON value, keyed by unit, to its own 6-partition topic)
# and a raw PostgreSQL COPY (the same rows, into an unlogged copy of the readings table), both flat out.
# Frostline's persisted rate is given as a fraction of each. Medians over rounds.
#
# Usage: bench/ingest.sh [--rate 10000 | --rates "1000 10000 50000"] [--devices 50] [--batch 100]
#                        [--units 100] [--rounds 3] [--duration 20] [--warmup 10] [--sample-every 50]
#                        [--drain-timeout 120] [--write]
#   --rates          a sweep: one platform phase per rate in every round (the baselines run once a round)
#   --drain-timeout  how long after each window to wait for its accepted readings to be stored
#   --write          also rewrites the ingest section of docs/BENCHMARKS.md
# Needs: the platform running (./frostline up), with its PostgreSQL at 127.0.0.1:5432 (database
# frostline, user frostline) and Kafka at 127.0.0.1:9092, which the baselines and the 202-to-PostgreSQL
# timing use directly. The gateway limits each device API key to a burst of
# FROSTLINE_GATEWAY_RATE_INGEST_CAPACITY requests and _REFILL per second (1000 and 200 by default); a
# rate of R readings/s in batches of B is R / B requests per second, and seeding sends about --units + 4
# requests as one user (FROSTLINE_GATEWAY_RATE_CLIENT_*, a burst of 100 by default). Start the platform
# with both raised for this benchmark:
#   FROSTLINE_GATEWAY_RATE_INGEST_CAPACITY=1000000 FROSTLINE_GATEWAY_RATE_INGEST_REFILL=1000000 \
#   FROSTLINE_GATEWAY_RATE_CLIENT_CAPACITY=1000000 FROSTLINE_GATEWAY_RATE_CLIENT_REFILL=1000000 ./frostline up
# Any refused request (429, 400, 503, ...) or request without an answer in a measured round fails the
# run rather than report flattering numbers. Signs up a throwaway user and org
# (bench-ingest-...@example.com) with one site, one area and --units units, creates a device API key,
# and leaves them and every reading sent in the running platform's database. The Kafka topic
# frostline.bench.raw-producer and the table public.bench_copy_readings exist only during the run.
set -euo pipefail
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

RATES="" DEVICES=50 BATCH=100 UNITS=100 ROUNDS=3 DURATION=20 WARMUP=10 SAMPLE_EVERY=50 DRAIN_TIMEOUT=120 WRITE=false
COMMAND=$(command_line bench/ingest.sh "$@")
usage='usage: bench/ingest.sh [--rate R | --rates "R1 R2 ..."] [--devices N] [--batch N] [--units N] [--rounds N] [--duration S] [--warmup S] [--sample-every N] [--drain-timeout S] [--write]'
while [[ $# -gt 0 ]]; do
  case $1 in
    --rate | --rates) RATES=$2; shift 2 ;;
    --devices) DEVICES=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --units) UNITS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --sample-every) SAMPLE_EVERY=$2; shift 2 ;;
    --drain-timeout) DRAIN_TIMEOUT=$2; shift 2 ;;
    --write) WRITE=true; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
RATES=${RATES:-10000}
RATES=$(tr ',' ' ' <<<"$RATES" | xargs)
for count in "$DEVICES" "$BATCH" "$UNITS" "$ROUNDS" "$SAMPLE_EVERY" $RATES; do
  [[ $count =~ ^[1-9][0-9]*$ ]] || { echo "$usage (counts and rates are whole numbers from 1, got: $count)" >&2; exit 2; }
done
((BATCH <= 500)) || { echo "$usage (telemetry takes batches of at most 500 readings, got: $BATCH)" >&2; exit 2; }
for seconds in "$DURATION" "$WARMUP" "$DRAIN_TIMEOUT"; do
  [[ $seconds =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "$usage (seconds, got: $seconds)" >&2; exit 2; }
done
TARGET_PERSISTED=50000   # issue 5: >= 50,000 readings/s sustained end to end, persisted
TARGET_P99_MS=50         # issue 5: ingest p99 < 50 ms ...
TARGET_P99_RATE=10000    # ... at 10,000 readings/s
SEED_PARALLEL=8
PROBE_TIMEOUT=90         # seconds for the new key and units to reach telemetry's projections
COPY_ROWS=10000          # rows per COPY (one transaction each) in the COPY baseline
KAFKA_PARTITIONS=6       # of the raw producer's topic: as many as frostline.telemetry.readings.v1 (Topics.DEFAULT_PARTITIONS)
highest_rate=$(tr ' ' '\n' <<<"$RATES" | sort -n | tail -1)

require_ready gateway-service "$GATEWAY_URL"
build_loadgen

RATE_LIMIT=$(rate_limit_setting ingest)
CLIENT_RATE_LIMIT=$(rate_limit_setting client)
[[ $RATE_LIMIT == *default* ]] &&
  bench_say "warning: the gateway runs with the default ingest rate limit ($RATE_LIMIT; $((highest_rate / BATCH)) requests/s needed at $highest_rate readings/s): expect 429s; see the header of this script"

TOKEN="$OUT/ingest.token" API_KEY="$OUT/ingest.key" SITE_IDS="$OUT/ingest.sites" AREA_IDS="$OUT/ingest.areas"
UNIT_IDS="$OUT/ingest.unit-ids" UNITS_FILE="$OUT/ingest.units" PROBE="$OUT/ingest.probe"
trap 'rm -f "$TOKEN" "$API_KEY"' EXIT
umask 077  # the token and the device key
run_id=$(date +%s)-$RANDOM
bench_say "signing up bench-ingest-$run_id@example.com (owner of a new org) through the gateway"
signed_up=$(sign_up_response "$GATEWAY_URL" "bench-ingest-$run_id@example.com" "bench password $run_id")
json_field accessToken <<<"$signed_up" >"$TOKEN"
ORG_ID=$(json_field orgId <<<"$signed_up")

bench_say "seeding 1 site x 1 area x $UNITS units ($SEED_PARALLEL POSTs at a time)"
printf '{"name":"Bench ingest site","timeZone":"Europe/Berlin","address":"1 Cold Street"}\n' |
  catalog_post_all "$TOKEN" sites "$SITE_IDS" "$SEED_PARALLEL"
SITE_ID=$(head -1 "$SITE_IDS")
printf '{"siteId":"%s","name":"Cold room"}\n' "$SITE_ID" | catalog_post_all "$TOKEN" areas "$AREA_IDS" "$SEED_PARALLEL"
for ((u = 1; u <= UNITS; u++)); do
  printf '{"areaId":"%s","name":"Fridge %d","type":"fridge","description":"Seeded by bench/ingest.sh"}\n' "$(head -1 "$AREA_IDS")" "$u"
done | catalog_post_all "$TOKEN" units "$UNIT_IDS" "$SEED_PARALLEL"
awk -v site="$SITE_ID" '{ print $1, site }' "$UNIT_IDS" >"$UNITS_FILE"

bench_say "creating a device API key for the whole org"
key_response=$(curl -s -m 30 -w '\n%{http_code}' -X POST "$GATEWAY_URL/api/identity/api-keys" \
  -H "Authorization: Bearer $(<"$TOKEN")" -H 'Content-Type: application/json' -d "{\"name\":\"bench ingest $run_id\"}")
[[ ${key_response##*$'\n'} == 201 ]] || bench_die "creating the API key failed: ${key_response//$'\n'/ }"
json_field key <<<"${key_response%$'\n'*}" >"$API_KEY"

# The key and the units reach telemetry through Kafka (identity's and catalog's compacted topics):
# wait until one reading for every unit is accepted, in batches of at most 500.
bench_say "waiting for telemetry to know the key and all $UNITS units (one reading per unit, at most ${PROBE_TIMEOUT}s)"
probe_started=$(date +%s)
split -l 500 "$UNIT_IDS" "$PROBE.part."
for part in "$PROBE".part.*; do
  python3 -c 'import json, sys
print(json.dumps({"readings": [{"unitId": line.strip(), "metric": "temperature_c", "value": 4.0} for line in sys.stdin if line.strip()]}))' \
    <"$part" >"$PROBE"
  while true; do
    status=$(curl -s -m 30 -o "$PROBE.answer" -w '%{http_code}' -X POST "$GATEWAY_URL/api/telemetry/readings" \
      -H "X-API-Key: $(<"$API_KEY")" -H 'Content-Type: application/json' --data-binary "@$PROBE" || true)
    [[ $status == 202 ]] && break
    [[ $status == 401 || $status == 400 ]] ||
      bench_die "a probe batch was answered $status: $(head -c 500 "$PROBE.answer" 2>/dev/null)"
    (($(date +%s) - probe_started < PROBE_TIMEOUT)) ||
      bench_die "telemetry still answers $status after ${PROBE_TIMEOUT}s: $(head -c 500 "$PROBE.answer" 2>/dev/null)"
    sleep 1
  done
done
rm -f "$PROBE" "$PROBE".part.* "$PROBE.answer"
bench_say "telemetry accepted a reading for every unit after $(($(date +%s) - probe_started))s"

RAW="$OUT/ingest.out"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
bench_say "measuring: $DEVICES devices, batches of $BATCH, rates $RATES readings/s; warm-up ${WARMUP}s, $ROUNDS rounds x (each rate, kafka, copy) x ${DURATION}s (load average $LOAD_BEFORE)"
loadgen ingest --base-url "$GATEWAY_URL" --api-key-file "$API_KEY" --org-id "$ORG_ID" --units-file "$UNITS_FILE" \
  --rates "$RATES" --devices "$DEVICES" --batch "$BATCH" --sample-every "$SAMPLE_EVERY" \
  --warmup "$WARMUP" --duration "$DURATION" --rounds "$ROUNDS" --drain-timeout "$DRAIN_TIMEOUT" \
  --kafka-partitions "$KAFKA_PARTITIONS" --copy-rows "$COPY_ROWS" | tee "$RAW"

for target in kafka copy; do
  grep -q "^median target=$target " "$RAW" || bench_die "the load generator reported no result for $target (see above)"
done
for rate in $RATES; do
  grep -q "^median target=frostline@$rate " "$RAW" || bench_die "the load generator reported no result at $rate readings/s (see above)"
done
while read -r line; do
  if [[ $(field errors "$line") != 0 ]]; then
    [[ $(field error_kinds "$line") == *429:* ]] &&
      bench_say "429s: the gateway's ingest rate limit was hit ($RATE_LIMIT); see the header of this script"
    bench_die "errors during the run ($(field target "$line"): $(field error_kinds "$line")); not reporting these numbers"
  fi
  [[ $(field persist_errors "$line") =~ ^(0|)$ ]] ||
    bench_die "$(field persist_errors "$line") database errors while timing readings into PostgreSQL ($(field target "$line")); not reporting these numbers"
done < <(grep '^median ' "$RAW")

kafka=$(grep '^median target=kafka ' "$RAW")
copy=$(grep '^median target=copy ' "$RAW")
ms() { micros_to_ms "$(field "$1" "$2")"; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else printf "-" }'; }
per_round() { grep "^round target=$1 " "$RAW" | while read -r line; do field "$2" "$line"; done | paste -sd' '; }

rows="" notes="" best_persisted=0 best_rate=""
for rate in $RATES; do
  line=$(grep "^median target=frostline@$rate " "$RAW")
  persisted=$(field persisted_rps "$line")
  reached=yes
  if [[ $(field reached "$line") != true ]]; then
    reached="**no**"
    notes+="
At $rate readings/s the target was not reached: $(field accepted_rps "$line") readings/s accepted, $(field late "$line") requests sent late. Each of the $DEVICES devices waits for its answer before it sends its next batch, so the platform's response time caps what they offer ($DEVICES × $BATCH readings / mean latency); a run with more --devices tells whether the platform or the number of devices is the limit."
  fi
  drain=$(field drain_ms "$line")
  if [[ $drain == -1 ]]; then
    drain="not within ${DRAIN_TIMEOUT} s"
    notes+="
At $rate readings/s, $(field unpersisted "$line") accepted readings were still not in PostgreSQL ${DRAIN_TIMEOUT} s after the window (worst round): the persister falls behind the accepted rate."
  else
    drain="$(awk -v d="$drain" 'BEGIN { printf "%.2f s", d / 1000 }')"
  fi
  rows+="
| $rate | $(field accepted_rps "$line") | $reached | **$persisted** | $(ms p50_us "$line") | **$(ms p99_us "$line")** | $(ms sent_p99_us "$line") | $(ms persist_p50_us "$line") | $(ms persist_p99_us "$line") | $(field persist_samples "$line") | $drain | $(share "$persisted" "$(field rps "$kafka")") | $(share "$persisted" "$(field rps "$copy")") |"
  if awk -v p="$persisted" -v b="$best_persisted" 'BEGIN { exit !(p > b) }'; then
    best_persisted=$persisted best_rate=$rate
  fi
done

table="| target (readings/s) | accepted (readings/s) | target reached | persisted (readings/s) | ingest p50 (ms) | ingest p99 (ms) | p99 from send (ms) | 202 → PostgreSQL p50 (ms) | 202 → PostgreSQL p99 (ms) | samples | all stored after | persisted ÷ Kafka | persisted ÷ COPY |
|---:|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|$rows

| baseline (same run, flat out, one client) | records/s | p50 (ms) | p99 (ms) | latency of |
|---|---:|---:|---:|---|
| raw Kafka producer: acks=all, idempotent, linger 5 ms, keyed by unit, $KAFKA_PARTITIONS partitions | **$(field rps "$kafka")** | $(ms p50_us "$kafka") | $(ms p99_us "$kafka") | one record, send to ack (flat out, mostly waiting in the producer's full buffer) |
| raw PostgreSQL COPY into an unlogged copy of the readings table (same columns, key, index) | **$(field rps "$copy")** | $(ms p50_us "$copy") | $(ms p99_us "$copy") | one COPY of $COPY_ROWS rows (one transaction) |"

if ((highest_rate >= TARGET_PERSISTED)); then
  verdict_rate=$(awk -v p="$best_persisted" -v t="$TARGET_PERSISTED" 'BEGIN { print (p >= t) ? "met" : "missed" }')
else
  verdict_rate="not judged: the highest target rate of this run is $highest_rate readings/s (include $TARGET_PERSISTED or more in --rates)"
fi
if [[ " $RATES " == *" $TARGET_P99_RATE "* ]]; then
  line=$(grep "^median target=frostline@$TARGET_P99_RATE " "$RAW")
  p99=$(ms p99_us "$line")
  if [[ $(field reached "$line") != true ]]; then
    verdict_p99="missed: $TARGET_P99_RATE readings/s was not sustained"
  else
    verdict_p99=$(awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { print (p < t) ? "met" : "missed" }')
  fi
  verdict_p99="$verdict_p99 ($p99 ms)"
else
  verdict_p99="not judged: $TARGET_P99_RATE readings/s is not among this run's target rates"
fi
summary="Targets (issue 5), everything on this machine:
- ≥ $TARGET_PERSISTED readings/s sustained end to end, persisted — **$verdict_rate** (best: $best_persisted readings/s persisted at a target of ${best_rate:-?}/s).
- ingest p99 < ${TARGET_P99_MS} ms at $TARGET_P99_RATE readings/s — **$verdict_p99**.
Per-round persisted readings/s: $(for rate in $RATES; do printf '%s: %s · ' "$rate" "$(per_round "frostline@$rate" persisted_rps)"; done)Kafka records/s: $(per_round kafka rps) · COPY rows/s: $(per_round copy rps)$notes"

printf '\n%s\n\n%s\n' "$table" "$summary"

if $WRITE; then
  write_section ingest "Command: \`$COMMAND\` (platform from \`./frostline up\`; gateway ingest rate limit: $RATE_LIMIT; per-user: $CLIENT_RATE_LIMIT).
Measured $(date -u +%Y-%m-%d) on this machine ($(machine); load average $LOAD_BEFORE before measuring). The load generator (\`bench/loadgen ingest\`, Vert.x HTTP client, one connection per device), Kafka, PostgreSQL and all services share the machine.
$DEVICES devices, one API key, batches of $BATCH readings over $UNITS units of one org (one site), open loop; 1 request in $SAMPLE_EVERY timed from its 202 until all its IDs are in \`telemetry.readings\`. Warm-up ${WARMUP} s (at $highest_rate readings/s, and each baseline), then $ROUNDS round(s) of ${DURATION} s: each target rate, then Kafka, then COPY; medians over rounds. Ingest latency counts from when a batch was due (\"from send\": from when it went out); persisted = readings of the window stored by its end, per second.

$table

$summary"
fi
