package com.calldesk.connector.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformUser;
import com.calldesk.connector.TenantRef;

class StandaloneConnectorTest {

	private final TenantRef tenant = new TenantRef(7, "2001007");

	private final List<PlatformUser> people = IntStream.rangeClosed(1, 150)
		.mapToObj(i -> new PlatformUser(Integer.toString(i), "user" + i, null, null))
		.toList();

	private final StandaloneConnector connector = new StandaloneConnector(t -> t.equals(tenant) ? people : List.of());

	@Test
	void directoryPagesThroughTheTenantsOwnUsers() {
		DirectoryPage first = connector.directory().users(tenant, null);
		assertThat(first.users()).hasSize(100);
		assertThat(first.nextCursor()).isEqualTo("100");
		DirectoryPage second = connector.directory().users(tenant, first.nextCursor());
		assertThat(second.users()).extracting(PlatformUser::displayName).startsWith("user101").endsWith("user150");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void anotherTenantSeesNobody() {
		assertThat(connector.directory().users(new TenantRef(8, "2001008"), null).users()).isEmpty();
	}

	@Test
	void signsInWithTheFormAndPushesNothing() {
		assertThat(connector.platform()).isEqualTo(Platform.STANDALONE);
		assertThat(connector.signIn().webLoginUrl(tenant, "http://localhost/cb", "s")).isEmpty();
		assertThat(connector.messenger().send(tenant, "1", null).delivered()).isFalse();
	}
}
