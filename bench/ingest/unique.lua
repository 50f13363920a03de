-- wrk script: every request is one unique Tenovi blood_pressure measurement webhook (reference §3.2), shaped like
-- the load tool's (org.rpmsync.load.DeliveryRequests): 64 device ids, a unique microsecond timestamp per request.
-- Environment: WEBHOOK_HEADER (default Authorization), WEBHOOK_SECRET. The path is wrk's URL.
-- At the end it prints "wrk-2xx N" (requests answered 2xx), "wrk-503 N", "wrk-other N" for the run script.
local threads = {}
local header = os.getenv("WEBHOOK_HEADER") or "Authorization"
local secret = os.getenv("WEBHOOK_SECRET")

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  seq = 0
  ok, unavailable, other = 0, 0, 0
  base = (os.time() - 86400 * (tid + 1)) * 1000000  -- each thread its own day in the past
  wrk.headers["Content-Type"] = "application/json"
  if secret then wrk.headers[header] = secret end
end

local function timestamp(micros)
  local seconds = math.floor(micros / 1000000)
  return os.date("!%Y-%m-%dT%H:%M:%S", seconds) .. string.format(".%06dZ", micros % 1000000)
end

function request()
  seq = seq + 1
  local n = tid * 1000000000 + seq
  local d = n % 64
  local t = timestamp(base + seq)
  local body = string.format('{"metric": "blood_pressure", "device_name": "Tenovi BPM - L", '
    .. '"hwi_device_id": "wrk-device-%02d", "patient_id": "LOAD-%04d", "hardware_uuid": "%012X", '
    .. '"sensor_code": "10", "value_1": "%d.00", "value_2": "%d.00", "created": "%s", "timestamp": "%s", '
    .. '"timezone_offset": -5, "estimated_timestamp": false, "filter_params": {"measurement_index": %d}}',
    d, d, d, 100 + n % 60, 60 + n % 30, t, t, n % 100000 + 1)
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status == 503 then unavailable = unavailable + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local a, u, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("ok"); u = u + thread:get("unavailable"); o = o + thread:get("other")
  end
  io.write(string.format("wrk-2xx %d\nwrk-503 %d\nwrk-other %d\n", a, u, o))
  io.write(string.format("wrk-latency-ms p50 %.2f p90 %.2f p99 %.2f max %.2f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
