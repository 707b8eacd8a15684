package com.calldesk.connector;

import java.util.Map;

/** A tenant's credentials for one platform, by {@link CredentialField#name()}. Never logged: toString hides the values. */
public record Credentials(Map<String, String> values) {

	public Credentials {
		values = Map.copyOf(values);
	}

	/** The value, or {@code INVALID_CREDENTIALS} naming the missing field. */
	public String require(String name) {
		String value = values.get(name);
		if (value == null || value.isBlank()) {
			throw new PlatformException(PlatformException.Reason.INVALID_CREDENTIALS, "missing", name + " is required");
		}
		return value.strip();
	}

	public String optional(String name) {
		String value = values.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	@Override
	public String toString() {
		return "Credentials" + values.keySet();
	}
}
