package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.CallDeskApplication;
import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.Strategy;
import com.calldesk.calls.CallCommands;
import com.calldesk.calls.CallEvent;
import com.calldesk.calls.CallPhase;
import com.calldesk.calls.CallView;
import com.calldesk.problem.DomainException;
import com.calldesk.support.Leftovers;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants.Queue;

/**
 * Two application nodes on one MariaDB and one Redis, as behind a load balancer: a call carried by
 * node A (the test's own context) is held, taken back and hung up by commands given to node B, which
 * forwards them to A and hands back A's answer; once the call has ended, B answers 409, and a command
 * naming another tenant is answered 404 as if the call did not exist. Everything is named calldesk2n*.
 */
@SpringBootTest(properties = { "calldesk.tenancy.platform-schema=calldesk2n", "calldesk.redis.prefix=calldesk2n:",
		"calldesk.provisioning.initial-staff-password=2n-staff-pass", "calldesk.sip.server.bind-host=127.0.0.1",
		"calldesk.sip.server.keep-alive=0s", "calldesk.sip.server.node-id=node-a", "calldesk.media.bind-address=127.0.0.1",
		"calldesk.media.port-min=39500", "calldesk.media.port-max=39699" })
@ActiveProfiles("prod")
class CommandsAcrossNodesIT extends CallControlFixture {

	static final int SIP_PORT = Peers.freePort();

	static ConfigurableApplicationContext nodeB;

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@BeforeAll
	static void dropWhatAPreviousRunLeft() throws Exception {
		Leftovers.drop("calldesk2n");
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

	/** Node B: the same databases and Redis, a SIP port and relay ports of its own, started once node A is up. */
	static CallCommands nodeB() {
		if (nodeB == null) {
			// as command-line arguments: they outrank the prod profile's file, default properties would not
			nodeB = new SpringApplicationBuilder(CallDeskApplication.class).profiles("prod")
				.run("--server.port=0", "--calldesk.tenancy.platform-schema=calldesk2n", "--calldesk.redis.prefix=calldesk2n:",
						"--calldesk.provisioning.initial-staff-password=2n-staff-pass", "--calldesk.sip.server.bind-host=127.0.0.1",
						"--calldesk.sip.server.listen-port=" + Peers.freePort(), "--calldesk.sip.server.keep-alive=0s",
						"--calldesk.sip.server.node-id=node-b", "--calldesk.media.bind-address=127.0.0.1", "--calldesk.media.port-min=39700",
						"--calldesk.media.port-max=39899");
		}
		return nodeB.getBean(CallCommands.class);
	}

	@Test
	void aCommandGivenToNodeBActsOnTheCallNodeACarries() throws Exception {
		Queue queue = tenants.open(SIP_PORT, "两节点", "021-55560601", 1, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 0, 60, 50));
		Queue other = tenants.open(SIP_PORT, "两节点其他", "021-55560602", 0, new AcdSettings(Strategy.LONGEST_IDLE, false, 10, 0, 3, 0, 60, 50));
		CallCommands b = nodeB();
		Process phone = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(queue.ports().get(0)), "-m", "1");
		Process customer = Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", "02155560601", "-mp", Integer.toString(Peers.freePort()));
		String callId = awaitAnswered(queue);

		CallView held = b.hold(queue.tenantId(), callId);
		assertThat(held.held()).as("B's answer is A's view of the call").isTrue();
		assertThat(held.node()).isEqualTo("node-a");
		assertThat(cti).as("node A put the customer on hold").anyMatch(e -> e instanceof CallEvent.CallHeld h && h.call().callId().equals(callId));
		assertThatThrownBy(() -> b.hold(other.tenantId(), callId)).as("another tenant's command finds no call")
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
		assertThat(b.resume(queue.tenantId(), callId).held()).isFalse();
		assertThatThrownBy(() -> b.resume(queue.tenantId(), callId)).as("A's refusal travels back as it was given")
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("call.transfer.not-held"));

		CallView ended = b.hangUp(queue.tenantId(), callId);
		assertThat(ended.phase()).isEqualTo(CallPhase.ENDED);
		assertThat(Peers.finish(customer)).as("the customer was hung up").isZero();
		assertThat(Peers.finish(phone)).isZero();
		Peers.await(Duration.ofSeconds(10), "the record to close", () -> record(queue, callId).getEndedAt() != null);
		assertThatThrownBy(() -> b.hold(queue.tenantId(), callId)).as("a command for an ended call")
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(409);
				assertThat(ex.code()).isEqualTo("call.ended");
			});
		assertThatThrownBy(() -> b.hold(queue.tenantId(), "no-such-call"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status().value()).isEqualTo(404));
	}
}
