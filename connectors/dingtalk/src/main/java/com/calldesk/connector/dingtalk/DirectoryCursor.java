package com.calldesk.connector.dingtalk;

/**
 * Where a directory listing stands: the position of the department in the walk, and DingTalk's own
 * {@code next_cursor} inside it. Written as {@code "3:200"}.
 */
record DirectoryCursor(int department, long platformCursor) {

	static DirectoryCursor parse(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return new DirectoryCursor(0, 0);
		}
		int colon = cursor.indexOf(':');
		DirectoryCursor parsed;
		try {
			parsed = new DirectoryCursor(Integer.parseInt(cursor.substring(0, colon)),
					Long.parseLong(cursor.substring(colon + 1)));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("Not a DingTalk directory cursor: " + cursor, e);
		}
		if (parsed.department() < 0 || parsed.platformCursor() < 0) {
			throw new IllegalArgumentException("Not a DingTalk directory cursor: " + cursor);
		}
		return parsed;
	}

	@Override
	public String toString() {
		return department + ":" + platformCursor;
	}
}
