#!/usr/bin/env bash
#
# seed.sh — the local demo data (API.md, "Local demo"), created through the public API of the gateway
# with bearer tokens from Keycloak's `waymark-cli` client (password grant, demo realm only).
#
#   infra/demo/seed.sh                 # usually run by `./cx up` or `./cx demo`
#
# Idempotent: when the agency "northwind" already exists it says so and stops.
# Every failed call stops the script with the HTTP status and the problem body.
#
# Environment:
#   WAYMARK_URL             gateway                         (default http://localhost:8080)
#   KEYCLOAK_URL            Keycloak                        (default http://localhost:8180)
#   WAYMARK_DEMO_PASSWORD   password of every demo user     (default demo)
#   KEYCLOAK_ADMIN_USER / KEYCLOAK_ADMIN_PASSWORD   master-realm admin (default admin / admin)
#   DEMO_RESPONSES          survey responses to import      (default 360)
#   SEED_WAIT               seconds to wait for events to reach the other services (default 60)
#
set -euo pipefail

WAYMARK_URL=${WAYMARK_URL:-http://localhost:8080}
KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180}
REALM=waymark
CLI_CLIENT=waymark-cli
PASSWORD=${WAYMARK_DEMO_PASSWORD:-demo}
KC_ADMIN_USER=${KEYCLOAK_ADMIN_USER:-admin}
KC_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-admin}
RESPONSES=${DEMO_RESPONSES:-360}
export TZ=UTC
SEED_WAIT=${SEED_WAIT:-60}

die() {
  printf 'seed: error: %s\n' "$*" >&2
  if [[ ${SEEDING:-0} == 1 ]]; then
    printf 'seed: the demo is now partly seeded; to start over: ./cx down --purge && ./cx up\n' >&2
  fi
  exit 1
}
step() { printf '==> %s\n' "$*"; }
log() { printf '    %s\n' "$*"; }

for tool in curl jq; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing: install it with 'apt-get install $tool'."
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------------------------------------
# Keycloak: user tokens (waymark-cli, password grant) and the master-realm admin API

declare -A TOKEN=() TOKEN_AT=() LOGIN=()
ADMIN_TOKEN='' ADMIN_TOKEN_AT=-1000

# user_token <user>: TOKEN[user] holds a fresh access token afterwards (renewed after 4 minutes).
user_token() {
  local user=$1 status
  if [[ -n ${TOKEN[$user]:-} ]] && ((SECONDS - TOKEN_AT[$user] < 240)); then return 0; fi
  status=$(curl -sS -o "$TMP/token.json" -w '%{http_code}' \
    --data-urlencode grant_type=password --data-urlencode "client_id=$CLI_CLIENT" \
    --data-urlencode "username=${LOGIN[$user]:-$user}" --data-urlencode "password=$PASSWORD" \
    "$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token") ||
    die "cannot reach Keycloak at $KEYCLOAK_URL."
  [[ $status == 200 ]] ||
    die "cannot log in as '$user' (HTTP $status from Keycloak): $(jq -r '.error_description // .error // .' "$TMP/token.json" 2>/dev/null)"
  TOKEN[$user]=$(jq -r .access_token "$TMP/token.json")
  TOKEN_AT[$user]=$SECONDS
}

# admin_token: ADMIN_TOKEN holds a master-realm admin token (they live 60 s; renewed after 45 s).
admin_token() {
  local status
  if ((SECONDS - ADMIN_TOKEN_AT < 45)); then return 0; fi
  status=$(curl -sS -o "$TMP/token.json" -w '%{http_code}' \
    --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
    --data-urlencode "username=$KC_ADMIN_USER" --data-urlencode "password=$KC_ADMIN_PASSWORD" \
    "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token") ||
    die "cannot reach Keycloak at $KEYCLOAK_URL."
  [[ $status == 200 ]] ||
    die "cannot get a master-realm admin token as '$KC_ADMIN_USER' (HTTP $status); the bootstrap admin (admin/admin) exists only if Keycloak's database was created by ./cx (set KEYCLOAK_ADMIN_USER/KEYCLOAK_ADMIN_PASSWORD otherwise)."
  ADMIN_TOKEN=$(jq -r .access_token "$TMP/token.json")
  ADMIN_TOKEN_AT=$SECONDS
}

