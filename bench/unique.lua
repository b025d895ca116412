-- Every request a page nobody asked for before (a new query string), so no cache can
-- answer it: what is left is the app's own work, spread over the instances.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

-- The start time tells this run's pages from an earlier run's on the same instance.
local stamp = os.time()
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", "/en/?n=" .. stamp .. "-" .. id .. "-" .. counter)
end
