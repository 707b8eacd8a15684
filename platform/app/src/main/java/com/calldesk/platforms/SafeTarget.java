package com.calldesk.platforms;

/** Where a sign-in may send the browser afterwards: a path of this application, never another site. */
final class SafeTarget {

	static final String DEFAULT = "/desk/";

	private SafeTarget() {
	}

	static String of(String next) {
		if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
				|| next.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
			return DEFAULT;
		}
		return next;
	}
}
