-- wrk script for the bare route of bench/heartbeats.ts: one upsert per request, ids in turn.
local common = dofile(os.getenv('BENCH_WRK_DIR') .. '/common.lua')
local n = tonumber(os.getenv('BENCH_WRK_N'))

function request()
  local index = common.next_index(0)
  if not index then return common.probe() end
  return wrk.format('POST', '/upsert', { ['Content-Type'] = 'application/json' },
    string.format('{"id":%d}', index % n))
end

function done(summary, latency, requests)
  common.write_summary(summary, latency)
end
