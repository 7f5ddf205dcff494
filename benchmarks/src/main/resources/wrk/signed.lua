-- Replays pre-signed idsettle authorizations for wrk (https://github.com/wg/wrk).
--
-- dev.idsettle.bench.WrkPool writes one file per wrk thread, POOL.0, POOL.1, ..., each a sequence
-- of records "<length>\n<raw HTTP/1.1 request>": every request signed (HMAC-SHA256 through http's
-- RequestSigner) with its own nonce, since the server refuses a nonce it has seen, and a timestamp
-- within its clock skew for the run. wrk's LuaJIT has no HMAC, so the signing is done beforehand
-- in Java and this script only reads the next request. Run by dev.idsettle.bench.WrkLoad:
--
--   wrk -t2 -c32 -d10s --latency -s signed.lua http://127.0.0.1:PORT -- POOL
--
-- A response that is not a 200 with a "permitted" outcome is counted as denied; a thread that runs
-- out of requests stops (and says so: the pool was too small for the rate).

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  pool = assert(io.open(args[1] .. "." .. id, "rb"))
  denied = 0
  exhausted = 0
end

function request()
  local length = pool:read("*l")
  if length == nil then
    exhausted = 1
    wrk.thread:stop()
    return last
  end
  last = pool:read(tonumber(length))
  return last
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"permitted"', 1, true) then
    denied = denied + 1
  end
end

function done(summary, latency, requests)
  local d, e = 0, 0
  for _, t in ipairs(threads) do
    d = d + t:get("denied")
    e = e + t:get("exhausted")
  end
  io.write(string.format("idsettle: denied %d, threads out of requests %d\n", d, e))
end
