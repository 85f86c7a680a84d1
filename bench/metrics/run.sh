#!/usr/bin/env bash
# bench/metrics: 10 million responses over 1,000 workspaces and 2 years, then KPI query latency through the
# gateway beside the same answer from a plain SQL aggregate over the raw responses. See README.md here.
#
# usage: bench/metrics/run.sh [all|setup|load|rebuild|measure|ingest]     (default all; each step is resumable)
#
# Environment: SCALE (1 = 10 M responses; 0.1 = 1 M), GATEWAY (http://localhost:28080), KEYCLOAK
# (http://localhost:28180), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres, a superuser), DB_PREFIX
# (waymark_bench_), SAMPLES (100), RUNS (3: repeated measurements, medians printed), RATE (500), SECONDS (20).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SCALE=${SCALE:-1}
GATEWAY=${GATEWAY:-http://localhost:28080}
KEYCLOAK=${KEYCLOAK:-http://localhost:28180}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGTZ=UTC
DB_PREFIX=${DB_PREFIX:-waymark_bench_}
METRICS_DB=${DB_PREFIX}metrics
SAMPLES=${SAMPLES:-100}
RUNS=${RUNS:-3}
RATE=${RATE:-500}
SECONDS_INGEST=${SECONDS:-20}
PASSWORD=${BENCH_PASSWORD:-bench-$(hostname | md5sum | cut -c1-8)}
STATE=${BENCH_STATE:-$ROOT/.cx/bench/metrics-bench}
AGENCIES=20
PER_AGENCY=50
INDUSTRIES=(retail banking telecom travel insurance)
mkdir -p "$STATE"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

die() { printf 'bench/metrics: error: %s\n' "$*" >&2; exit 1; }
step() { printf '==> %s\n' "$*"; }
for tool in curl jq psql java; do command -v "$tool" >/dev/null || die "$tool is missing."; done

# ---------------------------------------------------------------------------------------------
# Keycloak and the API (as infra/demo/seed.sh does it)

declare -A TOKEN=() TOKEN_AT=()
token_of() { # <username>: prints a fresh access token (password grant, waymark-cli)
  local user=$1
  if [[ -z ${TOKEN[$user]:-} ]] || ((SECONDS - TOKEN_AT[$user] > 200)); then
    TOKEN[$user]=$(curl -sf --data-urlencode grant_type=password --data-urlencode client_id=waymark-cli \
      --data-urlencode "username=$user" --data-urlencode "password=$(password_of "$user")" \
      "$KEYCLOAK/realms/waymark/protocol/openid-connect/token" | jq -r .access_token) ||
      die "cannot log in as $user"
    TOKEN_AT[$user]=$SECONDS
  fi
  printf '%s' "${TOKEN[$user]}"
}
password_of() { if [[ $1 == admin ]]; then echo "${WAYMARK_DEMO_PASSWORD:-demo}"; else echo "$PASSWORD"; fi; }

kc_admin() { # <method> <path under /admin/realms/waymark> [json]: sets BODY
  local status args admin
  admin=$(curl -sf --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
    --data-urlencode username=admin --data-urlencode password=admin \
    "$KEYCLOAK/realms/master/protocol/openid-connect/token" | jq -r .access_token) || die "no Keycloak master admin token"
  args=(-sS -o "$TMP/kc" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $admin")
  [[ -n ${3-} ]] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
  status=$(curl "${args[@]}" "$KEYCLOAK/admin/realms/waymark$2")
  BODY=$(<"$TMP/kc")
  [[ $status == 2?? ]] || die "Keycloak admin $1 $2: HTTP $status $BODY"
}

set_password() { # <username>: the bench password, no required actions
  local id rep
  kc_admin GET "/users?username=$1&exact=true"
  id=$(jq -r '.[0].id // empty' <<<"$BODY")
  [[ -n $id ]] || die "user $1 is not in Keycloak"
  kc_admin PUT "/users/$id/reset-password" "$(jq -nc --arg pw "$PASSWORD" '{type: "password", value: $pw, temporary: false}')"
  kc_admin GET "/users/$id"
  rep=$(jq -c '.requiredActions = [] | .emailVerified = true | .enabled = true
      | .firstName = (.firstName // "Bench") | .lastName = (.lastName // "Admin")' <<<"$BODY")
  kc_admin PUT "/users/$id" "$rep"
}

api() { # <user> <method> <path> [json]: sets BODY, STATUS; dies on non-2xx
  api_try "$@"
  [[ $STATUS == 2?? ]] || die "$2 $3 as $1: HTTP $STATUS $BODY"
}
api_try() {
  local args=(-sS -o "$TMP/body" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $(token_of "$1")" -H 'Accept: application/json')
  [[ -n ${4-} ]] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
  STATUS=$(curl "${args[@]}" "$GATEWAY$3") || die "cannot reach $GATEWAY"
  BODY=$(<"$TMP/body")
}
api_eventually() { # like api, retrying 400/403/404/409 for 60 s (events still travelling)
  local deadline=$((SECONDS + 60))
  while true; do
    api_try "$@"
    [[ $STATUS == 2?? ]] && return 0
    [[ $STATUS =~ ^(400|403|404|409)$ ]] && ((SECONDS < deadline)) || die "$2 $3 as $1: HTTP $STATUS $BODY"
    sleep 1
  done
}

psql_metrics() { psql -X -q -v ON_ERROR_STOP=1 -d "$METRICS_DB" "$@"; }

# ---------------------------------------------------------------------------------------------
# 1. setup: agencies, workspaces, members, one journey map and a published survey, all through the API

setup() {
  if [[ -s $STATE/workspaces.csv ]] && (($(wc -l <"$STATE/workspaces.csv") == AGENCIES * PER_AGENCY)); then
    step "setup: workspaces already there ($STATE/workspaces.csv)"
    map_and_survey
    return 0
  fi
  step "setup: $AGENCIES agencies x $PER_AGENCY workspaces through $GATEWAY (plan scale: no response quota)"
  : >"$STATE/workspaces.csv.part"
  local a w tenant admin slug ws industry
  for ((a = 0; a < AGENCIES; a++)); do
    slug=$(printf 'bench-agency-%02d' "$a")
    admin=$(printf 'bench-admin-%02d' "$a")
    api_try admin GET "/api/admin/tenants?limit=500"
    tenant=$(jq -r --arg s "$slug" '.items[] | select(.slug == $s) | .id' <<<"$BODY")
    if [[ -z $tenant ]]; then
      api admin POST /api/admin/tenants "$(jq -nc --arg n "Bench agency $a" --arg s "$slug" --arg u "$admin" \
        '{name: $n, slug: $s, plan: "scale", adminEmail: ($u + "@bench.example"), adminName: "Bench Admin", adminUsername: $u}')"
      tenant=$(jq -r .id <<<"$BODY")
    fi
    set_password "$admin"
    api_eventually "$admin" GET "/api/tenants/$tenant/workspaces?limit=500"
    local existing=$BODY
    for ((w = 0; w < PER_AGENCY; w++)); do
      slug=$(printf 'bench-%02d-%02d' "$a" "$w")
      industry=${INDUSTRIES[$((w % ${#INDUSTRIES[@]}))]}
      ws=$(jq -r --arg s "$slug" '.items[] | select(.slug == $s) | .id' <<<"$existing")
      if [[ -z $ws ]]; then
        api "$admin" POST "/api/tenants/$tenant/workspaces" \
          "$(jq -nc --arg n "Bench client $a-$w" --arg s "$slug" --arg i "$industry" '{name: $n, slug: $s, industry: $i}')"
        ws=$(jq -r .id <<<"$BODY")
      fi
      echo "$a,$w,$tenant,$ws,$admin,$industry" >>"$STATE/workspaces.csv.part"
    done
    printf '    agency %02d: %s\n' "$a" "$tenant"
  done
  mv "$STATE/workspaces.csv.part" "$STATE/workspaces.csv"
  map_and_survey
}

# The largest workspace (agency 0, workspace 0) gets a real map (1 journey, 4 stages x 5 touchpoints) and a
# published NPS survey on its first touchpoint, through mapping-service and feedback-service.
map_and_survey() {
  local ws admin journey stage s t tp
  IFS=, read -r _ _ _ ws admin _ <"$STATE/workspaces.csv"
  if [[ -s $STATE/map.json ]]; then return 0; fi
  step "setup: journey map and survey in the largest workspace $ws"
  api_eventually "$admin" POST "/api/workspaces/$ws/journeys" '{"name": "Bench journey", "state": "current"}'
  journey=$(jq -r .id <<<"$BODY")
  : >"$STATE/touchpoints.txt"
  for ((s = 0; s < 4; s++)); do
    api "$admin" POST "/api/workspaces/$ws/journeys/$journey/stages" "{\"name\": \"Stage $s\"}"
    stage=$(jq -r .id <<<"$BODY")
    for ((t = 0; t < 5; t++)); do
      api "$admin" POST "/api/workspaces/$ws/journeys/$journey/stages/$stage/touchpoints" "{\"name\": \"Touchpoint $s.$t\"}"
      jq -r .id <<<"$BODY" >>"$STATE/touchpoints.txt"
    done
  done
  tp=$(head -1 "$STATE/touchpoints.txt")
  api_eventually "$admin" POST "/api/workspaces/$ws/surveys" "$(jq -nc --arg tp "$tp" '{
      name: "Bench survey", touchpointId: $tp, languages: ["en"],
      questions: [{id: "nps", kind: "nps", text: {en: "How likely are you to recommend us?"}, required: true}],
      thankYou: {en: "Thanks"}}')"
  local survey
  survey=$(jq -r .id <<<"$BODY")
  api "$admin" POST "/api/workspaces/$ws/surveys/$survey/publish"
  jq -nc --arg j "$journey" --arg s "$survey" --arg t "$(jq -r .token <<<"$BODY")" --arg tp "$tp" \
    '{journeyId: $j, surveyId: $s, surveyToken: $t, touchpointId: $tp}' >"$STATE/map.json"
}

# ---------------------------------------------------------------------------------------------
# 2. load: raw facts straight into metrics-service's tables (COPY of the plan, generate_series for the rows)

load() {
  [[ -s $STATE/workspaces.csv ]] || die "run the setup step first"
  local ws0 journey
  IFS=, read -r _ _ _ ws0 _ _ <"$STATE/workspaces.csv"
  journey=$(jq -r .journeyId "$STATE/map.json")
  step "load: $(awk -v s="$SCALE" 'BEGIN { printf "%d", 10000000 * s }') responses into $METRICS_DB (resumable; progress in table bench_loaded)"
  psql_metrics -v scale="$SCALE" -v ws0="$ws0" -v journey="$journey" \
    -v touchpoints="{$(paste -sd, "$STATE/touchpoints.txt")}" -f "$HERE/load.sql" \
    -c "\\copy bench_plan_input from '$STATE/workspaces.csv' csv" -f "$HERE/load-run.sql"
}

# ---------------------------------------------------------------------------------------------
# 3. rebuild: the service's own rollup rebuild per workspace (POST metrics:rebuild as the agency admin)

rebuild() {
  [[ -s $STATE/workspaces.csv ]] || die "run the setup step first"
  local a w tenant ws admin industry started
  : >>"$STATE/rebuilt.txt"
  step "rebuild: POST /api/workspaces/{ws}/metrics:rebuild for each workspace (resumable; done ones in $STATE/rebuilt.txt)"
  while IFS=, read -r a w tenant ws admin industry; do
    grep -qx "$ws" "$STATE/rebuilt.txt" && continue
    started=$(date +%s%3N)
    api "$admin" POST "/api/workspaces/$ws/metrics:rebuild"
    if ((w == 0)); then
      printf '    %s: %s in %d ms\n' "$ws" "$BODY" $(($(date +%s%3N) - started))
    fi
    echo "$ws" >>"$STATE/rebuilt.txt"
  done <"$STATE/workspaces.csv"
  # a bulk rebuild leaves the planner's statistics stale until autovacuum gets round to it (estimates of 1 row
  # per range instead of thousands); refresh them now rather than measure a transient
  psql_metrics -c "analyze score_rollup" -c "analyze response_rollup"
}

# ---------------------------------------------------------------------------------------------
# 4. measure: API latency (through the gateway, bearer token of agency 0's admin) vs a plain SQL aggregate

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'; }

api_latency() { # <name> <path+query>: RUNS x (20 warm-up + SAMPLES); prints the medians of the runs' p50/p95/p99
  local name=$1 path=$2 r line
  : >"$TMP/$name.runs"
  for ((r = 1; r <= RUNS; r++)); do
    line=$(java "$HERE/MetricsBench.java" latency "$GATEWAY$path" "$(token_of "$ADMIN0")" 20 "$SAMPLES" "$TMP/$name.json")
    echo "$line" >>"$TMP/$name.runs"
  done
  P50=$(awk '{ print $1 }' "$TMP/$name.runs" | median)
  P95=$(awk '{ print $2 }' "$TMP/$name.runs" | median)
  P99=$(awk '{ print $3 }' "$TMP/$name.runs" | median)
}

sql_timed() { # <name> <sql file>: RUNS executions in one session; SQL_MS = the median, $TMP/<name>.out = the answer
  local name=$1 file=$2
  {
    echo '\timing on'
    for ((r = 1; r <= RUNS; r++)); do echo "\\o $TMP/$name.out"; cat "$file"; done
  } | psql_metrics -At -v ws0="$WS0" -v tenant0="$TENANT0" -v from="$FROM" -v to="$TO" -v pfrom="$PFROM" \
    -v ppfrom="$PPFROM" -v ppto="$PPTO" >"$TMP/$name.timing"
  SQL_MS=$(grep -o 'Time: [0-9.]*' "$TMP/$name.timing" | awk '{ print $2 }' | median)
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0fx", a / b; else print "-" }'; }

measure() {
  [[ -s $STATE/workspaces.csv ]] || die "run the setup step first"
  IFS=, read -r _ _ TENANT0 WS0 ADMIN0 _ <"$STATE/workspaces.csv"
  TO=$(date -u +%F)
  FROM=$(date -u -d "$TO - 364 days" +%F)
  PFROM=$(date -u -d "$TO - 89 days" +%F)
  PPTO=$(date -u -d "$PFROM - 1 day" +%F)
  PPFROM=$(date -u -d "$PFROM - 90 days" +%F)
  local responses
  responses=$(psql_metrics -At -c "select count(*) from response_fact where workspace_id = '$WS0'")
  step "measure: largest workspace $WS0 ($responses responses), period $FROM..$TO; $RUNS runs x $SAMPLES samples, medians"
  printf '%-44s %8s %8s %8s | %-34s %10s %7s\n' "" "p50 ms" "p95 ms" "p99 ms" "answer (API / plain SQL)" "SQL ms" "ratio"

  api_latency summary "/api/workspaces/$WS0/metrics/summary?from=$FROM&to=$TO"
  sql_timed summary "$HERE/sql/summary.sql"
  local api_answer sql_answer
  api_answer=$(jq -r '.workspace.nps | "NPS \(.value) n=\(.n)"' "$TMP/summary.json")
  sql_answer=$(head -1 "$TMP/summary.out")
  printf '%-44s %8s %8s %8s | %-34s %10s %7s  (target p95 <= 50)\n' "summary, 12 months (largest)" "$P50" "$P95" "$P99" \
    "$api_answer / $sql_answer" "$SQL_MS" "$(ratio "$SQL_MS" "$P50")"

  api_latency timeseries "/api/workspaces/$WS0/metrics/timeseries?metric=nps&interval=week&from=$FROM&to=$TO"
  sql_timed timeseries "$HERE/sql/timeseries.sql"
  api_answer=$(jq -r '[.points[] | select(.n > 0)] | "\(length) weeks, last NPS \(.[-1].value) n=\(.[-1].n)"' "$TMP/timeseries.json")
  sql_answer=$(awk -F'|' 'NF { last = $0; c++ } END { split(last, f, "|"); printf "%d weeks, last NPS %s n=%s", c, f[2], f[3] }' "$TMP/timeseries.out")
  printf '%-44s %8s %8s %8s | %-34s %10s %7s  (target p95 <= 50)\n' "weekly NPS series, 12 months (largest)" "$P50" "$P95" "$P99" \
    "$api_answer / $sql_answer" "$SQL_MS" "$(ratio "$SQL_MS" "$P50")"

  api_latency portfolio "/api/tenants/$TENANT0/portfolio?from=$PFROM&to=$TO"
  sql_timed portfolio "$HERE/sql/portfolio.sql"
  api_answer=$(jq -r '"\(.workspaces | length) rows, sum n=\([.workspaces[].nps.n] | add)"' "$TMP/portfolio.json")
  sql_answer=$(head -1 "$TMP/portfolio.out")
  printf '%-44s %8s %8s %8s | %-34s %10s %7s  (target p95 <= 100)\n' "portfolio, 50 workspaces, 90 days" "$P50" "$P95" "$P99" \
    "$api_answer / $sql_answer" "$SQL_MS" "$(ratio "$SQL_MS" "$P50")"
  echo "(API: client-side time through the gateway, one kept-alive connection; SQL: psql \\timing of the aggregate over"
  echo " response_fact + response_answer as superuser, no network; ratio = SQL ms / API p50 ms)"
}

# ---------------------------------------------------------------------------------------------
# 5. ingest: RATE submissions/s through the public endpoint, submit-to-visible-in-summary

ingest() {
  [[ -s $STATE/map.json ]] || die "run the setup step first"
  IFS=, read -r _ _ TENANT0 WS0 ADMIN0 _ <"$STATE/workspaces.csv"
  local token tp today
  token=$(jq -r .surveyToken "$STATE/map.json")
  tp=$(jq -r .touchpointId "$STATE/map.json")
  today=$(date -u +%F)
  step "ingest: $RATE submissions/s for ${SECONDS_INGEST}s to the published survey; the summary (today) polled without pause"
  java "$HERE/MetricsBench.java" ingest "$GATEWAY" "$token" "$GATEWAY/api/workspaces/$WS0/metrics/summary?from=$today&to=$today" \
    "$(token_of "$ADMIN0")" "$tp" "$RATE" "$SECONDS_INGEST"
  echo "(submit-to-visible: from the 202 of the k-th accepted submission to the end of the first summary poll that counts k"
  echo " more answers at the touchpoint; target p99 <= 1000 ms)"
}

case "${1:-all}" in
  setup) setup ;;
  load) load ;;
  rebuild) rebuild ;;
  measure) measure ;;
  ingest) ingest ;;
  all) setup; load; rebuild; measure; ingest ;;
  *) die "unknown step '$1' (all, setup, load, rebuild, measure, ingest)" ;;
esac
