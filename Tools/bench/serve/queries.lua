-- wrk script: cycle through mixed search modes on one endpoint.
--   wrk ... -s queries.lua http://HOST:PORT/search        (or /autocomplete)
-- The path of the URL given to wrk is the endpoint; each request adds ?q=<next query>.
local queries = {
  "万州",      -- characters
  "州",        -- 1-character substring
  "重庆",      -- 2-character substring
  "wanzhou",   -- pinyin
  "wan zhou",  -- pinyin with a space
  "cqs",       -- initials
  "萬縣",      -- traditional
  "chongqin",  -- misspelling
}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
local counter = 0

function init(args)
  local base = wrk.path
  local sep = base:find("?", 1, true) and "&" or "?"
  for i, q in ipairs(queries) do
    paths[i] = base .. sep .. "q=" .. encode(q)
  end
  -- start each thread at a different query
  counter = math.random(0, #queries - 1)
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
