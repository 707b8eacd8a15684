package com.calldesk.telephony;

/**
 * Where CTI events go. In-process on one node; in production through a Redis topic that every node
 * subscribes to, so the node holding an agent's browser session hears about calls carried elsewhere.
 */
public interface CtiBus {

	void publish(CallEvent event);
}
