#!/usr/bin/env bash
# Measures, for each service in JVM mode, the time from process start to /q/health/ready = 200
# and its resident memory (RSS) after 10 s idle. Each service is started RUNS times, one at a
# time, against the local infrastructure; the median is reported. identity-service stays up
# while the others are measured, because the gateway's readiness needs its JWKS.
#
# Usage: bench/startup.sh [--runs N] [--write]
#   --write  also rewrites the startup section of docs/BENCHMARKS.md
# Needs: ./frostline infra running, services built (./mvnw -DskipTests install), services stopped.
set -euo pipefail
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

RUNS=3
WRITE=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --write) WRITE=true; shift ;;
    *) echo "usage: bench/startup.sh [--runs N] [--write]" >&2; exit 2 ;;
  esac
done

SERVICES=(identity-service:8081 catalog-service:8082 telemetry-service:8083 alert-service:8084
  realtime-service:8085 storage-service:8086 gateway-service:8080)
IDLE_SECONDS=10
JVM_OPTS=(-Xms64m -Xmx256m -XX:+UseSerialGC)

set -a
# shellcheck disable=SC1091
. "$ROOT/deploy/local/local.env"
set +a

now_ms() { date +%s%3N; }

start_service() { # module -> pid
  local module=$1
  java "${JVM_OPTS[@]}" -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" \
    >"$OUT/$module.log" 2>&1 &
  echo $!
}

wait_ready() { # port pid timeout_s -> 0 when ready
  local port=$1 pid=$2 deadline=$(( $(date +%s) + $3 ))
  while (( $(date +%s) < deadline )); do
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready") == 200 ]]; then
      return 0
    fi
    sleep 0.05
  done
  return 1
}

stop_service() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

for entry in "${SERVICES[@]}"; do
  port=${entry##*:}
  if curl -s -o /dev/null "http://127.0.0.1:$port/q/health/live"; then
    echo "bench: port $port is busy: stop the platform first (./frostline down, then ./frostline infra)" >&2
    exit 1
  fi
done

identity_pid=""
trap '[[ -n $identity_pid ]] && stop_service "$identity_pid"' EXIT

declare -A START_MS RSS
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}
  port=${entry##*:}
  starts=() rsss=()
  for ((run = 1; run <= RUNS; run++)); do
    t0=$(now_ms)
    pid=$(start_service "$module")
    if ! wait_ready "$port" "$pid" 120; then
      echo "bench: $module did not become ready; log: $OUT/$module.log" >&2
      exit 1
    fi
    starts+=($(( $(now_ms) - t0 )))
    sleep "$IDLE_SECONDS"
    rsss+=("$(rss_mb "$pid")")
    if [[ $module == identity-service && $run == "$RUNS" ]]; then
      identity_pid=$pid   # kept running for the others
    else
      stop_service "$pid"
    fi
  done
  START_MS[$module]=$(printf '%s\n' "${starts[@]}" | median)
  RSS[$module]=$(printf '%s\n' "${rsss[@]}" | median)
  printf 'bench: %-18s start-to-ready %6s ms (runs: %s)   idle RSS %4s MB (runs: %s)\n' "$module" \
    "${START_MS[$module]}" "${starts[*]}" "${RSS[$module]}" "${rsss[*]}"
done

table="| service | start to ready (median ms) | idle RSS (median MB) |
|---|---:|---:|"
for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}
  table+="
| $module | ${START_MS[$module]} | ${RSS[$module]} |"
done

if $WRITE; then
  java_version=$(java -version 2>&1 | head -1)
  write_section startup "Command: \`bench/startup.sh --runs $RUNS --write\` (infrastructure from \`./frostline infra\`, services built with \`./mvnw -DskipTests install\`).
Measured $(date -u +%Y-%m-%d) on this machine ($(nproc) cores, $java_version), JVM flags \`${JVM_OPTS[*]}\`, $RUNS runs per service, medians.
Start to ready = from launching \`java -jar\` to the first 200 from \`/q/health/ready\` (database, Kafka and, where relevant, S3 or JWKS checks all UP). Idle RSS = VmRSS ${IDLE_SECONDS} s after ready.

$table"
else
  echo "$table"
fi
