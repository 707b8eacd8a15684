package com.calldesk.connector.standalone;

import java.util.List;
import java.util.Optional;

import com.calldesk.connector.Directory;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.Messenger;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformConnector;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.SendResult;
import com.calldesk.connector.SignIn;
import com.calldesk.connector.TenantRef;

/** The standalone port; see the package documentation. */
public class StandaloneConnector implements PlatformConnector {

	static final int PAGE_SIZE = 100;

	private final LocalUsers users;

	public StandaloneConnector(LocalUsers users) {
		this.users = users;
	}

	@Override
	public Platform platform() {
		return Platform.STANDALONE;
	}

	@Override
	public SignIn signIn() {
		return new SignIn() {
			@Override
			public Optional<String> webLoginUrl(TenantRef tenant, String redirectUri, String state) {
				return Optional.empty();
			}

			@Override
			public PlatformUser userForCode(TenantRef tenant, String code) {
				throw new UnsupportedOperationException("Standalone users sign in with the login form, not with a platform code");
			}
		};
	}

	/** Pages through the tenant's users; the cursor is the offset of the next page. */
	@Override
	public Directory directory() {
		return (tenant, cursor) -> {
			List<PlatformUser> all = users.of(tenant);
			int from = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor);
			int to = Math.min(all.size(), from + PAGE_SIZE);
			return new DirectoryPage(all.subList(Math.min(from, to), to), to < all.size() ? Integer.toString(to) : null);
		};
	}

	/** Standalone users see notices in the web page they have open; nothing is pushed elsewhere. */
	@Override
	public Messenger messenger() {
		return (tenant, userId, notice) -> SendResult.failed("standalone: shown in the web page, not pushed");
	}
}