# kc_admin <method> <path under /admin/realms/waymark> [json]: sets BODY; stops on a non-2xx answer.
kc_admin() {
  local method=$1 path=$2 data=${3-} status args
  admin_token
  args=(-sS -o "$TMP/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $ADMIN_TOKEN")
  if [[ -n $data ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$data"); fi
  status=$(curl "${args[@]}" "$KEYCLOAK_URL/admin/realms/$REALM$path") || die "cannot reach Keycloak at $KEYCLOAK_URL."
  BODY=$(<"$TMP/body")
  [[ $status == 2?? ]] || die "Keycloak admin API: $method $path failed: HTTP $status ${BODY}"
}

# prepare_user <username> <first> <last> <email>: the demo password (not temporary), no required
# actions, verified email, a complete profile (so the password grant is not refused).
prepare_user() {
  local user=$1 first=$2 last=$3 email=$4 id rep
  kc_admin GET "/users?username=$(urlencode "$user")&exact=true"
  id=$(jq -r '.[0].id // empty' <<<"$BODY")
  if [[ -z $id ]]; then
    kc_admin GET "/users?email=$(urlencode "$email")&exact=true"
    id=$(jq -r '.[0].id // empty' <<<"$BODY")
  fi
  [[ -n $id ]] || die "user '$user' ($email) is not in Keycloak realm '$REALM'; tenant-service should have created it."
  kc_admin PUT "/users/$id/reset-password" "$(jq -nc --arg pw "$PASSWORD" '{type: "password", value: $pw, temporary: false}')"
  kc_admin GET "/users/$id"
  rep=$(jq -c --arg f "$first" --arg l "$last" --arg e "$email" '
      .requiredActions = [] | .emailVerified = true | .enabled = true
      | .firstName = (if (.firstName // "") == "" then $f else .firstName end)
      | .lastName = (if (.lastName // "") == "" then $l else .lastName end)
      | .email = (if (.email // "") == "" then $e else .email end)' <<<"$BODY")
  kc_admin PUT "/users/$id" "$rep"
  LOGIN[$user]=$(jq -r .username <<<"$rep")
  unset "TOKEN[$user]"
}

urlencode() { jq -rn --arg v "$1" '$v | @uri'; }

# ---------------------------------------------------------------------------------------------
# Waymark API (through the gateway)

# api <user> <method> <path> [body|@file] [content-type]: sets STATUS and BODY; stops on non-2xx.
api() {
  api_try "$@"
  [[ $STATUS == 2?? ]] || die "$2 $3 (as $1) failed: HTTP $STATUS ${BODY}"
}

# api_try: like api, but returns whatever came back.
api_try() {
  local user=$1 method=$2 path=$3 data=${4-} ctype=${5:-application/json} args
  args=(-sS -o "$TMP/body" -w '%{http_code}' -X "$method" -H 'Accept: application/json')
  if [[ $user != - ]]; then
    user_token "$user"
    args+=(-H "Authorization: Bearer ${TOKEN[$user]}")
  fi
  if [[ -n $data ]]; then args+=(-H "Content-Type: $ctype" --data-binary "$data"); fi
  STATUS=$(curl "${args[@]}" "$WAYMARK_URL$path") || die "cannot reach the gateway at $WAYMARK_URL."
  BODY=$(<"$TMP/body")
}

# api_eventually <same as api>: for calls that depend on events still travelling between the
# services (a new member's access, a new workspace's channels, a new touchpoint): 403/404/409/422
# and 400 are retried for up to SEED_WAIT seconds before the call counts as failed.
api_eventually() {
  local deadline=$((SECONDS + SEED_WAIT))
  while true; do
    api_try "$@"
    [[ $STATUS == 2?? ]] && return 0
    case "$STATUS" in
      400 | 403 | 404 | 409 | 422) ((SECONDS < deadline)) || break ;;
      *) break ;;
    esac
    sleep 1
  done
  die "$2 $3 (as $1) failed: HTTP $STATUS ${BODY}"
}

id_of() { jq -er '.id' <<<"$BODY" || die "no 'id' in the answer: $BODY"; }

# ---------------------------------------------------------------------------------------------
# the demo

# username | first | last | email
readonly DEMO_USERS='
admin|Platform|Admin|admin@waymark.local
nina|Nina|Novak|nina@northwind.example
sam|Sam|Stone|sam@northwind.example
cora|Cora|Diaz|cora@northwind.example
vic|Vic|Lindqvist|vic@northwind.example
finn|Finn|Olsen|finn@northwind.example
gus|Gus|Grant|gus@globex.example
ian|Ian|Moss|ian@globex.example'

demo_user() { # <username>: prepare that user from DEMO_USERS
  local line user first last email
  line=$(grep "^$1|" <<<"$DEMO_USERS") || die "internal: no demo user '$1'."
  IFS='|' read -r user first last email <<<"$line"
  prepare_user "$user" "$first" "$last" "$email"
}

email_of() { grep "^$1|" <<<"$DEMO_USERS" | cut -d'|' -f4; }
name_of() { grep "^$1|" <<<"$DEMO_USERS" | cut -d'|' -f2,3 | tr '|' ' '; }

create_tenant() { # <name> <slug> <admin username>; prints the tenant id into TENANT_ID
  local body
  body=$(jq -nc --arg name "$1" --arg slug "$2" --arg email "$(email_of "$3")" --arg an "$(name_of "$3")" --arg au "$3" \
    '{name: $name, slug: $slug, plan: "growth", adminEmail: $email, adminName: $an, adminUsername: $au}')
  api admin POST /api/admin/tenants "$body"
  TENANT_ID=$(id_of)
  log "agency $1 ($2): $TENANT_ID, admin $3"
}

create_workspace() { # <as> <tenant id> <name> <slug> <industry>; sets WORKSPACE_ID
  api "$1" POST "/api/tenants/$2/workspaces" \
    "$(jq -nc --arg n "$3" --arg s "$4" --arg i "$5" '{name: $n, slug: $s, industry: $i}')"
  WORKSPACE_ID=$(id_of)
  log "workspace $3: $WORKSPACE_ID"
}

add_member() { # <as> <tenants|workspaces> <id> <username> <role>
  api "$1" POST "/api/$2/$3/members" \
    "$(jq -nc --arg e "$(email_of "$4")" --arg n "$(name_of "$4")" --arg u "$4" --arg r "$5" \
      '{email: $e, name: $n, username: $u, role: $r}')"
  demo_user "$4"
  log "member $4 ($5)"
}

# The journey "Buy online, return in store": stage | touchpoint | channel | expected emotion |
# customer action | frontstage | backstage | support | owning team
readonly TOUCHPOINTS='
Awareness|Social media ad|Social|1|Sees a spring-collection ad with "free returns in any store"|Targeted carousel ad linking to the collection page|Marketing picks audiences and creatives each week|Ad platform, product feed|Marketing
Awareness|Store window display|Store|1|Notices the new collection in the window of the local store|Window display with a QR code to the online shop|Visual merchandising installs displays per season|Planogram tool, QR campaign links|Retail operations
Consideration|Product page|Online|1|Compares items, reads sizes, prices and stock per store|Product page with photos, reviews and store stock|Content team writes copy; stock synced hourly|PIM, stock service, reviews widget|E-commerce
Consideration|Size guide and reviews|Online|0|Checks the size guide and reviews to pick the right size|Size guide and fit feedback from other customers|Buying team maintains size charts per brand|Reviews platform, size chart CMS|E-commerce
Consideration|Wishlist in the app|Mobile app|1|Saves favourites and gets a price-drop notification|Wishlist and push notifications|CRM sets notification rules|Mobile app backend, push service|Digital product
Purchase|Checkout page|Online|0|Enters address, chooses delivery, pays by card or wallet|One-page checkout with delivery options and payment|Fraud screening and payment authorisation|Payment gateway, fraud service, order service|E-commerce
Purchase|Order confirmation email|Email|1|Reads the confirmation with order number and delivery date|Confirmation email with order summary and return info|Order service triggers the email|Email service, order service|CRM
Delivery|Shipping notifications|Email|0|Follows the shipping updates|Dispatch and out-for-delivery emails|Warehouse picks, packs and hands over to the carrier|WMS, carrier tracking API|Logistics
Delivery|Delivery tracking in the app|Mobile app|-1|Checks where the parcel is and when it will arrive|Tracking screen with live carrier status|Carrier pushes status events|Carrier API, mobile app backend|Logistics
Return|Returns policy page|Online|-1|Looks up how to return an online order in a store|Returns page with conditions and store finder|Customer service keeps the policy page current|CMS, store finder|Customer service
Return|Return at the store service desk|Store|-2|Brings the item to a store and asks for a refund|Store staff scan the order and check the item|Store records the return; stock moves back to the store|POS returns module, order lookup|Retail operations
Return|Refund confirmation email|Email|0|Waits for the refund and checks the bank account|Refund email with amount and expected date|Finance releases refunds in a daily batch|Payment gateway, ERP|Finance
Return|Call about a missing refund|Phone|-1|Calls customer service because the refund is late|Agent looks up the return and explains the status|Agent escalates to finance when the batch failed|Contact-centre platform, CRM|Customer service
Loyalty|Loyalty points and offers|Mobile app|1|Sees earned points and a personal offer|Loyalty screen with points balance and offers|CRM computes points after the return window closes|Loyalty engine, CRM|CRM
Loyalty|Review request email|Email|0|Gets asked to review the purchase|Review invitation two weeks after delivery|CRM schedules review requests|Email service, reviews platform|CRM'

create_journey() { # as cora in workspace $1; sets JOURNEY_ID, CHECKOUT_ID, TOUCHPOINT_COUNT
  local ws=$1 stage tp channel emotion action front back support team channel_id
  local -A stage_id=() channel_ids=()
  # the workspace's channels are created by mapping-service from the workspace event
  local deadline=$((SECONDS + SEED_WAIT))
  while true; do
    api_try cora GET "/api/workspaces/$ws/channels?limit=500"
    if [[ $STATUS == 200 ]] && (($(jq '(.items // []) | length' <<<"$BODY") >= 6)); then break; fi
    ((SECONDS < deadline)) || die "GET /api/workspaces/$ws/channels (as cora) did not list the standard channels within ${SEED_WAIT}s: HTTP $STATUS $BODY"
    sleep 1
  done
  while IFS=$'\t' read -r channel channel_id; do
    channel_ids[$channel]=$channel_id
  done < <(jq -r '.items[] | [.name, .id] | @tsv' <<<"$BODY")

  api cora POST "/api/workspaces/$ws/journeys" "$(jq -nc '{
      name: "Buy online, return in store", state: "current", ownerName: "Cora Diaz", reviewEveryDays: 90,
      description: "A customer finds an item online, orders it for home delivery and returns part of the order in a store. Most complaints come from the cross-channel return and the refund that follows."}')"
  JOURNEY_ID=$(id_of)
  log "journey Buy online, return in store: $JOURNEY_ID"

  for stage in Awareness Consideration Purchase Delivery Return Loyalty; do
    api cora POST "/api/workspaces/$ws/journeys/$JOURNEY_ID/stages" "$(jq -nc --arg n "$stage" '{name: $n}')"
    stage_id[$stage]=$(id_of)
  done
  log "6 stages"

  TOUCHPOINT_COUNT=0
  while IFS='|' read -r stage tp channel emotion action front back support team; do
    [[ -n $stage ]] || continue
    channel_id=${channel_ids[$channel]:-}
    [[ -n $channel_id ]] || die "workspace $ws has no channel named '$channel' (channels: ${!channel_ids[*]})."
    api cora POST "/api/workspaces/$ws/journeys/$JOURNEY_ID/stages/${stage_id[$stage]}/touchpoints" "$(jq -nc \
      --arg n "$tp" --arg c "$channel_id" --argjson e "$emotion" --arg a "$action" --arg f "$front" \
      --arg b "$back" --arg s "$support" --arg t "$team" \
      '{name: $n, channelId: $c, expectedEmotion: $e, owningTeam: $t, customerAction: {text: $a},
        frontstage: {text: $f, owningTeam: $t}, backstage: {text: $b, owningTeam: $t},
        support: {text: $s, owningTeam: $t}}')"
    TOUCHPOINT_COUNT=$((TOUCHPOINT_COUNT + 1))
    if [[ $tp == "Checkout page" ]]; then CHECKOUT_ID=$(id_of); fi
  done <<<"$TOUCHPOINTS"
  log "$TOUCHPOINT_COUNT touchpoints (checkout page: $CHECKOUT_ID)"
}

create_survey() { # as cora in workspace $1 on touchpoint $2; sets SURVEY_ID, SURVEY_TOKEN, SURVEY_LINK
  local ws=$1 touchpoint=$2
  api_eventually cora POST "/api/workspaces/$ws/surveys" "$(jq -nc --arg tp "$touchpoint" '{
      name: "Checkout experience", touchpointId: $tp, languages: ["en"],
      questions: [
        {id: "nps", kind: "nps", text: {en: "How likely are you to recommend Contoso to a friend or colleague?"}, required: true},
        {id: "csat", kind: "csat", text: {en: "How satisfied are you with checkout today?"}, required: false},
        {id: "comment", kind: "text", text: {en: "What is the main reason for your score?"}, required: false}
      ],
      thankYou: {en: "Thank you!"}}')"
  SURVEY_ID=$(id_of)
  api cora POST "/api/workspaces/$ws/surveys/$SURVEY_ID/publish"
  SURVEY_TOKEN=$(jq -er .token <<<"$BODY") || die "no 'token' in the publish answer: $BODY"
  SURVEY_LINK=$(jq -r '.link // empty' <<<"$BODY")
  log "survey Checkout experience: $SURVEY_ID, published at ${SURVEY_LINK:-token $SURVEY_TOKEN}"
}

# --- deterministic pseudo-random numbers (same data on every machine)
RNG=20260101
rnd() { # <n>: R = 0..n-1
  RNG=$(((RNG * 1103515245 + 12345) % 2147483648))
  R=$(((RNG >> 12) % $1))
}
rnd16() { rnd 65536; }
uuid() { # sets UUID (version 4 layout)
  local a b c d e f g h
  rnd16; a=$R; rnd16; b=$R; rnd16; c=$R; rnd16; d=$R
  rnd16; e=$R; rnd16; f=$R; rnd16; g=$R; rnd16; h=$R
  printf -v UUID '%04x%04x-%04x-4%03x-%04x-%04x%04x%04x' \
    "$a" "$b" "$c" "$((d & 0x0fff))" "$(((e & 0x3fff) | 0x8000))" "$f" "$g" "$h"
}
pick() { # <word...>: P = one of them
  local -a words=("$@")
  rnd ${#words[@]}
  P=${words[$R]}
}

readonly PROMOTER_COMMENTS=(
  "Quick checkout, and click & collect was ready in two hours."
  "Paying with my wallet took seconds."
  "I liked choosing the return store upfront."
  "Smooth as always."
  "Delivery options were clear and cheap."
  "Saved address and card, done in a minute."
)
readonly PASSIVE_COMMENTS=(
  "Fine, but the delivery slots were limited."
  "OK overall; the promo code field was hard to find."
  "Had to enter my address twice."
  "Good, but shipping costs appear very late."
  "Would be nice to pay with the gift card online."
)
readonly DETRACTOR_COMMENTS=(
  "Payment failed twice and I was still charged once."
  "Checkout forced me to create an account."
  "Shipping costs only showed up at the last step."
  "The page timed out and my basket was emptied."
  "Could not use my gift card online, so I gave up."
  "Too many steps, and the pay button did not react on my phone."
)

csv_field() { # quote when needed (RFC 4180)
  local v=$1
  if [[ $v == *[,\"$'\n']* ]]; then v="\"${v//\"/\"\"}\""; fi
  printf '%s' "$v"
}

# write_responses_csv <file>: RESPONSES rows spread over the last 90 days, slowly improving:
# about 45% promoters, 30% passives, 25% detractors overall; CSAT skipped now and then; some comments.
write_responses_csv() {
  local file=$1 now span start i t p_prom p_detr nps csat comment segment kind
  now=$(date -u +%s)
  span=$((90 * 86400 - 3600))
  start=$((now - 90 * 86400))
  printf 'submissionId,submittedAt,lang,segment,nps,csat,comment\n' >"$file"
  for ((i = 0; i < RESPONSES; i++)); do
    uuid
    rnd $((span / RESPONSES))
    t=$((start + i * span / RESPONSES + R))
    p_prom=$((40 + 10 * i / RESPONSES))  # 40% -> 50%
    p_detr=$((29 - 8 * i / RESPONSES))   # 29% -> 21%
    rnd 100
    if ((R < p_prom)); then
      kind=promoter; pick 9 10 10; nps=$P
      pick 5 5 5 5 5 5 4 4 4 3; csat=$P
    elif ((R < p_prom + p_detr)); then
      kind=detractor; pick 0 1 2 3 3 4 4 5 5 5 6 6 6 6; nps=$P
      pick 1 1 2 2 2 3 3 3 4; csat=$P
    else
      kind=passive; pick 7 7 8 8 8; nps=$P
      pick 5 4 4 4 4 3 3 3 2; csat=$P
    fi
    rnd 100
    if ((R < 15)); then csat=''; fi
    comment=''
    rnd 100
    case "$kind" in
      promoter) if ((R < 15)); then pick "${PROMOTER_COMMENTS[@]}"; comment=$P; fi ;;
      passive) if ((R < 15)); then pick "${PASSIVE_COMMENTS[@]}"; comment=$P; fi ;;
      detractor) if ((R < 40)); then pick "${DETRACTOR_COMMENTS[@]}"; comment=$P; fi ;;
    esac
    pick new returning returning; segment=$P
    printf '%s,%(%Y-%m-%dT%H:%M:%SZ)T,en,%s,%s,%s,%s\n' "$UUID" "$t" "$segment" "$nps" "$csat" "$(csv_field "$comment")" >>"$file"
  done
}

import_responses() { # workspace survey
  local csv="$TMP/responses.csv"
  write_responses_csv "$csv"
  api cora POST "/api/workspaces/$1/surveys/$2/responses:import" "@$csv" text/csv
  IMPORTED=$(jq -r '.accepted // 0' <<<"$BODY")
  local rejected
  rejected=$(jq -r '(.rejected // []) | length' <<<"$BODY")
  log "imported $IMPORTED responses (CSV of $RESPONSES rows), $rejected rejected"
  if ((rejected > 0)); then
    jq -r '.rejected[:5][] | "      row \(.row): \(.reason)"' <<<"$BODY" >&2 || true
  fi
}

submit_public_responses() { # token
  local answers n=0
  for answers in \
    '[{"questionId":"nps","value":9},{"questionId":"csat","value":5},{"questionId":"comment","value":"Fast checkout, and the store return option is reassuring."}]' \
    '[{"questionId":"nps","value":6},{"questionId":"csat","value":2},{"questionId":"comment","value":"I had to type my card number again although I saved it."}]' \
    '[{"questionId":"nps","value":10}]'; do
    uuid
    api - POST "/public/api/surveys/$1/responses" \
      "$(jq -nc --arg id "$UUID" --argjson a "$answers" '{submissionId: $id, answers: $a, lang: "en", context: {segment: "returning", channel: "Online"}}')"
    [[ $STATUS == 202 ]] || die "POST /public/api/surveys/$1/responses answered HTTP $STATUS instead of 202: $BODY"
    n=$((n + 1))
  done
  log "$n responses through the public endpoint"
}

main() {
  step "Demo seed against $WAYMARK_URL (Keycloak $KEYCLOAK_URL)"
  demo_user admin
  api admin GET '/api/admin/tenants?limit=500'
  if jq -e '(if type == "array" then . else (.items // []) end) | any(.[]; .slug == "northwind")' <<<"$BODY" >/dev/null; then
    echo "demo already seeded"
    exit 0
  fi
  SEEDING=1

  step "Agencies"
  create_tenant "Northwind CX" northwind nina
  local northwind=$TENANT_ID
  demo_user nina
  create_tenant "Globex Partners" globex gus
  local globex=$TENANT_ID
  demo_user gus

  step "Northwind CX: client workspaces and members (as nina)"
  create_workspace nina "$northwind" "Contoso Retail" contoso Retail
  local contoso=$WORKSPACE_ID
  create_workspace nina "$northwind" "Fabrikam Bank" fabrikam Banking
  local fabrikam=$WORKSPACE_ID
  add_member nina tenants "$northwind" sam agency-staff
  add_member nina workspaces "$contoso" cora client-editor
  add_member nina workspaces "$contoso" vic client-viewer
  add_member nina workspaces "$fabrikam" finn client-editor

  step "Globex Partners: client workspace and member (as gus)"
  create_workspace gus "$globex" Initech initech Software
  local initech=$WORKSPACE_ID
  add_member gus workspaces "$initech" ian client-editor

  step "Contoso Retail: journey map (as cora)"
  create_journey "$contoso"

  step "Contoso Retail: checkout survey"
  create_survey "$contoso" "$CHECKOUT_ID"

  step "Contoso Retail: responses"
  import_responses "$contoso" "$SURVEY_ID"
  submit_public_responses "$SURVEY_TOKEN"

  SEEDING=0
  step "Demo seeded"
  cat <<EOF
    Northwind CX     $northwind   admin nina, staff sam
      Contoso Retail $contoso   cora (client-editor), vic (client-viewer)
      Fabrikam Bank  $fabrikam   finn (client-editor)
    Globex Partners  $globex   admin gus
      Initech        $initech   ian (client-editor)
    Journey "Buy online, return in store": $JOURNEY_ID (6 stages, $TOUCHPOINT_COUNT touchpoints)
    Survey "Checkout experience": $SURVEY_ID, $IMPORTED imported + 3 live responses
      ${SURVEY_LINK:-$WAYMARK_URL/public/s/$SURVEY_TOKEN}
    Every demo user's password: $PASSWORD
EOF
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
