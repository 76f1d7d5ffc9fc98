#!/usr/bin/env bash
# WebSocket fan-out (issue 7): N WebSocket connections to ONE realtime-service instance (directly on
# 8085, not through the gateway), each subscribed to one channel, half of them unit:<id> channels and half
# site:<id> channels of a fresh org (--units units over --sites sites), while readings flow in through the
# gateway (POST /api/telemetry/readings, --readings-per-request readings per request, round robin over the
# units, open loop at --rate readings per second). A reading reaches its unit's subscribers and its site's:
# with the defaults (20,000 connections, 200 units, 20 sites) 50 + 500 = 550 frames per reading. Reports
# connections held, event frames delivered per second, and p50/p99 from the 202 of the request that
# carried a reading (as the load client saw it) to each of its frames at the client. Baseline in the same run: a bare Vert.x WebSocket server fed by a bare Kafka
# consumer of the same topic (loadgen realtime-baseline-server), fanning out the same frames to the same N
# connections from the same client; rounds alternate which target goes first. Medians over rounds.
#
# Usage: bench/realtime.sh [--connections 20000] [--units 200] [--sites 20] [--rate 100] [--readings-per-request 1]
#                          [--ingest-warmup 20] [--rounds 2] [--warmup 10] [--duration 30] [--source-addresses 4] [--write]
#   --readings-per-request  readings in each ingest request: the fan-out owes the same frames per reading,
#                       while the gateway and telemetry serve that many times fewer requests (devices batch too)
#   --ingest-warmup     seconds of posting at --rate before the first phase opens its sockets: the JIT has
#                       compiled the ingest path (gateway, telemetry, Kafka, alert) before it shares the cores
#   --source-addresses  how many client IPs (127.0.0.2, 127.0.0.3, ...) the connections spread over:
#                       each has its own ~28,000 ephemeral ports, and closed connections linger in TIME_WAIT
#   --write             also rewrites the realtime section of docs/BENCHMARKS.md
# Needs: the platform running (./frostline up) with the gateway's rate limits raised, since it seeds as one
# user and posts with one device key:
#   FROSTLINE_GATEWAY_RATE_CLIENT_CAPACITY=1000000 FROSTLINE_GATEWAY_RATE_CLIENT_REFILL=1000000 \
#   FROSTLINE_GATEWAY_RATE_INGEST_CAPACITY=1000000 FROSTLINE_GATEWAY_RATE_INGEST_REFILL=1000000 ./frostline up
# Raises the file-descriptor limit of this shell (the load client and the baseline) and of the running
# realtime-service (prlimit, which needs root or the same user) to what N connections need. Raising a
# hard limit needs CAP_SYS_RESOURCE: where the hard limit is 20,000 (this machine's container), a process
# cannot hold 20,000 sockets plus its own files, and about 19,000 connections is the most one can measure.
# Signs up a throwaway org (bench-realtime-...@example.com) and leaves it, its units and its readings in
# the platform's database. Any refused reading (429, 503, ...) fails the run rather than report numbers.
set -euo pipefail
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

CONNECTIONS=20000 UNITS=200 SITES=20 RATE=100 PER_REQUEST=1 INGEST_WARMUP=20 ROUNDS=2 WARMUP=10 DURATION=30 SOURCES=4 WRITE=false
COMMAND=$(command_line bench/realtime.sh "$@")
usage='usage: bench/realtime.sh [--connections N] [--units N] [--sites N] [--rate R] [--readings-per-request N] [--ingest-warmup S] [--rounds N] [--warmup S] [--duration S] [--source-addresses N] [--write]'
while [[ $# -gt 0 ]]; do
  case $1 in
    --connections) CONNECTIONS=$2; shift 2 ;;
    --units) UNITS=$2; shift 2 ;;
    --sites) SITES=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --readings-per-request) PER_REQUEST=$2; shift 2 ;;
    --ingest-warmup) INGEST_WARMUP=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --source-addresses) SOURCES=$2; shift 2 ;;
    --write) WRITE=true; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
for count in "$CONNECTIONS" "$UNITS" "$SITES" "$RATE" "$PER_REQUEST" "$ROUNDS" "$SOURCES" "$WARMUP" "$DURATION"; do
  [[ $count =~ ^[1-9][0-9]*$ ]] || { echo "$usage (whole numbers from 1, got: $count)" >&2; exit 2; }
