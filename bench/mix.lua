-- wrk script: 70 % guide pages, 20 % GET PDFs (cached after the first), 10 % fresh PDFs
-- with a person's own questions (POST, never cached). Counts 5xx, with 503 apart.
local pages = {"/en/", "/es/", "/fr/", "/de/", "/pt-BR/", "/ar/", "/zh-Hans/", "/en/sources"}
local pdfs = {"/en/checklist.pdf", "/es/checklist.pdf?q=cost&q=driving",
              "/zh-Hans/checklist.pdf?q=pregnancy", "/ar/checklist.pdf?q=relapse&q=cost"}
local form = "q=driving&q=cost&q=pregnancy&top=cost&paper=a4&own=" ..
             "Can+I+keep+working%3F%0AWho+do+I+call+at+night%3F"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  errors5xx, busy503, pdfs_ok = 0, 0, 0
end

function request()
  local r = math.random(100)
  if r <= 70 then
    return wrk.format("GET", pages[math.random(#pages)])
  elseif r <= 90 then
    return wrk.format("GET", pdfs[math.random(#pdfs)])
  end
  return wrk.format("POST", "/en/checklist.pdf",
                    {["Content-Type"] = "application/x-www-form-urlencoded"}, form)
end

function response(status, headers, body)
  if status == 503 then
    busy503 = busy503 + 1
  elseif status >= 500 then
    errors5xx = errors5xx + 1
  end
end

function done(summary, latency, requests)
  local e, b = 0, 0
  for _, thread in ipairs(threads) do
    e = e + thread:get("errors5xx")
    b = b + thread:get("busy503")
  end
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, ' ..
    '"p99_ms": %.2f, "errors_5xx": %d, "busy_503": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, e, b,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout))
end
