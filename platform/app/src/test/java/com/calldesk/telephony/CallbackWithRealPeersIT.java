package com.calldesk.telephony;

import com.calldesk.support.Written;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.calldesk.acd.AcdJournal;
import com.calldesk.acd.AcdSettings;
import com.calldesk.acd.AcdSettingsService;
import com.calldesk.acd.CallStep;
import com.calldesk.acd.Strategy;
import com.calldesk.provisioning.resources.AccountCharges;
import com.calldesk.provisioning.resources.GatewaysAndDevices;
import com.calldesk.provisioning.resources.NumberAllocation;
import com.calldesk.provisioning.resources.SeatAllocation;
import com.calldesk.provisioning.tenants.ApplicationForm;
import com.calldesk.provisioning.tenants.OpeningCallCenter;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.state.ChannelCounter;
import com.calldesk.support.Peers;
import com.calldesk.tenancy.TenantContext;

/**
 * Display-number callback (F13) with real peers: sipp as the seats' phones, as the tenant's gateway
 * for their calls out, and as the carrier bringing the customer's call back to the display number.
 * The routing caches live ten minutes here, so a change of the callback flag that is seen at once
 * was seen through the provisioning change event, not through expiry.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:callback-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.bind-host=127.0.0.1", "calldesk.sip.server.keep-alive=0s", "calldesk.demo.enabled=false",
		"calldesk.media.bind-address=127.0.0.1", "calldesk.media.port-min=37000", "calldesk.media.port-max=37999",
		"calldesk.routing.cache-ttl=10m" })
class CallbackWithRealPeersIT {

	static final int SIP_PORT = Peers.freePort();

	@DynamicPropertySource
	static void sipPort(DynamicPropertyRegistry registry) {
		registry.add("calldesk.sip.server.listen-port", () -> SIP_PORT);
	}

	@Autowired
	com.calldesk.journal.OrderedWrites writes;

	@Autowired
	com.calldesk.sip.calls.ActiveCalls active;

	@Autowired
	OpeningCallCenter opening;

	@Autowired
	NumberAllocation numbers;

	@Autowired
	SeatAllocation seats;

	@Autowired
	GatewaysAndDevices gateways;

	@Autowired
	AccountCharges charges;

	@Autowired
	AcdSettingsService settings;

	@Autowired
	AcdJournal journal;

	@Autowired
	TenantDirectory tenants;

	@Autowired
	CallRecords records;

	@Autowired
	ChannelCounter channels;

	@Test
	void callbackToADisplayNumberReachesTheAgentWhoCalled() throws Exception {
		Desk desk = tenant("回拨熟客", "021-58886666", 2, true);
		// seat 2 registers first and never calls anyone: by longest idle the callback would be its
		String seat1 = desk.seats().get(0);
		Process phone2 = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(desk.ports().get(1)));

		callOut(desk, 0, "13800001111");
		CallRecord out = latest(desk);
		assertThat(out.getDirection()).isEqualTo("OUTBOUND");
		assertThat(out.getCustomerNumber()).isEqualTo("+8613800001111");
		assertThat(out.getDisplayNumber()).isEqualTo("+862158886666");

		Process phone1 = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(desk.ports().get(0)));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-callback.xml", Map.of("caller", "008613800001111"), "-s", "02158886666")))
			.as("the customer got an agent").isZero();
		assertThat(Peers.finish(phone1)).as("seat 1's phone rang and answered").isZero();

		CallRecord back = latest(desk);
		assertThat(back.getDirection()).isEqualTo("INBOUND");
		assertThat(back.getDialledNumber()).isEqualTo("02158886666");
		assertThat(back.getDisplayNumber()).as("the mark of a callback").isEqualTo("+862158886666");
		assertThat(back.getTrunkNumber()).isNull();
		assertThat(back.getSeat()).isEqualTo(seat1);
		assertThat(back.getAnsweredAt()).isNotNull();
		List<CallStep> steps = journal.stepsOf(desk.tenantId(), back.getId());
		assertThat(steps.get(0).kind() + ":" + steps.get(0).seat() + ":" + steps.get(0).detail()).isEqualTo("OFFERED:" + seat1 + ":sticky");
		assertThat(channels.inUse("display:" + displayNumberId(desk, "+862158886666"))).as("channel back after the call").isZero();
		phone2.destroy();
	}

	@Test
	void withoutCallbackTheCallerHearsWhyAndNoAgentRingsUntilStaffEnableIt() throws Exception {
		Desk desk = tenant("未开回拨", "021-58887777", 1, false);

		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-hung-up-on.xml", Map.of(), "-s", "02158887777")))
			.as("answered by CallDesk, then its BYE").isZero();
		CallRecord refused = latest(desk);
		assertThat(refused.getEndReason()).isEqualTo("callback-disabled");
		assertThat(refused.getDisplayNumber()).isEqualTo("+862158887777");
		assertThat(refused.getSeat()).as("no seat was offered the call").isNull();
		assertThat(journal.stepsOf(desk.tenantId(), refused.getId())).isEmpty();
		assertThat(Duration.between(refused.getOfferedAt(), refused.getEndedAt())).as("the prompt was played to its end")
			.isGreaterThan(Duration.ofSeconds(5));

		charges.setCallback(desk.tenantId(), true, "staff");
		Process phone = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(desk.ports().get(0)));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-callback.xml", Map.of("caller", "13900004444"), "-s", "02158887777")))
			.as("taken at once after callback was enabled").isZero();
		assertThat(Peers.finish(phone)).isZero();
		assertThat(latest(desk).getSeat()).isEqualTo(desk.seats().get(0));
	}

	@Test
	void aDisplayNumberOfAnotherTenantNeverReachesThisOne() throws Exception {
		Desk a = tenant("租户甲", "021-58885555", 1, true);
		Desk b = tenant("租户乙", "021-58884444", 1, true);
		// A's seat called the customer last: within A it would be sticky, but the customer calls B's number
		callOut(a, 0, "13800002222");
		CallRecord lastOfA = latest(a);

		Process phoneOfB = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(b.ports().get(0)));
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "uac-callback.xml", Map.of("caller", "13800002222"), "-s", "02158884444")))
			.isZero();
		assertThat(Peers.finish(phoneOfB)).isZero();
		assertThat(latest(b).getSeat()).isEqualTo(b.seats().get(0));
		assertThat(latest(b).getDisplayNumber()).isEqualTo("+862158884444");
		assertThat(latest(a).getId()).as("nothing reached A").isEqualTo(lastOfA.getId());
	}

	/** Seat {@code index} of the desk calls {@code number} out through the tenant's gateway (sipp answers), and hangs up. */
	private void callOut(Desk desk, int index, String number) throws Exception {
		Process gateway = Peers.sippAsync(SIP_PORT, "uas", Map.of(), "-p", Integer.toString(desk.gatewayPort()));
		SeatAllocation.IssuedPassword seat = desk.issued().get(index);
		assertThat(Peers.finish(Peers.sippAsync(SIP_PORT, "seat-dials.xml", Map.of(), "-s", number, "-key", "seat", seat.sipUsername(), "-au",
				seat.sipUsername(), "-ap", seat.password()))).as("seat's call out").isZero();
		assertThat(Peers.finish(gateway)).as("gateway").isZero();
	}

	/**
	 * A new tenant with its own gateway on loopback (its address makes sipp's INVITEs trunk calls, its
	 * port takes the seats' calls out), one display number, {@code count} seats registered by sipp in
	 * seat order, sticky agent on, no wrap-up, and callback bought or not.
	 */
	private Desk tenant(String name, String displayNumber, int count, boolean callback) throws Exception {
		var opened = opening.approve(opening.apply(new ApplicationForm(name, "测试", "13800138000", null, 1, null)).getId(), "test");
		long tenantId = opened.tenant().getId();
		int gatewayPort = Peers.freePort();
		gateways.addGateway(tenantId, new GatewaysAndDevices.GatewayForm("本机网关", "127.0.0.1", gatewayPort, "UDP", "IP", null, null, 30),
				"test");
		numbers.allocateDisplayNumber(tenantId, new NumberAllocation.DisplayNumberForm(displayNumber, null, 3), "test");
		charges.topUp(tenantId, 10_000, "test", "test");
		charges.setCallback(tenantId, callback, "test");
		settings.save(tenantId, new AcdSettings(Strategy.LONGEST_IDLE, true, 10, 0, 3, 5, 60, 50), "test");
		List<SeatAllocation.IssuedPassword> issued = seats.allocate(tenantId, count, "test");
		List<Integer> ports = new ArrayList<>();
		for (int i = issued.size() - 1; i >= 0; i--) {
			ports.add(0, Peers.freePort());
		}
		// the last seat registers first, so it has been idle longest
		for (int i = issued.size() - 1; i >= 0; i--) {
			SeatAllocation.IssuedPassword seat = issued.get(i);
			assertThat(Peers.sipp(SIP_PORT, "register.xml", "-p", Integer.toString(ports.get(i)), "-s", seat.sipUsername(), "-au",
					seat.sipUsername(), "-ap", seat.password())).isZero();
		}
		return new Desk(tenantId, opened.tenant().getCode(), issued, issued.stream().map(SeatAllocation.IssuedPassword::sipUsername).toList(),
				ports, gatewayPort);
	}

	private long displayNumberId(Desk desk, String e164) {
		return numbers.displayNumbersOf(desk.tenantId()).stream().filter(d -> d.getNumber().equals(e164)).findFirst().orElseThrow().getId();
	}

	private CallRecord latest(Desk desk) {
		Written.settled(active, writes);
		return TenantContext.call(tenants.activeByCode(desk.code()).orElseThrow(), () -> records.latest());
	}

	record Desk(long tenantId, String code, List<SeatAllocation.IssuedPassword> issued, List<String> seats, List<Integer> ports,
			int gatewayPort) {
	}
}
