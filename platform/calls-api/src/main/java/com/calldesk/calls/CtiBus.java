package com.calldesk.calls;

/**
 * Where CTI events go. In-process on one node; in production through a Redis topic that every node
 * subscribes to, so the node holding an agent's browser session hears about calls carried elsewhere.
 * Listeners hear each event as a Spring application event on every node.
 */
public interface CtiBus {

	void publish(CtiEvent event);
}
