-- wrk script for the bare route of bench/heartbeats.ts: one upsert per request, ids in turn.
local n = tonumber(os.getenv('BENCH_WRK_N'))
local threads = {}

function setup(thread)
  thread:set('tid', #threads)
  table.insert(threads, thread)
end

local counter = 0
-- wrk 4.1 asks the first thread for one request at start, to check the script, and never sends it:
-- that one uses no index, or the first participant's session would start at its second heartbeat.
local primed = false

function request()
  if tid == 0 and not primed then
    primed = true
    return wrk.format('GET', '/')
  end
  local index = counter * tonumber(os.getenv('BENCH_WRK_THREADS')) + tid
  counter = counter + 1
  return wrk.format('POST', '/upsert', { ['Content-Type'] = 'application/json' },
    string.format('{"id":%d}', index % n))
end

function done(summary, latency, requests)
  local out = io.open(os.getenv('BENCH_WRK_OUT'), 'w')
  local e = summary.errors
  out:write(string.format(
    '{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"non2xx":%d,"errors":%d,"timeouts":%d}',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write, e.timeout))
  out:close()
end
