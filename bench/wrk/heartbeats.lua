-- wrk script for bench/heartbeats.ts: one heartbeat per request, each from one of the benchmark's
-- participants in turn with their own token, numbered from BENCH_WRK_FIRST on as `heartbeat()` in
-- bench/heartbeats.ts numbers them. Answers 200 are remembered by client event id, so the benchmark
-- can check every one was stored.
local common = dofile(os.getenv('BENCH_WRK_DIR') .. '/common.lua')
local data = dofile(os.getenv('BENCH_WRK_DATA'))
acked = {}
nacked = 0

function request()
  local index = common.next_index(tonumber(os.getenv('BENCH_WRK_FIRST')))
  if not index then return common.probe() end
  local e = index % data.n
  local k = math.floor(index / data.n)
  local id = e .. '-' .. k
  local body = string.format(
    '{"enrollmentId":"%s","events":[{"clientEventId":"%s","type":"heartbeat","lessonId":"%s","occurredAt":"%s.000Z","activeSeconds":%d}]}',
    data.enrollments[e + 1], id, data.lessons[(e % #data.lessons) + 1],
    os.date('!%Y-%m-%dT%H:%M:%S', data.t0 + k * 30), k == 0 and 0 or 30)
  return wrk.format('POST', '/v1/me/progress',
    { ['Content-Type'] = 'application/json', ['Authorization'] = 'Bearer ' .. data.tokens[e + 1] }, body)
end

function response(status, headers, body)
  if status == 200 then
    local id = string.match(body, '"clientEventId":"([^"]+)"')
    if id then
      nacked = nacked + 1
      acked[nacked] = id
    end
  end
end

function done(summary, latency, requests)
  local ids = io.open(os.getenv('BENCH_WRK_OUT') .. '.acked', 'w')
  for _, thread in ipairs(common.threads) do
    local list = thread:get('acked')
    for i = 1, thread:get('nacked') do ids:write(list[i], '\n') end
  end
  ids:close()
  common.write_summary(summary, latency)
end
