package com.calldesk.sip.trunks;

/** A gateway CallDesk registers to, with the credentials the carrier gave. */
public record TrunkAccount(long gatewayId, String host, int port, String transport, String username, String password) {
}
