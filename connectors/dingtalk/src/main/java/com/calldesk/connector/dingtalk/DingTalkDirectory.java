package com.calldesk.connector.dingtalk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.calldesk.connector.Department;
import com.calldesk.connector.Directory;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.PlatformUser;
import com.dingtalk.api.request.OapiV2DepartmentGetRequest;
import com.dingtalk.api.request.OapiV2DepartmentListsubRequest;
import com.dingtalk.api.request.OapiV2UserListRequest;
import com.dingtalk.api.response.OapiV2DepartmentListsubResponse.DeptBaseResponse;
import com.dingtalk.api.response.OapiV2UserListResponse.ListUserResponse;
import com.dingtalk.api.response.OapiV2UserListResponse.PageResult;

/**
 * The organisation as the app's 通讯录权限范围 shows it. DingTalk lists members per department only
 * ({@code user/list} gives direct members), so the listing walks the department tree from the root (id 1)
 * and pages each department. A person in several departments is listed in the first one only: anyone
 * whose {@code dept_id_list} names an earlier department of the walk was listed there already, which
 * keeps the cursor stateless.
 */
final class DingTalkDirectory implements Directory {

	static final long ROOT = 1L;

	static final long PAGE_SIZE = 100L;

	/** How long one listing may reuse the tree it started with before it is walked again. */
	static final Duration TREE_REUSE = Duration.ofMinutes(10);

	private record Tree(List<Department> departments, Map<Long, Integer> order, Instant walked) {
	}

	private final DingTalkApp app;

	private final Oapi oapi;

	private final Clock clock;

	private volatile Tree tree;

	DingTalkDirectory(DingTalkApp app, Oapi oapi, Clock clock) {
		this.app = app;
		this.oapi = oapi;
		this.clock = clock;
	}

	@Override
	public List<Department> departments() {
		return walk().departments();
	}

	@Override
	public DirectoryPage users(String cursor) {
		Tree walked = cursor == null || cursor.isBlank() ? walk() : reuse();
		DirectoryCursor at = DirectoryCursor.parse(cursor);
		List<Department> departments = walked.departments();
		if (at.department() >= departments.size()) {
			return new DirectoryPage(List.of(), null);
		}
		long departmentId = Long.parseLong(departments.get(at.department()).id());
		OapiV2UserListRequest request = new OapiV2UserListRequest();
		request.setDeptId(departmentId);
		request.setCursor(at.platformCursor());
		request.setSize(PAGE_SIZE);
		request.setLanguage("zh_CN");
		PageResult page = oapi.call(app, "/topapi/v2/user/list", request).getResult();
		List<PlatformUser> users = new ArrayList<>();
		for (ListUserResponse user : page.getList() == null ? List.<ListUserResponse>of() : page.getList()) {
			if (!listedEarlier(user, at.department(), walked.order())) {
				users.add(new PlatformUser(user.getUserid(), user.getName(), DingTalkSignIn.blankToNull(user.getMobile()),
						DingTalkSignIn.ids(user.getDeptIdList()), DingTalkSignIn.altIds(user.getUnionid())));
			}
		}
		return new DirectoryPage(users, next(at, page, departments.size()));
	}

	private static boolean listedEarlier(ListUserResponse user, int current, Map<Long, Integer> order) {
		List<Long> departmentIds = user.getDeptIdList() == null ? List.of() : user.getDeptIdList();
		return departmentIds.stream().map(order::get).anyMatch(index -> index != null && index < current);
	}

	private static String next(DirectoryCursor at, PageResult page, int departments) {
		if (Boolean.TRUE.equals(page.getHasMore()) && page.getNextCursor() != null) {
			return new DirectoryCursor(at.department(), page.getNextCursor()).toString();
		}
		return at.department() + 1 < departments ? new DirectoryCursor(at.department() + 1, 0).toString() : null;
	}

	private Tree reuse() {
		Tree current = tree;
		if (current != null && clock.instant().isBefore(current.walked().plus(TREE_REUSE))) {
			return current;
		}
		return walk();
	}

	/** Breadth first from the root; {@code listsub} returns direct children only. */
	private Tree walk() {
		List<Department> departments = new ArrayList<>();
		Map<Long, Integer> order = new HashMap<>();
		departments.add(new Department(Long.toString(ROOT), rootName(), null));
		order.put(ROOT, 0);
		Deque<Long> pending = new ArrayDeque<>(List.of(ROOT));
		while (!pending.isEmpty()) {
			long parent = pending.poll();
			for (DeptBaseResponse child : children(parent)) {
				if (child.getDeptId() != null && order.putIfAbsent(child.getDeptId(), departments.size()) == null) {
					departments.add(new Department(child.getDeptId().toString(), child.getName(), Long.toString(parent)));
					pending.add(child.getDeptId());
				}
			}
		}
		Tree walked = new Tree(List.copyOf(departments), Map.copyOf(order), clock.instant());
		tree = walked;
		return walked;
	}

	private List<DeptBaseResponse> children(long parent) {
		OapiV2DepartmentListsubRequest request = new OapiV2DepartmentListsubRequest();
		request.setDeptId(parent);
		request.setLanguage("zh_CN");
		List<DeptBaseResponse> children = oapi.call(app, "/topapi/v2/department/listsub", request).getResult();
		return children == null ? List.of() : children;
	}

	/** The root department carries the organisation's name. */
	private String rootName() {
		OapiV2DepartmentGetRequest request = new OapiV2DepartmentGetRequest();
		request.setDeptId(ROOT);
		request.setLanguage("zh_CN");
		return oapi.call(app, "/topapi/v2/department/get", request).getResult().getName();
	}
}
