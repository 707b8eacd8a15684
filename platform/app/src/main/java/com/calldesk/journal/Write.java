package com.calldesk.journal;

/**
 * One database write handed off the SIP threads to {@link OrderedWrites}: applied in its tenant's
 * schema inside a transaction shared with the other writes of the same batch, in order with every
 * other write of the same {@link #key()}; {@link #after()} runs once the write is committed (or has
 * failed and is waiting for a retry: what follows a write, such as a CTI event, never waits for the
 * database).
 */
public interface Write {

	/** Writes of one key (a call's id, a seat) are applied and followed up in the order they were submitted. */
	String key();

	long tenantId();

	/** The statements, inside the batch's transaction in the tenant's schema; may be called again after a failure. */
	void apply();

	/** After the batch: events to publish, a journal entry to retire. */
	default void after() {
	}

	/** After the write is committed for good (not after a failure that will be retried). */
	default void committed() {
	}

	/** False for a write that only orders its {@link #after()} among its key's writes (an event with nothing to store). */
	default boolean stores() {
		return true;
	}

	/**
	 * This write and a later one of the same key and class as one (their {@link #apply()} and {@link #committed()}),
	 * or null when they cannot be merged: a call's record written at three steps of one batch needs only
	 * its last state. The merged write's {@link #after()} is never called; each write's own is.
	 */
	default Write absorb(Write later) {
		return null;
	}

	/** A write of nothing whose {@code after} runs in order with its key's writes. */
	static Write ordered(String key, long tenantId, Runnable after) {
		return new Plain(key, tenantId, null, after);
	}

	/** A plain write with nothing to follow it (a journal line). */
	static Write of(String key, long tenantId, Runnable apply) {
		return new Plain(key, tenantId, apply, null);
	}

	/** The two above: {@code apply} null stores nothing, {@code after} null follows with nothing. */
	record Plain(String key, long tenantId, Runnable statements, Runnable then) implements Write {

		@Override
		public boolean stores() {
			return statements != null;
		}

		@Override
		public void apply() {
			if (statements != null) {
				statements.run();
			}
		}

		@Override
		public void after() {
			if (then != null) {
				then.run();
			}
		}
	}
}
