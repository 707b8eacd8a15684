package com.calldesk.billing;

/** What one call costs: started minutes at the rate, in fen (分). */
public record Charge(ChargeKind kind, int minutes, int rateFen, long costFen) {
}
