#!/usr/bin/env bash
# Ingestion benchmark: anonymous survey submissions through the gateway, against the single-row insert
# ceiling of this machine's PostgreSQL (pgbench), then a no-loss / no-duplicate check and the
# feedback-service's memory. See bench/ingest/README.md (start the stack with raised limits first).
#
# usage: bench/ingest/run.sh [seconds=60] [connections=64]
set -euo pipefail

seconds=${1:-60}
connections=${2:-64}
threads=${THREADS:-2}
warmup=${WARMUP:-10}
pgbench_seconds=${PGBENCH_SECONDS:-30}
pgbench_clients=${PGBENCH_CLIENTS:-32}
gw=${GATEWAY:-http://localhost:8080}
# where the load goes: the gateway; TARGET=http://localhost:8083 drives feedback-service directly (its share alone)
target=${TARGET:-$gw}
kc=${KEYCLOAK:-http://localhost:8180}
password=${WAYMARK_DEMO_PASSWORD:-demo}
pg_host=${PGHOST:-127.0.0.1}
pg_user=${PGUSER:-postgres}
feedback_db=${FEEDBACK_DB:-waymark_feedback}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pid_file=${FEEDBACK_PID_FILE:-$root/.cx/pids/feedback-service.pid}

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
fsql() { psql -h "$pg_host" -U "$pg_user" -d "$feedback_db" -Atqc "$1"; }

# --- tools ---------------------------------------------------------------------------------------
for tool in curl jq psql; do command -v "$tool" >/dev/null || die "$tool is needed"; done
if ! command -v wrk >/dev/null; then
  say "installing wrk (Debian package)"
  sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -q wrk >/dev/null 2>&1 ||
    { "${sudo_cmd[@]}" apt-get update -q >/dev/null && "${sudo_cmd[@]}" apt-get install -y -q wrk >/dev/null; } ||
    die "could not install wrk"
fi
pgbench_bin=$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)
[[ -x $pgbench_bin ]] || die "pgbench not found (postgresql-client)"
[[ -f $pid_file ]] || die "no $pid_file: start the stack first (see bench/ingest/README.md)"
feedback_pid=$(cat "$pid_file")
kill -0 "$feedback_pid" 2>/dev/null || die "feedback-service (pid $feedback_pid) is not running"
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$feedback_pid/status"; }
gateway_pid=$(cat "$(dirname "$pid_file")/gateway.pid" 2>/dev/null || echo 0)
metrics_pid=$(cat "$(dirname "$pid_file")/metrics-service.pid" 2>/dev/null || echo 0)
# CPU seconds (user + system) a process has used so far; the machine is shared and its load varies, so
# CPU per response is the figure that does not depend on what else runs
cpu_s() { [[ -r /proc/$1/stat ]] && awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat" || echo 0; }
# the feedback-service's own PostgreSQL backends (its pool keeps them for the whole run)
feedback_backends=$(fsql "select string_agg(pid::text, ' ') from pg_stat_activity
                          where datname = '$feedback_db' and pid <> pg_backend_pid()")
cpu_all_postgres() { local total=0 p; for p in $feedback_backends; do total=$(awk -v a="$total" -v b="$(cpu_s "$p")" 'BEGIN { print a + b }'); done; echo "$total"; }

# --- a published survey in the demo workspace, its agency on an unlimited plan meanwhile ------------
token_of() {
  curl -sf -d grant_type=password -d client_id=waymark-cli -d "username=$1" -d "password=$password" \
    "$kc/realms/waymark/protocol/openid-connect/token" | jq -er .access_token
}
cora=$(token_of cora) || die "no token for cora: is the stack up with the demo (./cx up)?"
admin=$(token_of admin) || die "no token for admin"
me=$(curl -sf -H "Authorization: Bearer $cora" "$gw/api/me")
ws=$(jq -er '.workspaces[0].id' <<<"$me")
tenant=$(jq -er '.tenant.id' <<<"$me")
plan=$(curl -sf -H "Authorization: Bearer $admin" "$gw/api/admin/tenants/$tenant" | jq -er .plan)
set_plan() {
  curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"plan\":\"$1\"}" "$gw/api/admin/tenants/$tenant"
  for _ in $(seq 50); do
    [[ $(fsql "select plan from access_tenant where tenant_id = '$tenant'") == "$1" ]] && return 0
    sleep 0.2
  done
  die "feedback-service did not learn plan $1 of tenant $tenant"
}
if [[ $plan != scale ]]; then
  # the demo agency's growth plan takes 250,000 responses a month: one run would use it up
  say "agency plan $plan -> scale for the run (restored afterwards)"
  trap 'set_plan "$plan" && echo "==> agency plan restored to $plan"' EXIT
  set_plan scale
fi
auth=(-H "Authorization: Bearer $cora")
survey=$(curl -sf "${auth[@]}" "$gw/api/workspaces/$ws/surveys?status=active&limit=500" |
  jq -c '[.items[] | select(.name == "Bench: ingest")][0] // empty')
if [[ -z $survey ]]; then
  survey=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$gw/api/workspaces/$ws/surveys" -d '{
    "name": "Bench: ingest", "languages": ["en"],
    "questions": [
      {"id": "nps", "kind": "nps", "text": {"en": "How likely are you to recommend us?"}, "required": true},
      {"id": "comment", "kind": "text", "text": {"en": "Why?"}, "required": false}],
    "thankYou": {"en": "Thanks!"}}')
  survey_id=$(jq -er .id <<<"$survey")
  survey=$(curl -sf "${auth[@]}" -X POST "$gw/api/workspaces/$ws/surveys/$survey_id/publish")
  survey_token=$(jq -er .token <<<"$survey")
else
  survey_id=$(jq -er .id <<<"$survey")
  survey_token=$(jq -er .distribution.token <<<"$survey")
fi
say "survey $survey_id (token $survey_token) in workspace $ws"

rows() { fsql "select count(*) from response where survey_id = '$survey_id'"; }
events() { # all, sent
  fsql "select count(*) || ' ' || count(sent_at) from outbox where type = 'feedback.response.submitted'
        and payload->'data'->>'surveyId' = '$survey_id'"
}
rows_before=$(rows)
read -r events_before sent_before <<<"$(events)"

# --- load ----------------------------------------------------------------------------------------
drive() { # seconds → INGEST line
  INGEST_TOKEN=$survey_token INGEST_RUN=$(openssl rand -hex 4 2>/dev/null || printf '%08x' $RANDOM$RANDOM) \
    wrk -t "$threads" -c "$connections" -d "${1}s" --timeout 10s -s "$here/submit.lua" "$target" | grep '^INGEST'
}
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }

rss_start=$(rss_mib)
say "warm-up ${warmup}s (counted in the checks, not in the figures)"
warm=$(drive "$warmup")
say "load: $connections connections, $threads wrk threads, ${seconds}s, POST $target/public/api/surveys/…/responses"
(sleep $((seconds / 2)); rss_mib >"$here/.rss-middle") &
cpu_before=("$(cpu_s "$gateway_pid")" "$(cpu_s "$feedback_pid")" "$(cpu_s "$metrics_pid")" "$(cpu_all_postgres)")
load_before=$(cut -d' ' -f1 /proc/loadavg)
main=$(drive "$seconds")
cpu_after=("$(cpu_s "$gateway_pid")" "$(cpu_s "$feedback_pid")" "$(cpu_s "$metrics_pid")" "$(cpu_all_postgres)")
load_after=$(cut -d' ' -f1 /proc/loadavg)
wait
rss_middle=$(cat "$here/.rss-middle"); rm -f "$here/.rss-middle"
rss_end=$(rss_mib)
accepted=$(($(field accepted "$warm") + $(field accepted "$main")))
refused=$(($(field refused "$warm") + $(field refused "$main")))
rate=$(field rate "$main")

# --- no loss, no duplicates ------------------------------------------------------------------------
say "waiting for the outbox relay to publish every event"
for _ in $(seq 600); do
  read -r events_now sent_now <<<"$(events)"
  ((events_now == sent_now)) && break
  sleep 0.5
done
rows_new=$(($(rows) - rows_before))
read -r events_now sent_now <<<"$(events)"
events_new=$((events_now - events_before))
sent_new=$((sent_now - sent_before))
duplicates=$(fsql "select count(*) from (select submission_id from response where survey_id = '$survey_id'
                   group by submission_id having count(*) > 1) d")

# --- the ceiling: pgbench single-row inserts, one per transaction, fsync on --------------------------
scratch="waymark_ingest_pgbench_$$"
# PostgreSQL's connection limit is shared with every running service (and other stacks on this machine)
free=$(psql -h "$pg_host" -U "$pg_user" -d postgres -Atqc "select current_setting('max_connections')::int
        - current_setting('superuser_reserved_connections')::int - count(*) - 2 from pg_stat_activity")
if ((free < pgbench_clients)); then
  echo "warning: only $free PostgreSQL connections are free; pgbench runs with $free clients instead of $pgbench_clients" \
       "(fewer clients share fewer commits: the ceiling comes out lower than it is)" >&2
  pgbench_clients=$((free > 0 ? free : 0))
fi
say "pgbench: ${pgbench_clients} clients, ${pgbench_seconds}s, one single-row insert per transaction, in $scratch"
psql -h "$pg_host" -U "$pg_user" -d postgres -qc "create database $scratch" >/dev/null
psql -h "$pg_host" -U "$pg_user" -d "$scratch" -qc \
  "create table bench_insert (id uuid primary key, created_at timestamptz not null default now(), body jsonb not null)" >/dev/null
script=$(mktemp)
echo "insert into bench_insert (id, body) values (gen_random_uuid(), '{\"nps\": 9, \"comment\": \"bench\"}');" >"$script"
fsync=$(psql -h "$pg_host" -U "$pg_user" -d "$scratch" -Atqc "show fsync")/$(psql -h "$pg_host" -U "$pg_user" -d "$scratch" -Atqc "show synchronous_commit")
tps=$( ((pgbench_clients > 0)) && "$pgbench_bin" -h "$pg_host" -U "$pg_user" -n -c "$pgbench_clients" -j 2 -T "$pgbench_seconds" -f "$script" "$scratch" 2>&1 |
  sed -n 's/^tps = \([0-9.]*\).*/\1/p' || true)
[[ -n $tps ]] || { echo "warning: pgbench failed" >&2; tps=0; }
rm -f "$script"
psql -h "$pg_host" -U "$pg_user" -d postgres -qc "drop database $scratch" >/dev/null

# --- report --------------------------------------------------------------------------------------
main_accepted=$(field accepted "$main")
per_response() { awk -v a="$1" -v b="$2" -v n="$main_accepted" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 1000 / n; else print "n/a" }'; }
cpu_gateway=$(per_response "${cpu_before[0]}" "${cpu_after[0]}")
cpu_feedback=$(per_response "${cpu_before[1]}" "${cpu_after[1]}")
cpu_metrics=$(per_response "${cpu_before[2]}" "${cpu_after[2]}")
cpu_postgres=$(per_response "${cpu_before[3]}" "${cpu_after[3]}")
ratio=$(awk -v a="$rate" -v b="$tps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
cat <<EOF

ingest via $target ($connections connections, ${seconds}s after ${warmup}s warm-up)
  responses/s      $rate
  latency          p50 $(field p50_ms "$main") ms   p90 $(field p90_ms "$main") ms   p99 $(field p99_ms "$main") ms   max $(field max_ms "$main") ms
  not 202          $(field refused "$main") (statuses: $(field refused_statuses "$main")), socket errors $(field socket_errors "$main")
pgbench ceiling    $tps tps ($pgbench_clients clients, fsync/synchronous_commit $fsync)
ratio              $ratio  (target >= 0.6)
checks (warm-up + load)
  202 answers      $accepted   (other answers: $refused)
  new rows         $rows_new   duplicated submission ids: $duplicates
  events           $events_new in the outbox, $sent_new published
  in flight        $((rows_new - accepted)) stored but unanswered when wrk stopped (at most $((2 * connections)): wrk drops the connections it has open when time is up)
  result           $( ((accepted <= rows_new && rows_new - accepted <= 2 * connections && rows_new == events_new && events_new == sent_new && duplicates == 0)) && echo "OK: every 202 stored, each once, each with one published event" || echo "MISMATCH")
CPU per 202 (ms)   gateway $cpu_gateway, feedback-service $cpu_feedback, metrics-service $cpu_metrics (consuming the events),
                   PostgreSQL $cpu_postgres (feedback-service's connections); machine load average $load_before -> $load_after on $(nproc) cores
feedback-service RSS  start ${rss_start} MiB, middle ${rss_middle} MiB, end ${rss_end} MiB
EOF
