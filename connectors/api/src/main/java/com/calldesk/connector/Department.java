package com.calldesk.connector;

/** A department; {@code parentId} is null at the root. */
public record Department(String id, String name, String parentId) {
}
