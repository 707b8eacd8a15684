package com.calldesk.desk;

/** A contact whose number is the caller's, with the customer it belongs to. */
public record PopMatch(long contactId, String contactName, Long customerId, String customerName) {
}
