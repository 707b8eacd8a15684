package com.calldesk.acd;

/**
 * The Lua of {@link RedisAgentBoard}. Every script gets the same three keys: the tenant's agents
 * (hash, seat → encoded agent), the <em>free</em> index (sorted set of the agents offerable now,
 * scored by idle-since in epoch milliseconds) and the <em>held</em> index (IDLE and WAITING agents
 * held back after a missed offer, scored by not-before). Both indexes are written only by these
 * scripts, in the same script that writes the agent, so they can never disagree with the hash for
 * longer than a script runs. Whether an agent is offerable is decided here from the stored fields,
 * exactly as {@link SeatAgent#offerable} does (RedisAgentBoardIT checks the two agree).
 */
final class AgentBoardScripts {

	/** Field positions (1-based) of {@link RedisAgentBoard#encode}, and the index bookkeeping. */
	private static final String PRELUDE = """
			local SEP = string.char(31)
			local function fields(v)
			  local f, from = {}, 1
			  while true do
			    local at = string.find(v, SEP, from, true)
			    if not at then f[#f + 1] = string.sub(v, from) return f end
			    f[#f + 1] = string.sub(v, from, at - 1)
			    from = at + 1
			  end
			end
			-- status 3, state 4, idle-since 8, not-before 9
			local function place(seat, v, now)
			  if v then
			    local f = fields(v)
			    if f[3] == 'IDLE' and f[4] == 'WAITING' then
			      local notBefore = tonumber(f[9])
			      if notBefore and notBefore > now then
			        redis.call('zrem', KEYS[2], seat)
			        redis.call('zadd', KEYS[3], f[9], seat)
			      else
			        redis.call('zrem', KEYS[3], seat)
			        redis.call('zadd', KEYS[2], f[8], seat)
			      end
			      return
			    end
			  end
			  redis.call('zrem', KEYS[2], seat)
			  redis.call('zrem', KEYS[3], seat)
			end
			""";

	/** ARGV: seat, the value expected ('' = none yet), the new value, now. 1 when written. */
	static final String COMPARE_AND_SET = PRELUDE + """
			local stored = redis.call('hget', KEYS[1], ARGV[1])
			if (stored == false and ARGV[2] == '') or stored == ARGV[2] then
			  redis.call('hset', KEYS[1], ARGV[1], ARGV[3])
			  place(ARGV[1], ARGV[3], tonumber(ARGV[4]))
			  return 1
			end
			return 0
			""";

	/**
	 * ARGV: now, how many, then seats to leave out. First moves the agents whose hold is over back to
	 * the free index at their idle time (they keep their place in line), then returns the stored
	 * values of the first free agents. A member whose agent is not offerable (only possible if
	 * something wrote the hash without these scripts) is put right instead of returned.
	 */
	static final String LONGEST_IDLE = PRELUDE + """
			local now, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
			for _, seat in ipairs(redis.call('zrangebyscore', KEYS[3], '-inf', ARGV[1])) do
			  place(seat, redis.call('hget', KEYS[1], seat), now)
			end
			local skip = {}
			for i = 3, #ARGV do skip[ARGV[i]] = true end
			local found, stale, from = {}, {}, 0
			local step = limit + #ARGV - 2
			while #found < limit do
			  local seats = redis.call('zrange', KEYS[2], from, from + step - 1)
			  if #seats == 0 then break end
			  for _, seat in ipairs(seats) do
			    if #found < limit and not skip[seat] then
			      local v = redis.call('hget', KEYS[1], seat)
			      local f = v and fields(v)
			      if f and f[3] == 'IDLE' and f[4] == 'WAITING' and not (tonumber(f[9]) and tonumber(f[9]) > now) then
			        found[#found + 1] = v
			      else
			        stale[#stale + 1] = seat
			      end
			    end
			  end
			  from = from + #seats
			end
			for _, seat in ipairs(stale) do place(seat, redis.call('hget', KEYS[1], seat), now) end
			return found
			""";

	/** ARGV: now. Builds both indexes anew from the hash (a board's first look at a tenant). */
	static final String REINDEX = PRELUDE + """
			redis.call('del', KEYS[2], KEYS[3])
			local all = redis.call('hgetall', KEYS[1])
			local now = tonumber(ARGV[1])
			for i = 1, #all, 2 do place(all[i], all[i + 1], now) end
			return #all / 2
			""";

	/** ARGV: the seats to forget, from the hash and both indexes. */
	static final String FORGET = """
			for i = 1, #ARGV do
			  redis.call('hdel', KEYS[1], ARGV[i])
			  redis.call('zrem', KEYS[2], ARGV[i])
			  redis.call('zrem', KEYS[3], ARGV[i])
			end
			return #ARGV
			""";

	private AgentBoardScripts() {
	}
}
