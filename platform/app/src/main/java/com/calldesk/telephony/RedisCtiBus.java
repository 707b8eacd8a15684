package com.calldesk.telephony;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;

import com.calldesk.calls.CtiBus;
import com.calldesk.calls.CtiEvent;
import com.calldesk.calls.CtiJson;

/**
 * CTI events on the Redis topic {@code <prefix>cti}, as the JSON {@link CtiJson} derives from the sealed types.
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
	public void publish(CtiEvent event) {
		topic.publish(json.writeValueAsString(event));
	}

	CtiEvent decode(String message) {
		return json.readValue(message, CtiEvent.class);
	}

	@Override
	public void close() {
		topic.removeListener(listener);
	}
}
