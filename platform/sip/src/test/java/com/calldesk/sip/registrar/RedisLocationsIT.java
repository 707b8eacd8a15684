package com.calldesk.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import com.calldesk.sip.TestClock;

/** Registrations shared through the Redis of this machine, as two nodes would see them. */
class RedisLocationsIT {

	static RedissonClient redisson;

	final TestClock clock = new TestClock();

	@BeforeAll
	static void connect() {
		Config config = new Config();
		config.useSingleServer().setAddress("redis://127.0.0.1:6379");
		redisson = Redisson.create(config);
		redisson.getKeys().deleteByPattern("calldesk-it:loc:*");
	}

	@AfterAll
	static void disconnect() {
		redisson.getKeys().deleteByPattern("calldesk-it:loc:*");
		redisson.shutdown();
	}

	@Test
	void aPhoneRegisteredThroughOneNodeIsFoundByAnotherUntilItExpires() {
		RedisLocations nodeA = new RedisLocations(redisson, "calldesk-it:", java.time.Clock.systemUTC());
		RedisLocations nodeB = new RedisLocations(redisson, "calldesk-it:", java.time.Clock.systemUTC());
		nodeA.put(binding("ss2001000ss0001", "sip:a@10.0.0.1:5060", Instant.now().plusSeconds(60)));
		nodeA.put(binding("ss2001000ss0001", "sip:a@10.0.0.2:5060", Instant.now().plusSeconds(120)));
		assertThat(nodeB.of("ss2001000ss0001")).extracting(Binding::contact)
			.containsExactly("sip:a@10.0.0.2:5060", "sip:a@10.0.0.1:5060");
		assertThat(nodeB.of("ss2001000ss0001").get(0).node()).isEqualTo("node-a");
		assertThat(nodeB.of("ss2001000ss0001").get(0).userAgent()).isEqualTo("UA   odd");

		nodeB.remove("ss2001000ss0001", "sip:a@10.0.0.2:5060");
		assertThat(nodeA.of("ss2001000ss0001")).extracting(Binding::contact).containsExactly("sip:a@10.0.0.1:5060");
		nodeA.removeAll("ss2001000ss0001");
		assertThat(nodeB.of("ss2001000ss0001")).isEmpty();
	}

	@Test
	void anExpiredBindingIsNotReturnedEvenBeforeRedisEvictsIt() {
		RedisLocations locations = new RedisLocations(redisson, "calldesk-it:", clock);
		locations.put(binding("ss2001000ss0002", "sip:b@10.0.0.3:5060", clock.instant().plusSeconds(30)));
		assertThat(locations.of("ss2001000ss0002")).hasSize(1);
		clock.advance(java.time.Duration.ofSeconds(31));
		assertThat(locations.of("ss2001000ss0002")).isEmpty();
	}

	private static Binding binding(String aor, String contact, Instant expiresAt) {
		return new Binding(aor, 1, 11, contact, contact, "10.0.0.9:5060", "UDP", expiresAt, "call-1", 1, "UA \u001f odd", "node-a");
	}
}