done
((UNITS % SITES == 0)) || { echo "$usage (--units must be a multiple of --sites)" >&2; exit 2; }
[[ $INGEST_WARMUP =~ ^[0-9]+$ ]] || { echo "$usage (--ingest-warmup: whole seconds, got: $INGEST_WARMUP)" >&2; exit 2; }
((SOURCES <= 250)) || { echo "$usage (at most 250 source addresses)" >&2; exit 2; }
((PER_REQUEST <= 500)) || { echo "$usage (telemetry takes at most 500 readings per request)" >&2; exit 2; }
TARGET_CONNECTIONS=20000 TARGET_EVENTS=50000 TARGET_P99_MS=100   # issue 7, on this 2-core machine
REALTIME_URL=http://127.0.0.1:8085
BASELINE_PORT=18190
SEED_PARALLEL=8
PROBE_TIMEOUT=90

require_ready gateway-service "$GATEWAY_URL"
require_ready realtime-service "$REALTIME_URL"
build_loadgen
RATE_LIMIT=$(rate_limit_setting ingest)
CLIENT_RATE_LIMIT=$(rate_limit_setting client)
[[ $RATE_LIMIT == *default* || $CLIENT_RATE_LIMIT == *default* ]] &&
  bench_say "warning: the gateway runs with a default rate limit ($RATE_LIMIT; $CLIENT_RATE_LIMIT): expect 429s; see the header of this script"

# Every connection is a descriptor on both ends; the client also holds the other target's closing ones.
FDS=$((2 * CONNECTIONS + 10000))
ulimit -n "$FDS" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
(($(ulimit -n) >= CONNECTIONS + 1000)) || bench_die "cannot raise this shell's file-descriptor limit to $FDS (hard limit $(ulimit -Hn))"
REALTIME_PID=$(cat "$ROOT/.frostline/pids/realtime-service.pid" 2>/dev/null || true)
[[ $REALTIME_PID =~ ^[0-9]+$ ]] || bench_die "realtime-service was not started by ./frostline from this checkout (no pid file)"
realtime_fds=$(awk '/^Max open files/ { print $4 }' "/proc/$REALTIME_PID/limits")
if ((realtime_fds < CONNECTIONS + 1000)); then
  bench_say "raising realtime-service's file-descriptor limit from $realtime_fds to $FDS (prlimit)"
  prlimit --pid "$REALTIME_PID" --nofile="$FDS:$FDS" || bench_die "prlimit failed: realtime-service can hold only ~$realtime_fds connections"
fi

TOKEN="$OUT/realtime.token" API_KEY="$OUT/realtime.key" SITE_IDS="$OUT/realtime.sites" AREA_IDS="$OUT/realtime.areas"
UNIT_IDS="$OUT/realtime.unit-ids" UNITS_FILE="$OUT/realtime.units" CHANNELS="$OUT/realtime.channels"
PROBE="$OUT/realtime.probe" RAW="$OUT/realtime.out" BASELINE_LOG="$OUT/realtime-baseline.log"
BASELINE_PID=""
cleanup() {
  rm -f "$TOKEN" "$API_KEY"
  if [[ -n $BASELINE_PID ]]; then kill "$BASELINE_PID" 2>/dev/null || true; wait "$BASELINE_PID" 2>/dev/null || true; fi
  true
}
trap cleanup EXIT
umask 077  # the token and the device key
run_id=$(date +%s)-$RANDOM
bench_say "signing up bench-realtime-$run_id@example.com (owner of a new org) through the gateway"
signed_up=$(sign_up_response "$GATEWAY_URL" "bench-realtime-$run_id@example.com" "bench password $run_id")
json_field accessToken <<<"$signed_up" >"$TOKEN"

bench_say "seeding $SITES sites x 1 area x $((UNITS / SITES)) units ($SEED_PARALLEL POSTs at a time)"
for ((s = 1; s <= SITES; s++)); do
  printf '{"name":"Bench realtime site %d","timeZone":"Europe/Berlin"}\n' "$s"
