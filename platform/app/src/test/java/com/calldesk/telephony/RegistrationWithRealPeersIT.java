package com.calldesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.support.Peers;

/** The embedded default's registrar, with sipp and baresip registering the demo seats over UDP and TCP. */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:telephony-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s" })
class RegistrationWithRealPeersIT {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	Locations locations;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	SeatAllocation seats;

	@Test
	void sippRegistersADemoSeatWithDigestOverUdpAndTcp() throws Exception {
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-s", "ss2001000ss0001", "-au", "ss2001000ss0001", "-ap", "Seat0001Demo"))
			.isZero();
		Binding udp = locations.of("ss2001000ss0001").stream().filter(b -> "sipp".equals(b.userAgent())).findFirst().orElseThrow();
		assertThat(udp.tenantId()).isEqualTo(tenants.activeByCode("2001000").orElseThrow().tenantId());
		assertThat(udp.transport()).isEqualTo("UDP");

		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-t", "t1", "-s", "ss2001000ss0001", "-au", "ss2001000ss0001", "-ap",
				"Seat0001Demo")).isZero();
		assertThat(locations.of("ss2001000ss0001")).anySatisfy(b -> assertThat(b.transport()).isEqualTo("TCP"));
	}

	@Test
	void sippWithAWrongPasswordOrAnUnknownAccountIsRefusedAlike() throws Exception {
		assertThat(Peers.sipp(SIP_PORT, "register-refused.xml", "-s", "ss2001000ss0002", "-au", "ss2001000ss0002", "-ap", "wrong"))
			.isZero();
		assertThat(Peers.sipp(SIP_PORT, "register-refused.xml", "-s", "ss2001999ss0001", "-au", "ss2001999ss0001", "-ap", "Seat0001Demo"))
			.isZero();
		assertThat(locations.of("ss2001000ss0002")).noneMatch(b -> "sipp".equals(b.userAgent()));
	}

	/** Seat lookups are cached; a change in provisioning must still count from the next REGISTER on. */
	@Test
	void aNewSeatAndAResetPasswordCountAtOnceDespiteTheCache() throws Exception {
		long tenantId = tenants.activeByCode("2001000").orElseThrow().tenantId();
		String next = "ss2001000ss%04d".formatted(seats.of(tenantId).size() + 1);
		assertThat(Peers.sipp(SIP_PORT, "register-refused.xml", "-s", next, "-au", next, "-ap", "not-yet")).as("unknown seat").isZero();

		SeatAllocation.IssuedPassword issued = seats.allocate(tenantId, 1, "test").get(0);
		assertThat(issued.sipUsername()).isEqualTo(next);
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-s", next, "-au", next, "-ap", issued.password())).as("new seat").isZero();

		SeatAllocation.IssuedPassword reset = seats.resetPassword(issued.seatId(), "test");
		assertThat(Peers.sipp(SIP_PORT, "register-refused.xml", "-s", next, "-au", next, "-ap", issued.password())).as("old password")
			.isZero();
		assertThat(Peers.sipp(SIP_PORT, "register.xml", "-s", next, "-au", next, "-ap", reset.password())).as("new password").isZero();
	}

	@Test
	void baresipRegistersAsARealSoftphone() throws Exception {
		Process baresip = Peers.baresip("<sip:ss2001000ss0002@127.0.0.1:" + SIP_PORT + ">;auth_pass=Seat0002Demo;regint=300");
		try {
			Peers.await(Duration.ofSeconds(15), "baresip to register", () -> locations.of("ss2001000ss0002").stream()
				.anyMatch(b -> b.userAgent().startsWith("baresip")));
		}
		finally {
			baresip.destroy();
			baresip.waitFor();
		}
	}
}
