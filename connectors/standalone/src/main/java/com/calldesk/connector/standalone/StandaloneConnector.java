package com.calldesk.connector.standalone;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.Callbacks;
import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.Department;
import com.calldesk.connector.Directory;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.Messenger;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformConnector;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.SendResult;
import com.calldesk.connector.SignIn;
import com.calldesk.connector.TenantPort;
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
	public List<CredentialField> credentialFields() {
		return List.of();
	}

	@Override
	public TenantPort open(TenantRef tenant, Credentials credentials) {
		return new TenantPort() {
			@Override
			public void check() {
				// nothing outside the application to reach
			}

			@Override
			public SignIn signIn() {
				return FORM_ONLY;
			}

			@Override
			public Directory directory() {
				return new LocalDirectory(tenant);
			}

			/** Standalone users see notices in the web page they have open; nothing is pushed elsewhere. */
			@Override
			public Messenger messenger() {
				return (userId, notice) -> SendResult.failed(false, "standalone: shown in the web page, not pushed");
			}

			@Override
			public Callbacks callbacks() {
				return NO_CALLBACKS;
			}
		};
	}

	private static final SignIn FORM_ONLY = new SignIn() {
		@Override
		public Optional<URI> inClientRedirect(String redirectUri, String state) {
			return Optional.empty();
		}

		@Override
		public Optional<URI> webLogin(String redirectUri, String state) {
			return Optional.empty();
		}

		@Override
		public PlatformUser userForClientCode(String code) {
			throw new UnsupportedOperationException("Standalone users sign in with the login form, not with a platform code");
		}

		@Override
		public PlatformUser userForWebCode(String code, String redirectUri) {
			throw new UnsupportedOperationException("Standalone users sign in with the login form, not with a platform code");
		}
	};

	private static final Callbacks NO_CALLBACKS = (CallbackRequest request) -> {
		throw new PlatformException(PlatformException.Reason.REJECTED, null, "the standalone port takes no callbacks");
	};

	/** Pages through the tenant's users; the cursor is the offset of the next page. */
	private final class LocalDirectory implements Directory {

		private final TenantRef tenant;

		LocalDirectory(TenantRef tenant) {
			this.tenant = tenant;
		}

		@Override
		public List<Department> departments() {
			return List.of();
		}

		@Override
		public DirectoryPage users(String cursor) {
			List<PlatformUser> all = users.of(tenant);
			int from = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor);
			int to = Math.min(all.size(), from + PAGE_SIZE);
			return new DirectoryPage(all.subList(Math.min(from, to), to), to < all.size() ? Integer.toString(to) : null);
		}
	}
}
