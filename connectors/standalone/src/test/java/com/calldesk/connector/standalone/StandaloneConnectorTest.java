package com.calldesk.connector.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.calldesk.connector.CallbackRequest;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.TenantPort;
import com.calldesk.connector.TenantRef;

class StandaloneConnectorTest {

	private final TenantRef tenant = new TenantRef(7, "2001007");

	private final List<PlatformUser> people = IntStream.rangeClosed(1, 150)
		.mapToObj(i -> new PlatformUser(Integer.toString(i), "user" + i, null))
		.toList();

	private final StandaloneConnector connector = new StandaloneConnector(t -> t.equals(tenant) ? people : List.of());

	private final TenantPort port = connector.open(tenant, new Credentials(Map.of()));

	@Test
	void directoryPagesThroughTheTenantsOwnUsers() {
		DirectoryPage first = port.directory().users(null);
		assertThat(first.users()).hasSize(100);
		assertThat(first.nextCursor()).isEqualTo("100");
		DirectoryPage second = port.directory().users(first.nextCursor());
		assertThat(second.users()).extracting(PlatformUser::displayName).startsWith("user101").endsWith("user150");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void anotherTenantSeesNobody() {
		TenantPort other = connector.open(new TenantRef(8, "2001008"), new Credentials(Map.of()));
		assertThat(other.directory().users(null).users()).isEmpty();
	}

	@Test
	void signsInWithTheFormPushesNothingAndTakesNoCallbacks() {
		assertThat(connector.platform()).isEqualTo(Platform.STANDALONE);
		assertThat(connector.credentialFields()).isEmpty();
		assertThat(port.signIn().webLogin("http://localhost/cb", "s")).isEmpty();
		assertThat(port.signIn().inClientRedirect("http://localhost/cb", "s")).isEmpty();
		assertThat(port.messenger().send("1", null).delivered()).isFalse();
		assertThatThrownBy(() -> port.callbacks().handle(new CallbackRequest("POST", "/", Map.of(), Map.of(), null)))
			.isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(PlatformException.Reason.REJECTED));
	}
}
