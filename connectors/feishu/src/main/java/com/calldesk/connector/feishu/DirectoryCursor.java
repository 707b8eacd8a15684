package com.calldesk.connector.feishu;

/**
 * Where the directory walk stopped: the position of the department in the walk (0 is the root) and
 * Feishu's page token inside it (null at its start). Written as {@code <position>:<page token>}.
 */
record DirectoryCursor(int department, String pageToken) {

	static DirectoryCursor parse(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return new DirectoryCursor(0, null);
		}
		int colon = cursor.indexOf(':');
		try {
			int department = Integer.parseInt(colon < 0 ? cursor : cursor.substring(0, colon));
			String pageToken = colon < 0 || colon == cursor.length() - 1 ? null : cursor.substring(colon + 1);
			if (department < 0) {
				throw new IllegalArgumentException("not a Feishu directory cursor: " + cursor);
			}
			return new DirectoryCursor(department, pageToken);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a Feishu directory cursor: " + cursor, e);
		}
	}

	@Override
	public String toString() {
		return department + ":" + (pageToken == null ? "" : pageToken);
	}
}
