# Shared by the bench scripts (sourced, not run). Defines ROOT, OUT and the helpers below.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/.frostline/bench"   # git-ignored: logs, throwaway credentials, raw loadgen output
DOC="$ROOT/docs/BENCHMARKS.md"
LOADGEN_JAR="$ROOT/bench/loadgen/target/loadgen.jar"
IDENTITY_URL=http://127.0.0.1:8081
GATEWAY_URL=http://127.0.0.1:8080
mkdir -p "$OUT"
# The checkout whose ./frostline started the running platform (its pid files and environment): this one,
# or, from another worktree of the repository, the main one (FROSTLINE_PLATFORM_ROOT overrides).
PLATFORM_ROOT=${FROSTLINE_PLATFORM_ROOT:-$ROOT}
if [[ -z ${FROSTLINE_PLATFORM_ROOT:-} && ! -d $ROOT/.frostline/pids ]]; then
  PLATFORM_ROOT=$(git -C "$ROOT" worktree list --porcelain 2>/dev/null | awk '$1 == "worktree" { print $2; exit }')
  PLATFORM_ROOT=${PLATFORM_ROOT:-$ROOT}
fi

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

# sign_up_response <base url> <email> <password>: creates a user and their organization, prints
# identity's JSON answer (accessToken, orgId, ...).
sign_up_response() {
  local body response
  body=$(printf '{"email":"%s","password":"%s","organizationName":"Bench %s"}' "$2" "$3" "${2%%@*}")
  response=$(curl -s -m 30 -w '\n%{http_code}' -X POST "$1/api/identity/signup" -H 'Content-Type: application/json' -d "$body")
  [[ ${response##*$'\n'} == 201 ]] || bench_die "sign-up of $2 at $1 failed: ${response//$'\n'/ }"
  printf '%s\n' "${response%$'\n'*}"
}

# sign_up <base url> <email> <password>: creates a user and their organization, prints the access token.
sign_up() {
  local response
  response=$(sign_up_response "$@")
  json_field accessToken <<<"$response"
}

# json_field <key>: the value of a top-level field of the JSON object on stdin.
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# catalog_post_all <token file> <collection> <ids out> [<parallel>]: POSTs each line of stdin (one JSON
# body) to /api/catalog/<collection> through the gateway, <parallel> (8) at a time in one curl process,
# and writes the created IDs (last segment of each Location) to <ids out>, in completion order.
# Anything but a 201 for every body fails.
catalog_post_all() { api_post_all "$1" "catalog/$2" "$3" "${4:-8}"; }

# api_post_all <token file> <service/collection> <ids out> [<parallel>]: catalog_post_all for any
# collection of the API (alerts/rules, ...).
api_post_all() {
  local url="$GATEWAY_URL/api/$2" out=$3 parallel=${4:-8} token body first=true status location answers=0
  local config="$OUT/api-post.curl"  # holds the token too: removed when done
  token=$(<"$1")
  : >"$config"
  while IFS= read -r body; do
    $first || printf 'next\n' >>"$config"
    first=false
    body=${body//\\/\\\\}   # curl config strings: backslash and double quote are escaped
    printf 'url = "%s"\nheader = "Authorization: Bearer %s"\njson = "%s"\noutput = "/dev/null"\nmax-time = 30\nwrite-out = "%%{http_code} %%header{location}\\n"\n' \
      "$url" "$token" "${body//\"/\\\"}" >>"$config"
  done
  : >"$out"
  while read -r status location; do
    answers=$((answers + 1))
    [[ $status == 201 ]] || {
      rm -f "$config"
      [[ $status == 429 ]] && bench_say "429: the gateway's rate limit was hit ($(rate_limit_setting)); see bench/README.md"
      bench_die "seeding $2: POST $url answered $status"
    }
    location=${location%$'\r'}
    [[ ${location##*/} =~ ^[0-9a-f-]{36}$ ]] || { rm -f "$config"; bench_die "seeding $2: 201 without a Location naming the new ID (got '$location')"; }
    printf '%s\n' "${location##*/}" >>"$out"
  done < <(curl --no-progress-meter --parallel --parallel-immediate --parallel-max "$parallel" -K "$config")
  local requests
  requests=$(grep -c '^url = ' "$config")
  rm -f "$config"
  [[ $answers == "$requests" ]] || bench_die "seeding $2: $answers answers for $requests requests"
}

# api_delete_all <token file> <service/collection> <ids file> [<parallel>]: soft-deletes every ID of
# <ids file> under /api/<service/collection> through the gateway. Benches clean up what they seeded
# with it: a seeded unit left behind keeps its alert timers (offline rules) firing in every later run.
# Best effort: a failure is reported, never fatal (it runs from EXIT traps).
api_delete_all() {
  local url="$GATEWAY_URL/api/$2" ids=$3 parallel=${4:-8} token config="$OUT/api-delete.curl" failed
  [[ -s $ids && -s $1 ]] || return 0
  token=$(<"$1")
  awk -v u="$url" -v t="$token" 'NR > 1 { print "next" }
    { printf "url = \"%s/%s\"\nrequest = \"DELETE\"\nheader = \"Authorization: Bearer %s\"\noutput = \"/dev/null\"\nmax-time = 30\nwrite-out = \"%%{http_code}\\n\"\n", u, $1, t }' \
    "$ids" >"$config"
  failed=$(curl --no-progress-meter --parallel --parallel-immediate --parallel-max "$parallel" -K "$config" | grep -cv '^204$' || true)
  rm -f "$config"
  ((failed == 0)) || bench_say "cleanup: $failed of $(wc -l <"$ids") DELETEs under /api/$2 did not answer 204"
}

# rate_limit_setting [client|ingest]: a rate limit the running gateway was started with, read from its
# environment when ./frostline in this checkout started it: the per-user one (client, the default) or
# the per-API-key one of device ingest. Scripts that send many requests as one user or key through
# the gateway state it with their results, because it decides whether they are valid.
rate_limit_setting() {
  local pidfile="$PLATFORM_ROOT/.frostline/pids/gateway-service.pid" pid env capacity refill variable label
  case ${1:-client} in
    client) variable=FROSTLINE_GATEWAY_RATE_CLIENT label='per-user bucket' ;;
    ingest) variable=FROSTLINE_GATEWAY_RATE_INGEST label='per-API-key ingest bucket' ;;
    *) bench_die "rate_limit_setting: unknown limit $1" ;;
  esac
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [[ ! $pid =~ ^[0-9]+$ ]] || ! env=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null); then
    printf 'unknown (the gateway was not started by ./frostline from this checkout)'
    return
  fi
  capacity=$(awk -F= -v k="${variable}_CAPACITY" '$1 == k { print $2 }' <<<"$env")
  refill=$(awk -F= -v k="${variable}_REFILL" '$1 == k { print $2 }' <<<"$env")
  printf '%s capacity %s, refill %s/s' "$label" "${capacity:-default}" "${refill:-default}"
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

# pacing / section_name: a run with --think-ms N models people who pause between requests (offered
# load about clients / (think + latency)) instead of saturating the server; it is reported in its own
# section, <name>-paced, so the saturation numbers stay next to it.
pacing() { ((${THINK_MS:-0} > 0)) && printf ' pausing %s ms (±50 %%) between operations' "$THINK_MS"; true; }
section_name() { if ((${THINK_MS:-0} > 0)); then printf '%s-paced' "$1"; else printf '%s' "$1"; fi; }

# await_units_accepted <api key file> <unit ids file> <scratch file> <timeout s>: posts one reading per
# unit (batches of at most 500) until telemetry accepts them all: a new key and new units reach it through
# Kafka (identity's and catalog's compacted topics), a moment after they were created.
await_units_accepted() {
  local key_file=$1 units=$2 probe=$3 timeout=$4 started part status
  started=$(date +%s)
  split -l 500 "$units" "$probe.part."
  for part in "$probe".part.*; do
    python3 -c 'import json, sys
print(json.dumps({"readings": [{"unitId": line.strip(), "metric": "temperature_c", "value": 4.0} for line in sys.stdin if line.strip()]}))' \
      <"$part" >"$probe"
    while true; do
      status=$(curl -s -m 30 -o "$probe.answer" -w '%{http_code}' -X POST "$GATEWAY_URL/api/telemetry/readings" \
        -H "X-API-Key: $(<"$key_file")" -H 'Content-Type: application/json' --data-binary "@$probe" || true)
      [[ $status == 202 ]] && break
      [[ $status == 401 || $status == 400 ]] ||
        bench_die "a probe batch was answered $status: $(head -c 500 "$probe.answer" 2>/dev/null)"
      (($(date +%s) - started < timeout)) ||
        bench_die "telemetry still answers $status after ${timeout}s: $(head -c 500 "$probe.answer" 2>/dev/null)"
      sleep 1
    done
  done
  rm -f "$probe" "$probe".part.* "$probe.answer"
  bench_say "telemetry accepted a reading for every unit after $(($(date +%s) - started))s"
}
