package com.calldesk.connector.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.Department;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.PlatformException.Reason;
import com.calldesk.connector.PlatformUser;

class WeComDirectoryTest extends StubbedWeCom {

	private static final String USER_LIST = "/cgi-bin/user/list";

	@BeforeEach
	void stubOrganisation() {
		// listed out of id order on purpose: the cursor must not depend on WeCom's order
		server.stubFor(withToken(get(urlPathEqualTo("/cgi-bin/department/list"))).willReturn(okJson(
				"{\"errcode\":0,\"errmsg\":\"ok\",\"department\":[{\"id\":3,\"name\":\"售后部\",\"parentid\":1,\"order\":8},"
						+ "{\"id\":1,\"name\":\"总部\",\"parentid\":0,\"order\":10},"
						+ "{\"id\":2,\"name\":\"客服部\",\"parentid\":1,\"order\":10}]}")));
		String headOffice = IntStream.rangeClosed(1, 100)
			.mapToObj(i -> member("u" + i, "坐席" + i, "[1]"))
			.collect(Collectors.joining(","));
		stubMembers(1, headOffice);
		// zhangsan is in both 2 and 3 (and u7 also in 2): each must come once
		stubMembers(2, member("zhangsan", "张三", "[2,3]") + "," + member("u7", "坐席7", "[1,2]"));
		stubMembers(3, member("zhangsan", "张三", "[2,3]") + "," + member("lisi", "李四", "[3]"));
	}

	@Test
	void departmentsAreTheAppsVisibleTreeWithTheRootWithoutParent() {
		assertThat(port.directory().departments()).containsExactly(new Department("1", "总部", null),
				new Department("2", "客服部", "1"), new Department("3", "售后部", "1"));
		server.verify(getRequestedFor(urlPathEqualTo("/cgi-bin/department/list")).withoutQueryParam("id"));
	}

	@Test
	void usersAreFlattenedPagedByDepartmentAndEachPersonComesOnce() {
		DirectoryPage first = port.directory().users(null);
		assertThat(first.users()).hasSize(100);
		assertThat(first.users().get(0)).isEqualTo(new PlatformUser("u1", "坐席1", null, List.of("1"), null));
		assertThat(first.nextCursor()).isEqualTo("1");

		DirectoryPage second = port.directory().users(first.nextCursor());
		assertThat(second.users()).extracting(PlatformUser::platformUserId).containsExactly("zhangsan", "lisi");
		assertThat(second.users().get(0).departmentIds()).containsExactly("2", "3");
		assertThat(second.nextCursor()).isNull();

		for (int department = 1; department <= 3; department++) {
			server.verify(1, getRequestedFor(urlPathEqualTo(USER_LIST))
				.withQueryParam("department_id", equalTo(Integer.toString(department)))
				.withQueryParam("fetch_child", equalTo("0"))
				.withQueryParam("access_token", equalTo(TOKEN)));
		}
		assertThat(tokenFetches()).isEqualTo(1);
	}

	@Test
	void aMobileIsKeptWhenWeComStillGivesOne() {
		stubMembers(1, "{\"userid\":\"old\",\"name\":\"老员工\",\"mobile\":\"13900000000\",\"department\":[1],\"status\":1}");

		assertThat(port.directory().users(null).users()).first()
			.satisfies(u -> assertThat(u.mobile()).isEqualTo("13900000000"));
	}

	@Test
	void aFrequencyLimitIsRateLimited() {
		server.stubFor(withToken(get(urlPathEqualTo(USER_LIST))).withQueryParam("department_id", equalTo("2"))
			.willReturn(okJson(error(45009, "api freq out of limit"))));

		assertThatThrownBy(() -> port.directory().users("1")).asInstanceOf(type(PlatformException.class))
			.satisfies(e -> {
				assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
				assertThat(e.platformCode()).isEqualTo("45009");
			});
	}

	private void stubMembers(int department, String members) {
		server.stubFor(withToken(get(urlPathEqualTo(USER_LIST)))
			.withQueryParam("department_id", equalTo(Integer.toString(department)))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"userlist\":[" + members + "]}")));
	}

	private static String member(String userId, String name, String departments) {
		return "{\"userid\":\"" + userId + "\",\"name\":\"" + name + "\",\"department\":" + departments + ",\"status\":1}";
	}
}
