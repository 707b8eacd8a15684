package com.calldesk.telephony;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.calldesk.calls.CallEvent;
import com.calldesk.calls.CallView;

/**
 * {@link LiveCalls} shared by every node: one key per call, {@code <prefix>call:<tenant>:<id>} =
 * {@code seq|json}, written without waiting (the SIP thread must not block on Redis) by a script that
 * keeps the newest seq, since asynchronous writes may land out of order. An ended call's key becomes a
 * tombstone ({@code ∞|ended}) that expires after a while; a live one expires after a day in case its
 * node died without saying.
 */
final class RedisLiveCalls implements LiveCalls {

	private static final Logger log = LoggerFactory.getLogger(RedisLiveCalls.class);

	private static final Duration LIVE = Duration.ofHours(24);

	private static final String NEWER = """
			local current = redis.call('GET', KEYS[1])
			if current then
			  local seq = tonumber(string.match(current, '^(%d+)|'))
			  if seq and seq >= tonumber(ARGV[1]) then return 0 end
			end
			redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', ARGV[3])
			return 1
			""";

	/** Larger than any seq, so nothing overwrites a tombstone. */
	private static final String ENDED = "9007199254740991";

	private final RedissonClient redisson;

	private final String prefix;

	private final JsonMapper json;

	RedisLiveCalls(RedissonClient redisson, String prefix, JsonMapper json) {
		this.redisson = redisson;
		this.prefix = prefix;
		this.json = json;
	}

	@Override
	public void put(CallEvent event) {
		write(event.tenantId(), event.call().callId(), Long.toString(event.seq()), json.writeValueAsString(event.call()), LIVE);
	}

	@Override
	public void ended(long tenantId, String callId) {
		write(tenantId, callId, ENDED, "ended", InMemoryLiveCalls.TOMBSTONE);
	}

	@Override
	public Optional<LiveCall> find(long tenantId, String callId) {
		String value = redisson.<String>getBucket(key(tenantId, callId), StringCodec.INSTANCE).get();
		if (value == null) {
			return Optional.empty();
		}
		int bar = value.indexOf('|');
		String seq = value.substring(0, bar);
		if (ENDED.equals(seq)) {
			return Optional.of(new LiveCall(null, Long.MAX_VALUE, true));
		}
		return Optional.of(new LiveCall(json.readValue(value.substring(bar + 1), CallView.class), Long.parseLong(seq), false));
	}

	private void write(long tenantId, String callId, String seq, String value, Duration ttl) {
		redisson.getScript(StringCodec.INSTANCE)
			.evalAsync(RScript.Mode.READ_WRITE, NEWER, RScript.ReturnType.LONG, List.of(key(tenantId, callId)), seq, value,
					Long.toString(ttl.toSeconds()))
			.whenComplete((written, failure) -> {
				if (failure != null) {
					log.warn("Live call {} of tenant {} not written to Redis: {}", callId, tenantId, failure.toString());
				}
			});
	}

	private String key(long tenantId, String callId) {
		return prefix + "call:" + tenantId + ":" + callId;
	}
}
