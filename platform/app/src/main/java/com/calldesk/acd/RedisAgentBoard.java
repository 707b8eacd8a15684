package com.calldesk.acd;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The board shared by every node: one Redis hash per tenant ({@code <prefix>agents:<tenant id>}, seat
 * → agent). A change reads the agent, applies the transition here, and writes it back only if nobody
 * changed it meanwhile (a compare-and-set in Lua); otherwise it reads again. So two nodes offering
 * calls at the same moment can never both claim one agent.
 */
public final class RedisAgentBoard implements AgentBoard {

	private static final String COMPARE_AND_SET = "local now = redis.call('hget', KEYS[1], ARGV[1]) "
			+ "if (now == false and ARGV[2] == '') or now == ARGV[2] then redis.call('hset', KEYS[1], ARGV[1], ARGV[3]) return 1 end "
			+ "return 0";

	private static final String SEPARATOR = "\u001f";

	private static final int ATTEMPTS = 20;

	private final RedissonClient redisson;

	private final String prefix;

	private final Clock clock;

	public RedisAgentBoard(RedissonClient redisson, String prefix, Clock clock) {
		this.redisson = redisson;
		this.prefix = prefix;
		this.clock = clock;
	}

	@Override
	public SeatAgent get(long tenantId, String seat) {
		String stored = agents(tenantId).get(seat);
		return stored == null ? SeatAgent.offline(tenantId, seat, clock.instant()) : decode(stored);
	}

	@Override
	public List<SeatAgent> of(long tenantId) {
		return agents(tenantId).readAllValues().stream().map(RedisAgentBoard::decode).toList();
	}

	@Override
	public Optional<Change> change(long tenantId, String seat, UnaryOperator<SeatAgent> transition) {
		RMap<String, String> agents = agents(tenantId);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String stored = agents.get(seat);
			SeatAgent before = stored == null ? SeatAgent.offline(tenantId, seat, clock.instant()) : decode(stored);
			SeatAgent after = transition.apply(before);
			if (after == before) {
				return Optional.empty();
			}
			Long written = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, COMPARE_AND_SET, RScript.ReturnType.LONG,
					List.of(key(tenantId)), seat, stored == null ? "" : stored, encode(after));
			if (written != null && written == 1) {
				return Optional.of(new Change(before, after));
			}
		}
		throw new IllegalStateException("Agent " + seat + " of tenant " + tenantId + " changed " + ATTEMPTS + " times under one transition");
	}

	@Override
	public void retain(long tenantId, Collection<String> seats) {
		RMap<String, String> agents = agents(tenantId);
		Set<String> gone = new java.util.HashSet<>(agents.readAllKeySet());
		gone.removeAll(seats);
		if (!gone.isEmpty()) {
			agents.fastRemove(gone.toArray(String[]::new));
		}
	}

	private RMap<String, String> agents(long tenantId) {
		return redisson.getMap(key(tenantId), StringCodec.INSTANCE);
	}

	private String key(long tenantId) {
		return prefix + "agents:" + tenantId;
	}

	static String encode(SeatAgent a) {
		return String.join(SEPARATOR, Long.toString(a.tenantId()), a.seat(), a.status().name(), a.state().name(), millis(a.since()),
				text(a.callId()), text(a.reason()), millis(a.idleSince()), millis(a.notBefore()), millis(a.wrapUpUntil()),
				Integer.toString(a.missedInARow()), Integer.toString(a.answeredToday()), a.day().toString());
	}

	static SeatAgent decode(String stored) {
		String[] f = stored.split(SEPARATOR, -1);
		return new SeatAgent(Long.parseLong(f[0]), f[1], AgentStatus.valueOf(f[2]), AgentState.valueOf(f[3]), instant(f[4]), nullable(f[5]),
				nullable(f[6]), instant(f[7]), instant(f[8]), instant(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]),
				LocalDate.parse(f[12]));
	}

	private static String millis(Instant instant) {
		return instant == null ? "" : Long.toString(instant.toEpochMilli());
	}

	private static Instant instant(String millis) {
		return millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static String nullable(String value) {
		return value.isEmpty() ? null : value;
	}

	/** For tests: every tenant's agents as stored. */
	Map<String, String> raw(long tenantId) {
		return agents(tenantId).readAllMap();
	}
}