done | catalog_post_all "$TOKEN" sites "$SITE_IDS" "$SEED_PARALLEL"
: >"$UNITS_FILE"
while read -r site; do
  printf '{"siteId":"%s","name":"Cold room"}\n' "$site" | catalog_post_all "$TOKEN" areas "$AREA_IDS" 1
  for ((u = 1; u <= UNITS / SITES; u++)); do
    printf '{"areaId":"%s","name":"Fridge %d","type":"fridge"}\n' "$(<"$AREA_IDS")" "$u"
  done | catalog_post_all "$TOKEN" units "$UNIT_IDS.part" "$SEED_PARALLEL"
  awk -v site="$site" '{ print $1, site }' "$UNIT_IDS.part" >>"$UNITS_FILE"
done <"$SITE_IDS"
rm -f "$UNIT_IDS.part"
cut -d' ' -f1 "$UNITS_FILE" >"$UNIT_IDS"
# Connection i takes line i mod lines: unit and site channels alternate, every unit once, every site
# --units / --sites times, so half the connections watch a unit and half a site.
awk '{ print "unit:" $1; print "site:" $2 }' "$UNITS_FILE" >"$CHANNELS"

bench_say "creating a device API key for the whole org"
key_response=$(curl -s -m 30 -w '\n%{http_code}' -X POST "$GATEWAY_URL/api/identity/api-keys" \
  -H "Authorization: Bearer $(<"$TOKEN")" -H 'Content-Type: application/json' -d "{\"name\":\"bench realtime $run_id\"}")
