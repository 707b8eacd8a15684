package com.calldesk.billing;

/** What a tenant pays for, each at its own per-minute rate, and how its debits are named in the ledger. */
public enum ChargeKind {

	/** A seat's call out, from the customer's answer to the end ({@code outbound_rate_fen}). */
	OUTBOUND("CALL"),

	/** An inbound call forwarded to a mobile (F14), from the mobile's answer to its end ({@code forward_rate_fen}). */
	FORWARD("FORWARD");

	private final String ledgerKind;

	ChargeKind(String ledgerKind) {
		this.ledgerKind = ledgerKind;
	}

	/** The {@code balance_entry.kind} of this charge's debit. */
	public String ledgerKind() {
		return ledgerKind;
	}
}
