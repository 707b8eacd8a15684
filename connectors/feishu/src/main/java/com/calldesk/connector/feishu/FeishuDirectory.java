package com.calldesk.connector.feishu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.calldesk.connector.Department;
import com.calldesk.connector.Directory;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.PlatformUser;
import com.lark.oapi.service.contact.v3.model.ChildrenDepartmentReq;
import com.lark.oapi.service.contact.v3.model.ChildrenDepartmentResp;
import com.lark.oapi.service.contact.v3.model.FindByDepartmentUserReq;
import com.lark.oapi.service.contact.v3.model.FindByDepartmentUserResp;
import com.lark.oapi.service.contact.v3.model.User;
import com.lark.oapi.service.contact.v3.model.UserStatus;

/**
 * The people the app may see: the root department ("0") and every department under it, each listed with
 * find_by_department (direct members only). Department ids are open_department_ids throughout, so a user's
 * department_ids can be compared with the walk.
 */
final class FeishuDirectory implements Directory {

	static final String ROOT = "0";

	static final int PAGE_SIZE = 50;

	private static final String DEPARTMENT_ID_TYPE = "open_department_id";

	private static final String USER_ID_TYPE = "user_id";

	private final FeishuApp app;

	FeishuDirectory(FeishuApp app) {
		this.app = app;
	}

	@Override
	public List<Department> departments() {
		List<Department> all = new ArrayList<>();
		String pageToken = null;
		do {
			ChildrenDepartmentReq request = ChildrenDepartmentReq.newBuilder()
				.departmentId(ROOT)
				.departmentIdType(DEPARTMENT_ID_TYPE)
				.userIdType(USER_ID_TYPE)
				.fetchChild(true)
				.pageSize(PAGE_SIZE)
				.pageToken(pageToken)
				.build();
			ChildrenDepartmentResp answer = app.call("departments/children", c -> c.contact().department().children(request));
			if (!answer.success()) {
				throw Failures.of("departments/children", answer);
			}
			if (answer.getData() == null || answer.getData().getItems() == null) {
				break;
			}
			for (var item : answer.getData().getItems()) {
				String parent = item.getParentDepartmentId();
				all.add(new Department(item.getOpenDepartmentId(), item.getName(), ROOT.equals(parent) ? null : parent));
			}
			pageToken = more(answer.getData().getHasMore(), answer.getData().getPageToken());
		}
		while (pageToken != null);
		return all;
	}

	/**
	 * One page: whole API pages of consecutive departments until {@link #PAGE_SIZE} people are collected. A
	 * person in several departments is listed only under the first of them in the walk, which keeps the
	 * pages free of duplicates without remembering earlier pages.
	 */
	@Override
	public DirectoryPage users(String cursor) {
		DirectoryCursor at = DirectoryCursor.parse(cursor);
		List<String> walk = new ArrayList<>();
		walk.add(ROOT);
		departments().forEach(d -> walk.add(d.id()));
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < walk.size(); i++) {
			position.putIfAbsent(walk.get(i), i);
		}
		Map<String, PlatformUser> page = new LinkedHashMap<>();
		int department = at.department();
		String pageToken = at.pageToken();
		while (department < walk.size() && page.size() < PAGE_SIZE) {
			FindByDepartmentUserResp answer = members(walk.get(department), pageToken);
			User[] items = answer.getData() == null ? null : answer.getData().getItems();
			for (User user : items == null ? new User[0] : items) {
				if (stillHere(user) && firstListedAt(user, department, position) && identified(user)) {
					PlatformUser person = toPerson(user);
					page.putIfAbsent(person.platformUserId(), person);
				}
			}
			pageToken = answer.getData() == null ? null : more(answer.getData().getHasMore(), answer.getData().getPageToken());
			if (pageToken == null) {
				department++;
			}
		}
		String next = department < walk.size() ? new DirectoryCursor(department, pageToken).toString() : null;
		return new DirectoryPage(List.copyOf(page.values()), next);
	}

	private FindByDepartmentUserResp members(String departmentId, String pageToken) {
		FindByDepartmentUserReq request = FindByDepartmentUserReq.newBuilder()
			.departmentId(departmentId)
			.departmentIdType(DEPARTMENT_ID_TYPE)
			.userIdType(USER_ID_TYPE)
			.pageSize(PAGE_SIZE)
			.pageToken(pageToken)
			.build();
		FindByDepartmentUserResp answer = app.call("users/find_by_department", c -> c.contact().user().findByDepartment(request));
		if (!answer.success()) {
			throw Failures.of("users/find_by_department", answer);
		}
		return answer;
	}

	/** Resigned and exited people are still listed for a while; they can no longer take calls. */
	private static boolean stillHere(User user) {
		UserStatus status = user.getStatus();
		return status == null || !(Boolean.TRUE.equals(status.getIsResigned()) || Boolean.TRUE.equals(status.getIsExited()));
	}

	/** Without the user_id scope only open_id comes back; a person with neither cannot be bound. */
	private static boolean identified(User user) {
		return present(user.getUserId()) || present(user.getOpenId());
	}

	private static boolean firstListedAt(User user, int department, Map<String, Integer> position) {
		if (user.getDepartmentIds() == null) {
			return true;
		}
		return Arrays.stream(user.getDepartmentIds())
			.map(position::get)
			.filter(p -> p != null)
			.allMatch(p -> p >= department);
	}

	private static PlatformUser toPerson(User user) {
		String id = present(user.getUserId()) ? user.getUserId() : user.getOpenId();
		List<String> departments = user.getDepartmentIds() == null ? List.of()
				: Arrays.stream(user.getDepartmentIds()).filter(d -> !ROOT.equals(d)).toList();
		Map<String, String> altIds = new LinkedHashMap<>();
		if (present(user.getOpenId())) {
			altIds.put("open_id", user.getOpenId());
		}
		if (present(user.getUnionId())) {
			altIds.put("union_id", user.getUnionId());
		}
		return new PlatformUser(id, user.getName(), present(user.getMobile()) ? user.getMobile() : null, departments, altIds);
	}

	private static String more(Boolean hasMore, String pageToken) {
		return Boolean.TRUE.equals(hasMore) && present(pageToken) ? pageToken : null;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}
}
