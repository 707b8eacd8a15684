package com.calldesk.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.calldesk.phone.PhoneNumbers;

/** Every event and command survives the trip to JSON and back, under its own name, without a hand-kept list. */
class CtiJsonTest {

	private final JsonMapper json = CtiJson.mapper();

	private static final CallView CALL = new CallView("c-1", 7, "2001000", CallDirection.INBOUND, PhoneNumbers.parse("13800138000").orElseThrow(),
			"013800138000", "01062345678", "+861062345678", null, "ss2001000ss0001", CallPhase.RINGING, false, null,
			Instant.parse("2026-12-05T01:00:00Z"), Instant.parse("2026-12-05T01:00:01Z"), null, null, null, null, "node-a", null,
			List.of(new LegView(LegKind.AGENT, "ss2001000ss0001", Instant.parse("2026-12-05T01:00:00Z"), null, null)));

	private static final AgentView AGENT = new AgentView(7, "ss2001000ss0001", AgentStatus.REST, AgentState.WAITING,
			Instant.parse("2026-12-05T01:00:00Z"), null, "lunch", null, 0, 3);

	@Test
	void everyEventRoundTripsUnderItsSimpleName() throws Exception {
		List<Class<?>> events = CtiJson.leaves(CtiEvent.class);
		assertThat(events).hasSizeGreaterThanOrEqualTo(12).contains(CallEvent.CallRinging.class, AgentStateChanged.class);
		for (Class<?> type : events) {
			Object event = sample(type);
			String text = json.writeValueAsString(event);
			assertThat(json.readTree(text).get("type").asString()).isEqualTo(type.getSimpleName());
			assertThat(json.readValue(text, CtiEvent.class)).isEqualTo(event);
		}
	}

	@Test
	void everyCommandRoundTrips() throws Exception {
		for (Class<?> type : CtiJson.leaves(CallCommand.class)) {
			Object command = sample(type);
			assertThat(json.readValue(json.writeValueAsString(command), CallCommand.class)).isEqualTo(command);
		}
	}

	@Test
	void theCallIsWrittenWithTypedFields() {
		JsonNode call = json.valueToTree(new CallEvent.CallRinging(3, Instant.parse("2026-12-05T01:00:01Z"), CALL)).get("call");
		assertThat(call.get("direction").asString()).isEqualTo("INBOUND");
		assertThat(call.get("customer").get("e164").asString()).isEqualTo("+8613800138000");
		assertThat(call.get("customer").get("regionZh").asString()).isNotBlank();
		assertThat(call.get("offeredAt").asString()).isEqualTo("2026-12-05T01:00:00Z");
	}

	@Test
	void anUnknownTypeIsRefused() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.readValue("{\"type\":\"CallExploded\",\"seq\":1}", CtiEvent.class))
			.isInstanceOf(tools.jackson.core.JacksonException.class);
	}

	/** An instance of a record with a value of its type in every component. */
	private static Object sample(Class<?> type) throws Exception {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			values[i] = value(types[i], components[i].getName());
		}
		return type.getDeclaredConstructor(types).newInstance(values);
	}

	private static Object value(Class<?> type, String name) {
		if (type == long.class) {
			return 42L;
		}
		if (type == int.class) {
			return 7;
		}
		if (type == Instant.class) {
			return Instant.parse("2026-12-05T01:02:03.456Z");
		}
		if (type == CallView.class) {
			return CALL;
		}
		if (type == AgentView.class) {
			return AGENT;
		}
		if (type == String.class) {
			return name + "-value";
		}
		throw new IllegalArgumentException("no sample for " + type);
	}
}
