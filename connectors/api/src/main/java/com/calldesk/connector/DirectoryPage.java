package com.calldesk.connector;

import java.util.List;

/** One page of a tenant's directory; {@code nextCursor} is null on the last page. */
public record DirectoryPage(List<PlatformUser> users, String nextCursor) {

	public DirectoryPage {
		users = List.copyOf(users);
	}
}
