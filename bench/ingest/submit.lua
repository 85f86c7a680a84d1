-- wrk script: anonymous submissions with a unique submissionId each, counting answers by status.
-- Environment: INGEST_TOKEN (the survey's public token), INGEST_RUN (8 hex digits, unique per run).
local token = os.getenv("INGEST_TOKEN")
local run = tonumber(os.getenv("INGEST_RUN") or "0", 16)
local path = "/public/api/surveys/" .. token .. "/responses"
local headers = { ["Content-Type"] = "application/json", ["User-Agent"] = "waymark-bench-ingest" }

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- globals, so that done() can read them from each thread
tid, counter, accepted, refused = 0, 0, 0, 0
statuses = ""

function init(args)
  tid = wrk.thread:get("tid")
  math.randomseed(run + tid * 7919)
end

-- run (8 hex) - thread (4) - 4 + random (3) - 8 + random (3) - counter (12): unique within and across runs
function request()
  counter = counter + 1
  local id = string.format("%08x-%04x-4%03x-8%03x-%012x", run, tid, math.random(0, 4095), math.random(0, 4095), counter)
  local body = '{"submissionId":"' .. id .. '","answers":[{"questionId":"nps","value":' .. (counter % 11) ..
      '},{"questionId":"comment","value":"bench"}],"lang":"en","context":{"channel":"bench"}}'
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  else
    refused = refused + 1
    if refused <= 3 then
      statuses = statuses .. status .. " "
    end
  end
end

function done(summary, latency, requests)
  local total_accepted, total_refused, samples = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_accepted = total_accepted + thread:get("accepted")
    total_refused = total_refused + thread:get("refused")
    samples = samples .. thread:get("statuses")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("INGEST accepted=%d refused=%d socket_errors=%d seconds=%.2f rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f refused_statuses=%s\n",
    total_accepted, total_refused,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    seconds, total_accepted / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    samples == "" and "-" or samples))
end
