package com.calldesk.connector.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.calldesk.connector.Department;
import com.calldesk.connector.Directory;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.PlatformUser;

class DirectoryTest {

	private static final String LISTSUB = "/topapi/v2/department/listsub";

	private static final String USER_LIST = "/topapi/v2/user/list";

	private final DingTalkStub stub = new DingTalkStub();

	private Directory directory;

	@BeforeEach
	void start() {
		stub.token("dt-token");
		stub.topapi("/topapi/v2/department/get",
				"{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"dept_id\":1,\"name\":\"示例科技\"},\"request_id\":\"r\"}");
		// 1 示例科技 ─┬─ 2 客服部 ── 4 一组
		//            └─ 3 售后部
		children(1, "{\"dept_id\":2,\"name\":\"客服部\",\"parent_id\":1,\"auto_add_user\":true,\"create_dept_group\":false},"
				+ "{\"dept_id\":3,\"name\":\"售后部\",\"parent_id\":1}");
		children(2, "{\"dept_id\":4,\"name\":\"一组\",\"parent_id\":2}");
		children(3, "");
		children(4, "");
		directory = stub.tenant().directory();
	}

	@AfterEach
	void stop() {
		stub.close();
	}

	@Test
	void departmentsAreTheTreeFromTheRoot() {
		assertThat(directory.departments()).containsExactly(new Department("1", "示例科技", null),
				new Department("2", "客服部", "1"), new Department("3", "售后部", "1"), new Department("4", "一组", "2"));
		stub.server.verify(postRequestedFor(urlPathEqualTo(LISTSUB)).withQueryParam("access_token", equalTo("dt-token"))
			.withRequestBody(matchingJsonPath("$.dept_id", equalTo("2"))));
	}

	@Test
	void usersAreEveryDepartmentFlattenedPagedAndEachPersonOnce() {
		// root: two pages; u001 is also in 客服部, u002 in 客服部 and 一组
		members(1, 0, true, 1, user("u000", 1));
		members(1, 1, false, 0, user("u001", 1, 2));
		members(2, 0, false, 0, user("u001", 1, 2) + "," + user("u002", 2, 4));
		members(3, 0, false, 0, "");
		members(4, 0, false, 0, user("u002", 2, 4) + "," + user("u004", 4));

		List<String> cursors = new ArrayList<>();
		List<PlatformUser> everyone = new ArrayList<>();
		String cursor = null;
		do {
			DirectoryPage page = directory.users(cursor);
			everyone.addAll(page.users());
			cursor = page.nextCursor();
			cursors.add(cursor);
		}
		while (cursor != null);

		assertThat(everyone).extracting(PlatformUser::platformUserId).containsExactly("u000", "u001", "u002", "u004");
		assertThat(everyone.get(2).departmentIds()).containsExactly("2", "4");
		assertThat(everyone.get(2).mobile()).isEqualTo("1380000u002");
		assertThat(cursors).containsExactly("0:1", "1:0", "2:0", "3:0", null);
		stub.server.verify(postRequestedFor(urlPathEqualTo(USER_LIST)).withRequestBody(matchingJsonPath("$.size", equalTo("100"))));
		// the walk made for the first page serves the rest of the listing
		stub.server.verify(4, postRequestedFor(urlPathEqualTo(LISTSUB)));
	}

	@Test
	void aCursorThatIsNotOursIsRefused() {
		assertThatThrownBy(() -> directory.users("page-2")).isInstanceOf(IllegalArgumentException.class);
	}

	private void children(long parent, String items) {
		stub.server.stubFor(DingTalkStub.topapiPost(LISTSUB)
			.withRequestBody(matchingJsonPath("$.dept_id", equalTo(Long.toString(parent))))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":[" + items + "],\"request_id\":\"r4\"}")));
	}

	private void members(long department, long cursor, boolean hasMore, long next, String users) {
		stub.server.stubFor(DingTalkStub.topapiPost(USER_LIST)
			.withRequestBody(matchingJsonPath("$.dept_id", equalTo(Long.toString(department))))
			.withRequestBody(matchingJsonPath("$.cursor", equalTo(Long.toString(cursor))))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"has_more\":" + hasMore + ",\"next_cursor\":"
					+ next + ",\"list\":[" + users + "]},\"request_id\":\"r3\"}")));
	}

	private static String user(String userid, long... departments) {
		StringBuilder ids = new StringBuilder();
		for (long department : departments) {
			ids.append(ids.isEmpty() ? "" : ",").append(department);
		}
		return "{\"userid\":\"" + userid + "\",\"name\":\"张" + userid + "\",\"mobile\":\"1380000" + userid
				+ "\",\"unionid\":\"un" + userid + "\",\"dept_id_list\":[" + ids + "],\"active\":true}";
	}
}
