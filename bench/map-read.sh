#!/usr/bin/env bash
# Journey-map read and touchpoint save latency on a big map, through the gateway with a bearer token,
# as the demo client editor (cora) in her workspace. Runs against a running platform with the demo
# (./cx up).
#
# 1. Makes sure the journey "Bench: 12 × 100" exists (reused by name; a half-built one from an
#    interrupted run is completed): 12 stages × 100 touchpoints, every touchpoint with a channel, an
#    owning team and all four blueprint lanes each with its owning team; per stage 2 pain points, 1
#    opportunity and 3 pieces of evidence.
# 2. Map read: GET /api/workspaces/{ws}/journeys/{id} — warm-up, then sequential requests.
# 3. Touchpoint save: PATCH .../journeys/{jid}/stages/{sid}/touchpoints/{tid} (a merge patch changing
#    the front-stage lane's text) with If-Match = the map's current ETag — warm-up, then sequential.
# Both series run in one curl process each (one kept-alive connection, like a browser); every sample is
# curl's time_total. Prints p50/p95/p99/max next to the targets, and the database work per request
# (seq + index scans and transactions on waymark_mapping from PostgreSQL's statistics, idle background
# subtracted; see bench/README.md for what that number means). Quote medians of several runs: the
# machine is shared and noisy.
#
# usage: bench/map-read.sh [reads=200] [saves=100] [gateway=http://localhost:8080] [keycloak=http://localhost:8180]
# env:   WAYMARK_DEMO_PASSWORD (demo), WARMUP (20), SETTLE (12 s to let PostgreSQL flush its statistics),
#        MAPPING_PSQL (psql -h 127.0.0.1 -U postgres -d waymark_mapping; "" skips the database figures),
#        MAPPING_ACTUATOR (http://localhost:8082/actuator; "" skips the service-side means)
set -euo pipefail
export LC_NUMERIC=C
reads=${1:-200}
saves=${2:-100}
gw=${3:-http://localhost:8080}
kc=${4:-http://localhost:8180}
password=${WAYMARK_DEMO_PASSWORD:-demo}
warmup=${WARMUP:-20}
settle=${SETTLE:-12}
read -r -a psql_cmd <<<"${MAPPING_PSQL-psql -h 127.0.0.1 -U postgres -d waymark_mapping}"
actuator=${MAPPING_ACTUATOR-http://localhost:8082/actuator}

journey_name='Bench: 12 × 100'
stage_count=12
per_stage=100
target_read_p95=30
target_save_p95=30

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

die() { echo "map-read: $*" >&2; exit 1; }

login() {
  token=$(curl -sf -d grant_type=password -d client_id=waymark-cli -d username=cora -d "password=$password" \
    "$kc/realms/waymark/protocol/openid-connect/token" | jq -r .access_token) ||
    die "no token for cora from $kc (is ./cx up running with the demo?)"
  auth=(-H "Authorization: Bearer $token")
}

# api METHOD PATH [JSON] — the response body on stdout; any non-2xx stops the script with the problem.
api() {
  local method=$1 path=$2 body=${3-} out=$work/response code
  local args=(-s -o "$out" -w '%{http_code}' -X "$method" "${auth[@]}")
  [[ -z $body ]] || args+=(-H 'Content-Type: application/json' --data-binary "$body")
  code=$(curl "${args[@]}" "$gw$path") || die "$method $path: curl failed"
  [[ $code == 2* ]] || die "$method $path → $code: $(head -c 600 "$out")"
  cat "$out"
}

# ---------------------------------------------------------------------------------------------------
# 1. The map (idempotent: found by name, completed up to 12 × 100 and the notes)
# ---------------------------------------------------------------------------------------------------
login
ws=$(api GET /api/me | jq -r '.workspaces[0].id')
[[ $ws != null ]] || die "cora has no workspace"
base=/api/workspaces/$ws

journey=
cursor=
while :; do
  page=$(api GET "$base/journeys?limit=500${cursor:+&cursor=$cursor}")
  journey=$(jq -r --arg name "$journey_name" '[.items[] | select(.name == $name)][0].id // empty' <<<"$page")
  cursor=$(jq -r '.nextCursor // empty' <<<"$page")
  [[ -n $journey || -z $cursor ]] && break
done
if [[ -z $journey ]]; then
  journey=$(api POST "$base/journeys" "$(jq -nc --arg name "$journey_name" \
    '{name: $name, ownerName: "Bench", description: "Benchmark map (bench/map-read.sh): 12 stages × 100 touchpoints"}')" | jq -r .id)
  echo "created journey \"$journey_name\" ($journey)"
else
  echo "reusing journey \"$journey_name\" ($journey)"
fi
jpath=$base/journeys/$journey

mapfile -t channels < <(api GET "$base/channels?limit=500" | jq -r '.items[].id')
((${#channels[@]} > 0)) || die "the workspace has no channels"
teams=(Digital Stores "Contact centre" Logistics Payments IT Marketing "Customer care")
team() { printf '%s' "${teams[$(((i + $1) % ${#teams[@]}))]}"; } # uses the touchpoint counter i

map=$(api GET "$jpath")
for ((s = 0; s < stage_count; s++)); do
  stage_name=$(printf 'Stage %02d' $((s + 1)))
  stage=$(jq -r --arg name "$stage_name" '[.stages[] | select(.name == $name)][0].id // empty' <<<"$map")
  if [[ -z $stage ]]; then
    stage=$(api POST "$jpath/stages" "{\"name\":\"$stage_name\"}" | jq -r .id)
  fi
  have=$(jq -r --arg id "$stage" '[.stages[] | select(.id == $id)][0].touchpoints // [] | length' <<<"$map")
  if ((have < per_stage)); then
    login # 1,200 writes can outlast a 5-minute token
    printf '%s: adding %d touchpoints ' "$stage_name" $((per_stage - have))
    for ((t = have; t < per_stage; t++)); do
      i=$((s * per_stage + t))
      body=$(printf '{"name":"S%02d T%03d %s","channelId":"%s","expectedEmotion":%d,"owningTeam":"%s",' \
        $((s + 1)) $((t + 1)) "touchpoint" "${channels[$((i % ${#channels[@]}))]}" $((i % 5 - 2)) "$(team 0)"
        printf '"customerAction":{"text":"Customer does step %d of stage %d: reads, compares and decides","owningTeam":"%s"},' \
          $((t + 1)) $((s + 1)) "$(team 1)"
        printf '"frontstage":{"text":"Front stage: what the customer sees and who they talk to at step %d","owningTeam":"%s"},' \
          $((t + 1)) "$(team 2)"
        printf '"backstage":{"text":"Back stage: the work behind it, hand-offs and queues for step %d","owningTeam":"%s"},' \
          $((t + 1)) "$(team 3)"
        printf '"support":{"text":"Support: systems and partners (CRM, OMS, payments) behind step %d","owningTeam":"%s"}}' \
          $((t + 1)) "$(team 4)")
      api POST "$jpath/stages/$stage/touchpoints" "$body" >/dev/null
      (((t + 1) % 10 == 0)) && printf '.'
    done
    echo
  fi
done

map=$(api GET "$jpath")
((${#map} > 0)) || die "could not read the map back"
# notes per stage: 2 pain points at touchpoints, 1 opportunity on the first, 3 pieces of evidence
for ((s = 0; s < stage_count; s++)); do
  read -r stage tp1 tp2 < <(jq -r --argjson s "$s" '.stages[$s] | [.id, .touchpoints[10].id, .touchpoints[60].id] | join(" ")' <<<"$map")
  n=$(jq --arg id "$stage" '[.painPoints[] | select(.stageId == $id)] | length' <<<"$map")
  for ((k = n; k < 2; k++)); do
    tp=$([[ $k == 0 ]] && echo "$tp1" || echo "$tp2")
    api POST "$jpath/painPoints" "{\"touchpointId\":\"$tp\",\"title\":\"Pain point $((k + 1)) of stage $((s + 1))\",\"description\":\"Customers wait too long and have to repeat themselves\",\"severity\":$((k * 2 + 2))}" >/dev/null
  done
done
map=$(api GET "$jpath")
for ((s = 0; s < stage_count; s++)); do
  read -r stage pain < <(jq -r --argjson s "$s" '.stages[$s].id as $sid | [$sid, ([.painPoints[] | select(.stageId == $sid)][0].id)] | join(" ")' <<<"$map")
  n=$(jq --arg pain "$pain" '[.opportunities[] | select(.painPointId == $pain)] | length' <<<"$map")
  if ((n < 1)); then
    api POST "$jpath/opportunities" "{\"painPointId\":\"$pain\",\"title\":\"Fix stage $((s + 1))\",\"description\":\"Self-service status and one hand-off\",\"impact\":4,\"effort\":2,\"status\":\"planned\",\"owner\":\"Digital\"}" >/dev/null
  fi
  n=$(jq --arg id "$stage" '[.evidence[] | select(.stageId == $id)] | length' <<<"$map")
  kinds=(quote observation data)
  for ((k = n; k < 3; k++)); do
    api POST "$jpath/evidence" "{\"stageId\":\"$stage\",\"kind\":\"${kinds[$k]}\",\"text\":\"Evidence $((k + 1)) for stage $((s + 1)): what we heard and saw\",\"source\":\"Interviews Q3\",\"link\":\"https://example.com/research/$((s + 1))/$((k + 1))\"}" >/dev/null
  done
done

map=$(api GET "$jpath")
read -r n_stages n_tps n_lanes n_pain n_opp n_ev < <(jq -r '[(.stages | length), ([.stages[].touchpoints[]] | length),
  ([.stages[].touchpoints[] | select(.customerAction.owningTeam and .frontstage.owningTeam and .backstage.owningTeam and .support.owningTeam)] | length),
  (.painPoints | length), (.opportunities | length), (.evidence | length)] | join(" ")' <<<"$map")
echo "map: $n_stages stages, $n_tps touchpoints ($n_lanes with all four lanes and teams), $n_pain pain points, $n_opp opportunities, $n_ev evidence"
((n_stages >= stage_count && n_tps >= stage_count * per_stage)) || die "the map is not complete"
# the touchpoint the saves change: the middle one of the middle stage
read -r save_stage save_tp < <(jq -r '.stages[5] | [.id, .touchpoints[50].id] | join(" ")' <<<"$map")

# ---------------------------------------------------------------------------------------------------
# helpers: timed series, percentiles, database statistics, service-side means
# ---------------------------------------------------------------------------------------------------
cfg_str() { jq -Rr @json <<<"$1"; } # a curl config string: JSON string quoting is what curl understands

# read_series N FILE: N GETs of the whole map, one per line "http_code seconds bytes" in FILE
read_series() {
  local cfg=$work/read.cfg i
  : >"$cfg"
  for ((i = 0; i < $1; i++)); do
    ((i == 0)) || echo next >>"$cfg"
    printf 'url = %s\nheader = %s\nheader = "Accept: application/json"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%{time_total} %%{size_download}\\n"\n' \
      "$(cfg_str "$gw$jpath")" "$(cfg_str "Authorization: Bearer $token")" >>"$cfg"
  done
  curl -s --config "$cfg" >"$2"
}

# the map's version, from its ETag
map_version() {
  curl -sf -o /dev/null -D - "${auth[@]}" "$gw$jpath" | tr -d '\r' |
    awk 'tolower($1) == "etag:" { gsub(/W\/|"/, "", $2); print $2 }'
}

# save_series N FILE VERSION: N PATCHes of one touchpoint, each with If-Match = the version the previous
# one left (every change under a journey bumps its version by one)
save_series() {
  local cfg=$work/save.cfg i version=$3
  [[ $version =~ ^[0-9]+$ ]] || die "no usable ETag on the map: '$version'"
  : >"$cfg"
  for ((i = 0; i < $1; i++)); do
    ((i == 0)) || echo next >>"$cfg"
    printf 'url = %s\nrequest = "PATCH"\nheader = %s\nheader = "Content-Type: application/json"\nheader = %s\ndata = %s\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%{time_total} %%{size_download}\\n"\n' \
      "$(cfg_str "$gw$jpath/stages/$save_stage/touchpoints/$save_tp")" "$(cfg_str "Authorization: Bearer $token")" \
      "$(cfg_str "If-Match: \"$((version + i))\"")" \
      "$(cfg_str "{\"frontstage\":{\"text\":\"Front stage, edited by the bench ($RANDOM-$i)\"}}")" >>"$cfg"
  done
  curl -s --config "$cfg" >"$2"
}

# check FILE WHAT EXPECTED_CODE: every request answered as expected
check() {
  local bad
  bad=$(awk -v want="$3" '$1 != want' "$1" | sort | uniq -c | head -3)
  [[ -z $bad ]] || die "$2: unexpected answers (count, status, ...): $bad"
}

# stats FILE → "p50 p95 p99 max mean" in ms (nearest rank)
stats() {
  awk '{ print $2 * 1000 }' "$1" | sort -n | awk '{ v[NR] = $1; sum += $1 }
    function rank(q,   r) { r = int(q * NR); if (r < q * NR) r++; return v[r < 1 ? 1 : r] }
    END { printf "%.1f %.1f %.1f %.1f %.1f\n", rank(0.50), rank(0.95), rank(0.99), v[NR], sum / NR }'
}

verdict() { awk -v p95="$1" -v target="$2" 'BEGIN { print (p95 <= target ? "meets" : "MISSES") }'; }

db_ok=false
if ((${#psql_cmd[@]} > 0)) && "${psql_cmd[@]}" -qAtX -c 'select 1' >/dev/null 2>&1; then db_ok=true; fi

# snapshot FILE: "name seq_scans idx_scans" per table of waymark_mapping, plus the database's transactions
snapshot() {
  $db_ok || return 0
  "${psql_cmd[@]}" -qAtX -F ' ' -c "
    select relname, seq_scan, coalesce(idx_scan, 0) from pg_stat_user_tables
    union all
    select '(transactions)', xact_commit + xact_rollback, 0 from pg_stat_database where datname = current_database()
    union all
    select '(rows-read)', tup_returned, tup_fetched from pg_stat_database where datname = current_database()" >"$1"
  date +%s.%N >"$1.time"
}

# per_request BASE_A BASE_B RUN_A RUN_B N → "table scans_per_request transactions..." lines, idle rate subtracted
per_request() {
  local idle run
  idle=$(awk '{ print $1 }' "$2.time" "$1.time" | awk 'NR == 1 { a = $1 } NR == 2 { print a - $1 }')
  run=$(awk '{ print $1 }' "$4.time" "$3.time" | awk 'NR == 1 { a = $1 } NR == 2 { print a - $1 }')
  awk -v idle="$idle" -v run="$run" -v n="$5" '
    FILENAME == ARGV[1] { a1[$1] = $2; b1[$1] = $3; next }
    FILENAME == ARGV[2] { a2[$1] = $2; b2[$1] = $3; next }
    FILENAME == ARGV[3] { a3[$1] = $2; b3[$1] = $3; next }
    { seq = ($2 - a3[$1]) - ($1 in a2 ? (a2[$1] - a1[$1]) * run / idle : 0)
      idx = ($3 - b3[$1]) - ($1 in b2 ? (b2[$1] - b1[$1]) * run / idle : 0)
      printf "%s %.2f %.2f\n", $1, seq / n, idx / n }' "$1" "$2" "$3" "$4"
}

# print_db PER_REQUEST_FILE LABEL
print_db() {
  awk -v label="$2" '
    $1 == "(transactions)" { tx = $2; next }
    $1 == "(rows-read)" { returned = $2; fetched = $3; next }
    { s = $2 + $3; if (s < 0.05) next; total += s
      group = $1 ~ /^access_/ ? "access" : ($1 ~ /^(outbox|inbox)/ ? "events" : "map")
      sum[group] += s; line = line sprintf("  %-22s %6.2f seq + %6.2f index scans\n", $1, $2, $3) }
    END {
      printf "%s: %.1f index+seq scans per request (map tables %.1f, access model %.1f, outbox/inbox %.1f), %.1f transactions, %.0f rows returned / %.0f fetched\n",
        label, total, sum["map"], sum["access"], sum["events"], tx, returned, fetched
      printf "%s", line }' "$1"
}

# prometheus mean of the mapping-service's own time for one route, between two scrapes
scrape() {
  [[ -n $actuator ]] || return 0
  curl -sf "$actuator/prometheus" 2>/dev/null | grep '^http_server_requests_seconds_\(sum\|count\)' >"$1" || true
}
service_mean() {
  [[ -s $1 && -s $2 ]] || { echo "n/a"; return; }
  awk -v method="$3" -v uri="$4" '
    index($0, "method=\"" method "\"") && index($0, "uri=\"" uri "\"") && index($0, "status=\"200\"") {
      k = ($1 ~ /_sum\{/) ? "sum" : "count"; v[FILENAME, k] += $2 }
    END { c = v[ARGV[2], "count"] - v[ARGV[1], "count"]; s = v[ARGV[2], "sum"] - v[ARGV[1], "sum"]
      if (c > 0) printf "%.1f ms (n=%d)\n", s * 1000 / c, c; else print "n/a" }' "$1" "$2"
}

# ---------------------------------------------------------------------------------------------------
# 2. + 3. Measure
# ---------------------------------------------------------------------------------------------------
login
echo "warm-up: $warmup map reads, $warmup touchpoint saves"
read_series "$warmup" "$work/warm-read"
check "$work/warm-read" "warm-up read" 200
save_series "$warmup" "$work/warm-save" "$(map_version)"
check "$work/warm-save" "warm-up save" 200

if $db_ok; then
  echo "letting PostgreSQL flush its statistics, then ${settle} s of idle background to subtract"
  sleep "$settle"; snapshot "$work/db0"; sleep "$settle"; snapshot "$work/db1"
else
  echo "(no psql access to waymark_mapping: database figures skipped)"
fi

login
echo "map read: $reads sequential GETs"
scrape "$work/prom0"
snapshot "$work/db1r"
read_series "$reads" "$work/read"
scrape "$work/prom1"
check "$work/read" "map read" 200
if $db_ok; then sleep "$settle"; snapshot "$work/db2"; fi

login
echo "touchpoint save: $saves sequential PATCHes with If-Match"
version=$(map_version) # read before the snapshot: only the PATCHes are in the window
snapshot "$work/db2s"
save_series "$saves" "$work/save" "$version"
scrape "$work/prom2"
check "$work/save" "touchpoint save" 200
if $db_ok; then sleep "$settle"; snapshot "$work/db3"; fi

read -r r50 r95 r99 rmax rmean < <(stats "$work/read")
read -r s50 s95 s99 smax smean < <(stats "$work/save")
size=$(awk '{ print $3 }' "$work/read" | sort -n | tail -1)

echo
echo "=== map-read benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ==="
echo "map \"$journey_name\": $n_stages stages × $((n_tps / n_stages)) touchpoints, $n_pain pain points, $n_opp opportunities, $n_ev evidence"
printf 'map read        GET  %s\n' "/api/workspaces/{ws}/journeys/{id}"
printf '  %d requests: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms (mean %s)   target p95 <= %d ms: %s\n' \
  "$reads" "$r50" "$r95" "$r99" "$rmax" "$rmean" "$target_read_p95" "$(verdict "$r95" "$target_read_p95")"
printf '  response: %s bytes (%s KiB) of JSON, uncompressed\n' "$size" "$(awk -v b="$size" 'BEGIN { printf "%.0f", b / 1024 }')"
printf '  mean inside mapping-service: %s\n' "$(service_mean "$work/prom0" "$work/prom1" GET '/api/workspaces/{workspaceId}/journeys/{journeyId}')"
printf 'touchpoint save PATCH %s\n' "/api/workspaces/{ws}/journeys/{jid}/stages/{sid}/touchpoints/{tid} (If-Match)"
printf '  %d requests: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms (mean %s)   target p95 <= %d ms: %s\n' \
  "$saves" "$s50" "$s95" "$s99" "$smax" "$smean" "$target_save_p95" "$(verdict "$s95" "$target_save_p95")"
printf '  mean inside mapping-service: %s\n' \
  "$(service_mean "$work/prom1" "$work/prom2" PATCH '/api/workspaces/{workspaceId}/journeys/{journeyId}/stages/{stageId}/touchpoints/{touchpointId}')"
if $db_ok; then
  echo "database work per request on waymark_mapping (pg_stat_user_tables / pg_stat_database deltas, idle background subtracted;"
  echo "pg_stat_statements is not loaded, so these are scans, not statements — see bench/README.md):"
  per_request "$work/db0" "$work/db1" "$work/db1r" "$work/db2" "$reads" >"$work/per-read"
  per_request "$work/db0" "$work/db1" "$work/db2s" "$work/db3" "$saves" >"$work/per-save"
  print_db "$work/per-read" "queries (index+seq scans) per map read"
  print_db "$work/per-save" "queries (index+seq scans) per touchpoint save"
fi
echo "(times are curl's time_total through the gateway on one kept-alive connection; quote medians of several runs — the machine is shared and noisy)"
