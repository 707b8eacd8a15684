package com.calldesk.connector.feishu;

import static com.calldesk.connector.feishu.StubbedFeishu.TENANT_TOKEN;
import static com.calldesk.connector.feishu.StubbedFeishu.bearer;
import static com.calldesk.connector.feishu.StubbedFeishu.json;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.Department;
import com.calldesk.connector.Directory;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.PlatformUser;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

class FeishuDirectoryTest {

	private static final String CHILDREN = "/open-apis/contact/v3/departments/0/children";

	private static final String MEMBERS = "/open-apis/contact/v3/users/find_by_department";

	private final StubbedFeishu feishu = new StubbedFeishu();

	@BeforeEach
	void tokens() {
		feishu.issuesTokens();
	}

	@AfterEach
	void stop() {
		feishu.close();
	}

	private static MappingBuilder children(String pageToken) {
		return get(urlPathEqualTo(CHILDREN)).withHeader("Authorization", equalTo(bearer(TENANT_TOKEN)))
			.withQueryParam("fetch_child", equalTo("true"))
			.withQueryParam("department_id_type", equalTo("open_department_id"))
			.withQueryParam("user_id_type", equalTo("user_id"))
			.withQueryParam("page_size", equalTo("50"))
			.withQueryParam("page_token", pageToken == null ? absent() : equalTo(pageToken));
	}

	private static MappingBuilder members(String department, String pageToken) {
		return get(urlPathEqualTo(MEMBERS)).withHeader("Authorization", equalTo(bearer(TENANT_TOKEN)))
			.withQueryParam("department_id", equalTo(department))
			.withQueryParam("department_id_type", equalTo("open_department_id"))
			.withQueryParam("user_id_type", equalTo("user_id"))
			.withQueryParam("page_size", equalTo("50"))
			.withQueryParam("page_token", pageToken == null ? absent() : equalTo(pageToken));
	}

	private static String department(String openId, String name, String parent) {
		return "{\"name\":\"" + name + "\",\"department_id\":\"d-" + openId + "\",\"open_department_id\":\"" + openId
				+ "\",\"parent_department_id\":\"" + parent + "\"}";
	}

	private static String user(String userId, String status, String... departments) {
		String ids = List.of(departments).stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(","));
		return "{\"user_id\":\"" + userId + "\",\"open_id\":\"ou_" + userId + "\",\"union_id\":\"on_" + userId + "\",\"name\":\"name "
				+ userId + "\",\"mobile\":\"+8613800000000\",\"department_ids\":[" + ids + "],\"status\":" + status + "}";
	}

	private static final String ACTIVE = "{\"is_activated\":true,\"is_resigned\":false,\"is_exited\":false}";

	private static String page(boolean hasMore, String pageToken, List<String> items) {
		return "{\"code\":0,\"msg\":\"success\",\"data\":{\"has_more\":" + hasMore + ",\"page_token\":\"" + (pageToken == null ? "" : pageToken)
				+ "\",\"items\":[" + String.join(",", items) + "]}}";
	}

	private void twoDepartmentsOverTwoPages() {
		feishu.server.stubFor(children(null).willReturn(json(200, page(true, "dp2", List.of(department("od-1", "客服部", "0"))))));
		feishu.server.stubFor(children("dp2").willReturn(json(200, page(false, null, List.of(department("od-2", "二线", "od-1"))))));
	}

	@Test
	void departmentsArePagedAndHangFromTheRoot() {
		twoDepartmentsOverTwoPages();

		List<Department> departments = feishu.open().directory().departments();

		assertThat(departments).containsExactly(new Department("od-1", "客服部", null), new Department("od-2", "二线", "od-1"));
	}

	@Test
	void usersAreFlattenedPagedAndListedOnceWithoutThoseWhoLeft() {
		twoDepartmentsOverTwoPages();
		List<String> atRoot = IntStream.rangeClosed(1, 30).mapToObj(i -> user("r" + i, ACTIVE, "0")).toList();
		List<String> firstLine = IntStream.rangeClosed(1, 25).mapToObj(i -> user("a" + i, ACTIVE, "od-1")).toList();
		List<String> firstLineMore = new ArrayList<>(IntStream.rangeClosed(1, 49).mapToObj(i -> user("c" + i, ACTIVE, "od-1")).toList());
		firstLineMore.add(user("both", ACTIVE, "od-1", "od-2"));
		firstLineMore.add(user("gone", "{\"is_activated\":true,\"is_resigned\":true}", "od-1"));
		feishu.server.stubFor(members("0", null).willReturn(json(200, page(false, null, atRoot))));
		feishu.server.stubFor(members("od-1", null).willReturn(json(200, page(true, "up2", firstLine))));
		feishu.server.stubFor(members("od-1", "up2").willReturn(json(200, page(false, null, firstLineMore))));
		feishu.server.stubFor(members("od-2", null).willReturn(json(200, page(false, null, List.of(
				user("both", ACTIVE, "od-1", "od-2"),
				user("exited", "{\"is_activated\":true,\"is_resigned\":false,\"is_exited\":true}", "od-2"),
				user("b1", ACTIVE, "od-2"))))));
		Directory directory = feishu.open().directory();

		DirectoryPage first = directory.users(null); // the root and od-1's first page
		DirectoryPage second = directory.users(first.nextCursor()); // od-1's second page
		DirectoryPage third = directory.users(second.nextCursor()); // od-2
		assertThat(first.users()).hasSize(55);
		assertThat(second.users()).hasSize(50);
		assertThat(third.nextCursor()).isNull();

		// "both" came with od-1 two pages earlier
		assertThat(third.users()).extracting(PlatformUser::platformUserId).containsExactly("b1");
		List<PlatformUser> everyone = new ArrayList<>(first.users());
		everyone.addAll(second.users());
		everyone.addAll(third.users());
		assertThat(everyone).extracting(PlatformUser::platformUserId).doesNotHaveDuplicates().hasSize(106)
			.contains("r1", "r30", "a25", "c49", "both").doesNotContain("gone", "exited");
		PlatformUser both = everyone.stream().filter(u -> u.platformUserId().equals("both")).findFirst().orElseThrow();
		assertThat(both.departmentIds()).containsExactly("od-1", "od-2");
		assertThat(both.altIds()).containsEntry("open_id", "ou_both").containsEntry("union_id", "on_both");
		assertThat(both.mobile()).isEqualTo("+8613800000000");
		assertThat(first.users().get(0).departmentIds()).isEmpty(); // the root is no department
		feishu.server.verify(getRequestedFor(urlPathEqualTo(MEMBERS)).withQueryParam("page_token", equalTo("up2")));
	}

	@Test
	void anOrganisationWithNobodyEndsAtOnce() {
		feishu.server.stubFor(children(null).willReturn(json(200, page(false, null, List.of()))));
		feishu.server.stubFor(members("0", null).willReturn(json(200, page(false, null, List.of()))));

		DirectoryPage page = feishu.open().directory().users(null);

		assertThat(page.users()).isEmpty();
		assertThat(page.nextCursor()).isNull();
	}
}
