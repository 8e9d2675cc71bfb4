-- What both wrk scripts of bench/heartbeats.ts share: thread numbering, the request index, and the
-- summary they write for the benchmark to read. Loaded with dofile(BENCH_WRK_DIR .. '/common.lua').
local common = { threads = {} }

function setup(thread)
  thread:set('tid', #common.threads)
  table.insert(common.threads, thread)
end

local counter = 0
-- wrk 4.1 asks the first thread for one request at start, to check the script, and never sends it:
-- that one uses no index, or the first participant's session would start at its second heartbeat.
local primed = false

-- This thread's next request index (threads interleave, from `first` on), or nil for wrk's unsent probe.
function common.next_index(first)
  if tid == 0 and not primed then
    primed = true
    return nil
  end
  local index = first + counter * tonumber(os.getenv('BENCH_WRK_THREADS')) + tid
  counter = counter + 1
  return index
end

function common.probe()
  return wrk.format('GET', '/')
end

function common.write_summary(summary, latency)
  local out = io.open(os.getenv('BENCH_WRK_OUT'), 'w')
  local e = summary.errors
  out:write(string.format(
    '{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"non2xx":%d,"errors":%d,"timeouts":%d}',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write, e.timeout))
  out:close()
end

return common
