package com.calldesk.sip.registrar;

/** A seat's SIP account as the registrar needs it: whose it is and the digest HA1 of its password. */
public record SeatAccount(long tenantId, String tenantCode, long seatId, String username, String realm, String ha1) {
}
