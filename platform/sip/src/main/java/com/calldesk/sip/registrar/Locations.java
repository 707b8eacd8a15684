package com.calldesk.sip.registrar;

import java.util.List;

/**
 * Where each seat's phones are. In-process on one node; in Redis when several nodes share the
 * work, so the node routing a call finds phones registered through any node.
 */
public interface Locations {

	/** The live bindings of a seat, soonest-expiring last. */
	List<Binding> of(String aor);

	void put(Binding binding);

	void remove(String aor, String contact);

	void removeAll(String aor);
}
