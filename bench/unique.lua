-- Every request a page nobody asked for before (a new query string), so no cache can
-- answer it: what is left is the app's own work, spread over the instances.
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/en/?n=" .. math.random(1e9) .. "-" .. counter)
end
