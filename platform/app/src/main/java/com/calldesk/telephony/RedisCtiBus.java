package com.calldesk.telephony;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;

import com.calldesk.sip.calls.CallSnapshot;

/**
 * CTI events on the Redis topic {@code <prefix>cti}, as JSON {@code {"type": "CallAnswered", "call": {…}}}.
 * Every node, the sender included, turns what it hears back into local events, so listeners see
 * each event once whichever node carried the call.
 */
final class RedisCtiBus implements CtiBus, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisCtiBus.class);

	private final RTopic topic;

	private final JsonMapper json;

	private final int listener;

	RedisCtiBus(RedissonClient redisson, String prefix, JsonMapper json, ApplicationEventPublisher local) {
		this.topic = redisson.getTopic(prefix + "cti", StringCodec.INSTANCE);
		this.json = json;
		this.listener = topic.addListener(String.class, (channel, message) -> {
			try {
				local.publishEvent(decode(message));
			}
			catch (RuntimeException ex) {
				log.warn("Dropped an unreadable CTI event", ex);
			}
		});
	}

	@Override
	public void publish(CallEvent event) {
		ObjectNode message = json.createObjectNode();
		message.put("type", event.getClass().getSimpleName());
		message.set("call", json.valueToTree(event.call()));
		topic.publish(json.writeValueAsString(message));
	}

	CallEvent decode(String message) {
		JsonNode node = json.readTree(message);
		CallSnapshot call = json.treeToValue(node.get("call"), CallSnapshot.class);
		return switch (node.get("type").asString()) {
			case "CallOffered" -> new CallEvent.CallOffered(call);
			case "CallRinging" -> new CallEvent.CallRinging(call);
			case "CallQueued" -> new CallEvent.CallQueued(call);
			case "CallAnswered" -> new CallEvent.CallAnswered(call);
			case "CallEnded" -> new CallEvent.CallEnded(call);
			case "VoicemailLeft" -> new CallEvent.VoicemailLeft(call);
			case "CallTransferring" -> new CallEvent.CallTransferring(call);
			case "CallTransferred" -> new CallEvent.CallTransferred(call);
			case "ConsultAnswered" -> new CallEvent.ConsultAnswered(call);
			default -> throw new IllegalArgumentException("Unknown CTI event " + node.get("type"));
		};
	}

	@Override
	public void close() {
		topic.removeListener(listener);
	}
}
