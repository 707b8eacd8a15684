package com.calldesk.acd;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import com.calldesk.calls.AgentState;
import com.calldesk.calls.AgentStatus;

/**
 * The board shared by every node: one Redis hash per tenant ({@code <prefix>agents:<tenant id>}, seat
 * → agent). A change reads the agent, applies the transition here, and writes it back only if nobody
 * changed it meanwhile (a compare-and-set in Lua); otherwise it reads again. So two nodes offering
 * calls at the same moment can never both claim one agent.
 *
 * <p>The same script keeps two sorted sets beside the hash ({@link AgentBoardScripts}): the agents
 * offerable now by idle time ({@code …:free}) and those held back after a missed offer by the end of
 * their hold ({@code …:held}). A longest-idle decision reads the first few free agents from them (one
 * round trip, O(log n)) and claims one with the compare-and-set, without another read, instead of
 * reading and sorting the whole tenant.
 */
public final class RedisAgentBoard implements AgentBoard {

	private static final String SEPARATOR = "\u001f";

	private static final int ATTEMPTS = 20;

	private final RedissonClient redisson;

	private final String prefix;

	private final Clock clock;

	/** Tenants whose indexes this board has rebuilt once (they may predate the indexes, or have been edited by hand). */
	private final Set<Long> indexed = ConcurrentHashMap.newKeySet();

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
	public List<SeatAgent> longestIdle(long tenantId, Instant now, Set<String> skip, int limit) {
		if (indexed.add(tenantId)) {
			eval(tenantId, AgentBoardScripts.REINDEX, RScript.ReturnType.LONG, Long.toString(now.toEpochMilli()));
		}
		List<String> args = new ArrayList<>(skip.size() + 2);
		args.add(Long.toString(now.toEpochMilli()));
		args.add(Integer.toString(limit));
		args.addAll(skip);
		List<String> found = eval(tenantId, AgentBoardScripts.LONGEST_IDLE, RScript.ReturnType.LIST, args.toArray());
		return found.stream().map(RedisAgentBoard::decode).toList();
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
			if (write(tenantId, seat, stored, after)) {
				return Optional.of(new Change(before, after));
			}
		}
		throw new IllegalStateException("Agent " + seat + " of tenant " + tenantId + " changed " + ATTEMPTS + " times under one transition");
	}

	/** Writes straight away when the agent is still as seen (encoding is exact, so seen encodes to what is stored). */
	@Override
	public Optional<Change> change(long tenantId, SeatAgent seen, UnaryOperator<SeatAgent> transition) {
		SeatAgent after = transition.apply(seen);
		if (after != seen && write(tenantId, seen.seat(), encode(seen), after)) {
			return Optional.of(new Change(seen, after));
		}
		return change(tenantId, seen.seat(), transition);
	}

	private boolean write(long tenantId, String seat, String expected, SeatAgent after) {
		Long written = eval(tenantId, AgentBoardScripts.COMPARE_AND_SET, RScript.ReturnType.LONG, seat, expected == null ? "" : expected,
				encode(after), Long.toString(clock.millis()));
		return written != null && written == 1;
	}

	@Override
	public void retain(long tenantId, Collection<String> seats) {
		Set<String> gone = new java.util.HashSet<>(agents(tenantId).readAllKeySet());
		gone.removeAll(seats);
		if (!gone.isEmpty()) {
			eval(tenantId, AgentBoardScripts.FORGET, RScript.ReturnType.LONG, gone.toArray());
		}
	}

	private <R> R eval(long tenantId, String script, RScript.ReturnType returns, Object... args) {
		String key = key(tenantId);
		return redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script, returns,
				List.of(key, key + ":free", key + ":held"), args);
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

	/** For tests: the free ({@code held == false}) or held index, seat → score. */
	Map<String, Double> index(long tenantId, boolean held) {
		Map<String, Double> scores = new java.util.HashMap<>();
		redisson.<String>getScoredSortedSet(key(tenantId) + (held ? ":held" : ":free"), StringCodec.INSTANCE).entryRange(0, -1)
			.forEach(entry -> scores.put(entry.getValue(), entry.getScore()));
		return scores;
	}
}
