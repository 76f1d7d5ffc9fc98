# Shared by the bench scripts (sourced, not run). Defines ROOT, OUT and the helpers below.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/.frostline/bench"   # git-ignored: logs, throwaway credentials, raw loadgen output
DOC="$ROOT/docs/BENCHMARKS.md"
LOADGEN_JAR="$ROOT/bench/loadgen/target/loadgen.jar"
IDENTITY_URL=http://127.0.0.1:8081
GATEWAY_URL=http://127.0.0.1:8080
mkdir -p "$OUT"

# command_line <script> <args...>: the command as one could paste it again (arguments with spaces quoted).
command_line() {
  local arg line=$1
  shift
  for arg in "$@"; do
    [[ $arg =~ [[:space:]] ]] && arg="\"$arg\""
    line+=" $arg"
  done
  printf '%s' "$line"
}

bench_say() { printf 'bench: %s\n' "$*" >&2; }
bench_die() { printf 'bench: ERROR: %s\n' "$*" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# require_ready <name> <base url>: the benchmarks measure a running platform, they never start one.
require_ready() {
  [[ $(curl -s -o /dev/null -m 3 -w '%{http_code}' "$2/q/health/ready" || true) == 200 ]] ||
    bench_die "$1 is not ready at $2 (start the platform first: ./frostline up)"
}

# Builds the load generator when its jar is missing or older than its sources.
build_loadgen() {
  if [[ -f $LOADGEN_JAR ]] && [[ -z $(find "$ROOT/bench/loadgen/pom.xml" "$ROOT/bench/loadgen/src" -newer "$LOADGEN_JAR" -print -quit) ]]; then
    return 0
  fi
  bench_say "building the load generator: ./mvnw -q -B -f bench/loadgen/pom.xml package"
  (cd "$ROOT" && ./mvnw -q -B -f bench/loadgen/pom.xml package) || bench_die "building bench/loadgen failed"
}

# The load generator has the machine to itself as far as this script can arrange: a fixed small heap.
loadgen() { java -Xms256m -Xmx256m -jar "$LOADGEN_JAR" "$@"; }

# field <key> <line of key=value pairs>: prints the value.
field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1 == k { print substr($0, length(k) + 2); exit }'; }

# micros_to_ms <µs>: milliseconds with two decimals.
micros_to_ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }

# sign_up <base url> <email> <password>: creates a user and their organization, prints the access token.
sign_up() {
  local body response
  body=$(printf '{"email":"%s","password":"%s","organizationName":"Bench %s"}' "$2" "$3" "${2%%@*}")
  response=$(curl -s -m 30 -w '\n%{http_code}' -X POST "$1/api/identity/signup" -H 'Content-Type: application/json' -d "$body")
  [[ ${response##*$'\n'} == 201 ]] || bench_die "sign-up of $2 at $1 failed: ${response//$'\n'/ }"
  python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])' <<<"${response%$'\n'*}"
}

# rate_limit_setting: the per-user rate limit the running gateway was started with, read from its
# environment when ./frostline in this checkout started it. Scripts that send many requests as one
# user through the gateway state it with their results, because it decides whether they are valid.
rate_limit_setting() {
  local pidfile="$ROOT/.frostline/pids/gateway-service.pid" pid env capacity refill
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [[ ! $pid =~ ^[0-9]+$ ]] || ! env=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null); then
    printf 'unknown (the gateway was not started by ./frostline from this checkout)'
    return
  fi
  capacity=$(awk -F= '$1 == "FROSTLINE_GATEWAY_RATE_CLIENT_CAPACITY" { print $2 }' <<<"$env")
  refill=$(awk -F= '$1 == "FROSTLINE_GATEWAY_RATE_CLIENT_REFILL" { print $2 }' <<<"$env")
  printf 'per-user bucket capacity %s, refill %s/s' "${capacity:-default}" "${refill:-default}"
}

machine() { printf '%s cores, %s GB memory, %s' "$(nproc)" "$(free -g | awk '/^Mem:/ { print $2 }')" "$(java -version 2>&1 | head -1)"; }

# write_section <name> <markdown>: replaces what lies between <!-- name:begin --> and <!-- name:end -->
# in docs/BENCHMARKS.md (markers included), leaving every other section as it is.
write_section() {
  if ! python3 - "$DOC" "$1" "$2" <<'PY'
import re, sys
path, name, body = sys.argv[1:4]
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
text = open(path).read()
pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
if not pattern.search(text):
    sys.exit(f"bench: ERROR: {path} has no {begin} ... {end} markers")
open(path, "w").write(pattern.sub(lambda m: f"{begin}\n{body}\n{end}", text))
PY
  then
    bench_die "the $1 section of ${DOC#"$ROOT"/} was not written"
  fi
  bench_say "wrote the $1 section of ${DOC#"$ROOT"/}"
}