[[ ${key_response##*$'\n'} == 201 ]] || bench_die "creating the API key failed: ${key_response//$'\n'/ }"
json_field key <<<"${key_response%$'\n'*}" >"$API_KEY"
bench_say "waiting for telemetry to know the key and all $UNITS units (at most ${PROBE_TIMEOUT}s)"
await_units_accepted "$API_KEY" "$UNIT_IDS" "$PROBE" "$PROBE_TIMEOUT"

bench_say "starting the baseline (bare Vert.x WebSocket fan-out of the readings topic) on port $BASELINE_PORT"
# Emptied first: the background java truncates it only once it runs, and the wait below must not
# find the previous run's "consuming" line meanwhile.
: >"$BASELINE_LOG"
# A 256m heap with SerialGC, as ./frostline's smaller services (realtime-service itself gets 1g).
java -Xms64m -Xmx256m -XX:+UseSerialGC -jar "$LOADGEN_JAR" realtime-baseline-server --port "$BASELINE_PORT" \
  --event-loops $((2 * $(nproc))) >"$BASELINE_LOG" 2>&1 &
BASELINE_PID=$!
for _ in $(seq 1 60); do
  grep -q 'consuming' "$BASELINE_LOG" 2>/dev/null && break
  kill -0 "$BASELINE_PID" 2>/dev/null || bench_die "the baseline server exited: $(tail -5 "$BASELINE_LOG")"
  sleep 1
done
grep -q 'consuming' "$BASELINE_LOG" || bench_die "the baseline server did not start within 60 s"

sources=$(for ((i = 2; i < SOURCES + 2; i++)); do printf '127.0.0.%d,' "$i"; done)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
bench_say "measuring: $CONNECTIONS connections, $RATE readings/s ($PER_REQUEST per request); warm-up ${WARMUP}s and ${DURATION}s per phase, $ROUNDS rounds x (frostline, baseline) (load average $LOAD_BEFORE)"
java -Xms1g -Xmx1g -jar "$LOADGEN_JAR" realtime-fanout \
  --targets "frostline=ws://127.0.0.1:8085/ws,baseline=ws://127.0.0.1:$BASELINE_PORT/ws" \
  --token-file "$TOKEN" --channels-file "$CHANNELS" --connections "$CONNECTIONS" --source-addresses "${sources%,}" \
  --ingest-url "$GATEWAY_URL/api/telemetry/readings" --api-key-file "$API_KEY" --units-file "$UNITS_FILE" \
  --rate "$RATE" --readings-per-request "$PER_REQUEST" --ingest-warmup "$INGEST_WARMUP" --warmup "$WARMUP" --duration "$DURATION" --rounds "$ROUNDS" | tee "$RAW"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
REALTIME_RSS=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$REALTIME_PID/status")
REALTIME_HWM=$(awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$REALTIME_PID/status")

for target in frostline baseline; do
  grep -q "^round target=$target " "$RAW" || bench_die "the load client reported nothing for $target (see above)"
done
while read -r line; do
  [[ $(field ingest_errors "$line") == 0 ]] ||
    bench_die "refused readings during the run ($(field target "$line"): $(field ingest_error_kinds "$line")); not reporting these numbers"
done < <(grep '^round ' "$RAW")

med() { grep "^round target=$1 " "$RAW" | while read -r line; do field "$2" "$line"; done | median; }
per_round() { grep "^round target=$1 " "$RAW" | while read -r line; do field "$2" "$line"; done | paste -sd' '; }
ms() { micros_to_ms "$(med "$1" "$2")"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }

rows=""
for target in frostline baseline; do
  label=$([[ $target == frostline ]] && echo "realtime-service (one instance, port 8085)" || echo "baseline: bare Vert.x WebSocket + Kafka consumer")
  rows+="
| $label | $(med "$target" held) | **$(med "$target" events_rps)** | $(med "$target" readings_rps) | $(med "$target" delivered_share) | $(ms "$target" p50_us) | **$(ms "$target" p99_us)** | $(ms "$target" p999_us) | $(ms "$target" max_us) | $(med "$target" connect_s) | $(per_round "$target" closed_by_server) |"
done
f_events=$(med frostline events_rps) b_events=$(med baseline events_rps)
f_p99=$(micros_to_ms "$(med frostline p99_us)") b_p99=$(micros_to_ms "$(med baseline p99_us)")
f_held=$(med frostline held)
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { ok = (dir == "min") ? (v >= t) : (v < t); print ok ? "met" : "missed" }'; }

table="| target | connections held | events delivered/s | readings/s in | delivered ÷ owed | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | connect (s) | closed by server, per round |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|$rows"
summary="Targets (issue 7, one instance on this 2-core machine):
- $TARGET_CONNECTIONS concurrent connections — **$(verdict "$f_held" "$TARGET_CONNECTIONS" min)** ($f_held held at the end of the window).
- $TARGET_EVENTS events/s delivered — **$(verdict "$f_events" "$TARGET_EVENTS" min)** ($f_events/s; $(ratio "$f_events" "$b_events") of the baseline's $b_events/s).
- p99 < $TARGET_P99_MS ms from the ingest 202 to the frame — **$(verdict "$f_p99" "$TARGET_P99_MS" max)** ($f_p99 ms; baseline $b_p99 ms).
Per round, events/s: frostline $(per_round frostline events_rps) · baseline $(per_round baseline events_rps); p99 (µs): frostline $(per_round frostline p99_us) · baseline $(per_round baseline p99_us).
Frames that arrived before the client had the 202 (counted as 0 ms): frostline $(per_round frostline before_202) · baseline $(per_round baseline before_202).
realtime-service RSS after the run: $REALTIME_RSS MB (peak $REALTIME_HWM MB); load average $LOAD_BEFORE before, $LOAD_AFTER after."

printf '\n%s\n\n%s\n' "$table" "$summary"

if $WRITE; then
  write_section realtime "Command: \`$COMMAND\` (platform from \`./frostline up\`; gateway ingest rate limit: $RATE_LIMIT; per-user: $CLIENT_RATE_LIMIT).
Measured $(date -u +%Y-%m-%d) on this machine ($(machine)). The load client (\`bench/loadgen realtime-fanout\`, Vert.x, $((2 * $(nproc))) event loops, 1 GB heap), the baseline server, Kafka, PostgreSQL and all services share the machine.
$CONNECTIONS connections per phase from $SOURCES client addresses, each subscribed to one channel: half \`unit:\` ($UNITS units, $((CONNECTIONS / 2 / UNITS)) each), half \`site:\` ($SITES sites, $((CONNECTIONS / 2 / SITES)) each), so a reading owes $((CONNECTIONS / 2 / UNITS + CONNECTIONS / 2 / SITES)) frames. $RATE readings/s posted through the gateway ($PER_REQUEST per request, open loop). Before the first phase, ${INGEST_WARMUP} s of ingest at that rate with no socket open (JIT warm-up). Per phase: connect and subscribe, warm-up ${WARMUP} s, a ${DURATION} s window, close; $ROUNDS round(s) of (frostline, baseline), alternating which goes first; medians over rounds. Latency: from the 202 of the ingest request that carried a reading, at the client, to each of its frames at the client. \"delivered ÷ owed\": frames received for the window's readings over the frames their channels' subscribers were owed.

$table

$summary"
fi
