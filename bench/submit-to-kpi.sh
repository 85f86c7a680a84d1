#!/usr/bin/env bash
# Submit-to-KPI latency: how long from an anonymous answer's 202 until the touchpoint's NPS in
# metrics/summary counts it. Runs against a running platform with the demo (./cx up), through the
# gateway, as the demo client editor. Prints every sample and the median, p90 and max.
#
# usage: bench/submit-to-kpi.sh [samples=30] [gateway=http://localhost:8080] [keycloak=http://localhost:8180]
set -euo pipefail
samples=${1:-30}
gw=${2:-http://localhost:8080}
kc=${3:-http://localhost:8180}
password=${WAYMARK_DEMO_PASSWORD:-demo}

token=$(curl -sf -d grant_type=password -d client_id=waymark-cli -d username=cora -d "password=$password" \
  "$kc/realms/waymark/protocol/openid-connect/token" | jq -r .access_token)
auth=(-H "Authorization: Bearer $token")
ws=$(curl -sf "${auth[@]}" "$gw/api/me" | jq -r '.workspaces[0].id')
survey=$(curl -sf "${auth[@]}" "$gw/api/workspaces/$ws/surveys" | jq -c '[.items[] | select(.status == "active")][0]')
survey_token=$(jq -r .distribution.token <<<"$survey")
touchpoint=$(jq -r .touchpointId <<<"$survey")
[[ $survey_token != null ]] || { echo "No active survey in the demo workspace: run ./cx up (with the demo) first." >&2; exit 1; }

count() {
  curl -sf "${auth[@]}" "$gw/api/workspaces/$ws/metrics/summary" |
    jq --arg tp "$touchpoint" '[.touchpoints[] | select(.touchpointId == $tp)][0].nps.n'
}

now_ms() { date +%s%3N; }
results=()
for ((i = 1; i <= samples; i++)); do
  before=$(count)
  start=$(now_ms)
  curl -sf -o /dev/null -X POST "$gw/public/api/surveys/$survey_token/responses" -H 'Content-Type: application/json' \
    -d "{\"submissionId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"answers\":[{\"questionId\":\"nps\",\"value\":9}],\"lang\":\"en\"}"
  deadline=$((start + 10000))
  while (($(count) <= before)); do
    (($(now_ms) < deadline)) || { echo "sample $i: not visible within 10 s" >&2; exit 1; }
  done
  elapsed=$(($(now_ms) - start))
  results+=("$elapsed")
  printf 'sample %2d: %4d ms\n' "$i" "$elapsed"
done

sorted=$(printf '%s\n' "${results[@]}" | sort -n)
pick() { sed -n "$1p" <<<"$sorted"; }
n=${#results[@]}
printf 'submit-to-KPI latency over %d answers: median %d ms, p90 %d ms, max %d ms\n' \
  "$n" "$(pick $(((n + 1) / 2)))" "$(pick $(((n * 9 + 9) / 10)))" "$(pick "$n")"
echo "(includes the HTTP round trips of the polling itself, ~10-30 ms each; the machine is shared and noisy)"
