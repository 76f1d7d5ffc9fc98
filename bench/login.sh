#!/usr/bin/env bash
# Login throughput and latency: POST /api/identity/token against identity-service directly (and,
# with --gateway, also through the gateway), by C closed-loop clients for each C given. A login is
# one bcrypt verification plus a read of the user and memberships and the insert of a refresh-token
# family; bcrypt dominates by design, so the report states the cost factor (read from
# identity-service's PasswordHasher) and the ceiling it sets: cores / time of one verification.
#
# Usage: bench/login.sh [--concurrency "1 4 16"] [--rounds 3] [--duration 10] [--warmup 5] [--gateway] [--write]
#   --gateway  also measure through the gateway (anonymous calls share one per-address rate limit
#              there, 50/s by default: raise FROSTLINE_GATEWAY_RATE_CLIENT_CAPACITY/_REFILL when
#              starting the platform, as for bench/gateway-overhead.sh)
#   --write    also rewrites the login section of docs/BENCHMARKS.md
# Needs: the platform running (./frostline up). Signs up one throwaway user (bench-...@example.com)
# per client of the highest concurrency, so no account is ever logged into by two clients at once
# (per-account throttling never applies to this run); only successful logins are measured, any
# error fails the run.
set -euo pipefail
# shellcheck source=bench/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

CONCURRENCIES="1 4 16" ROUNDS=3 DURATION=10 WARMUP=5 VIA_GATEWAY=false WRITE=false
COMMAND=$(command_line bench/login.sh "$@")
while [[ $# -gt 0 ]]; do
  case $1 in
    --concurrency) CONCURRENCIES=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --gateway) VIA_GATEWAY=true; shift ;;
    --write) WRITE=true; shift ;;
    *) echo 'usage: bench/login.sh [--concurrency "1 4 16"] [--rounds N] [--duration S] [--warmup S] [--gateway] [--write]' >&2; exit 2 ;;
  esac
done

HASHER="$ROOT/identity-service/src/main/java/dev/frostline/identity/service/PasswordHasher.java"
COST=$(sed -nE 's/.*int COST = ([0-9]+);.*/\1/p' "$HASHER" 2>/dev/null | head -1)
[[ -n $COST ]] || bench_die "could not read the bcrypt cost (int COST = ...) from ${HASHER#"$ROOT"/}"

require_ready identity-service "$IDENTITY_URL"
targets=(--target "direct=$IDENTITY_URL/api/identity/token")
if $VIA_GATEWAY; then
  require_ready gateway-service "$GATEWAY_URL"
  targets+=(--target "gateway=$GATEWAY_URL/api/identity/token")
fi
build_loadgen

bench_say "timing one bcrypt verification at cost $COST on one thread"
bcrypt_line=$(loadgen bcrypt --cost "$COST" --runs 15)
bench_say "$bcrypt_line"
hash_ms=$(field median_ms "$bcrypt_line")
ceiling=$(awk -v n="$(nproc)" -v ms="$hash_ms" 'BEGIN { printf "%.0f", n * 1000 / ms }')

users=$(tr ' ' '\n' <<<"$CONCURRENCIES" | sort -n | tail -1)
run_id=$(date +%s)-$RANDOM
password="bench password $run_id"
EMAILS="$OUT/login.emails"
: >"$EMAILS"
bench_say "signing up $users user(s) at identity-service"
for ((i = 1; i <= users; i++)); do
  email="bench-login-$run_id-$i@example.com"
  sign_up "$IDENTITY_URL" "$email" "$password" >/dev/null
  printf '%s\n' "$email" >>"$EMAILS"
done

RAW="$OUT/login.out"
: >"$RAW"
rows=""
for c in $CONCURRENCIES; do
  bench_say "measuring $c client(s): warm-up ${WARMUP}s, $ROUNDS rounds x ${DURATION}s"
  loadgen http "${targets[@]}" --method POST --header 'Content-Type: application/json' \
    --body "{\"email\":\"{v}\",\"password\":\"$password\"}" --vary-file "$EMAILS" \
    --concurrency "$c" --warmup "$WARMUP" --duration "$DURATION" --rounds "$ROUNDS" | sed "s/^/concurrency=$c /" | tee -a "$RAW"
  while read -r line; do
    [[ $(field errors "$line") == 0 ]] ||
      bench_die "errors at concurrency $c ($(field target "$line"): $(field error_kinds "$line")); not reporting these numbers"
    rows+="
| $c | $(field target "$line") | $(field rps "$line") | $(micros_to_ms "$(field p50_us "$line")") | $(micros_to_ms "$(field p99_us "$line")") |"
  done < <(grep "^concurrency=$c median " "$RAW")
done

peak=$(grep ' median target=direct ' "$RAW" | while read -r line; do field rps "$line"; done | sort -n | tail -1)
table="| clients | path | logins/s | p50 (ms) | p99 (ms) |
|---|---|---:|---:|---:|$rows"
summary="bcrypt cost factor **$COST** (identity-service \`PasswordHasher.COST\`): one verification takes $hash_ms ms on one thread here (median of 15, \`loadgen bcrypt\`, Elytron as identity uses it), so $(nproc) cores cap logins at about **$ceiling/s**. Peak measured directly: $peak logins/s ($(awk -v p="$peak" -v c="$ceiling" 'BEGIN { printf "%.0f", 100 * p / c }')% of that ceiling)."

printf '\n%s\n\n%s\n' "$table" "$summary"

if $WRITE; then
  write_section login "Command: \`$COMMAND\` (platform from \`./frostline up\`).
Measured $(date -u +%Y-%m-%d) on this machine ($(machine)). The load generator runs on the same machine as the services.
Each client logs in as its own user, in a closed loop; warm-up ${WARMUP} s, then $ROUNDS round(s) of ${DURATION} s per path; medians over rounds. Only successful logins (200) count.

$table

$summary"
fi
