package com.calldesk.connector.wecom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.calldesk.connector.Department;
import com.calldesk.connector.Directory;
import com.calldesk.connector.DirectoryPage;
import com.calldesk.connector.PlatformUser;

import me.chanjar.weixin.cp.bean.WxCpDepart;
import me.chanjar.weixin.cp.bean.WxCpUser;

/**
 * The members the app may see (its 可见范围), department by department. WeCom's user/list has no paging
 * of its own, so the cursor is the index of the next department in id order; a page holds whole
 * departments until it has about {@link #PAGE_TARGET} people. Each department is listed without its
 * sub-departments (fetch_child=0), so nobody is fetched twice through the tree; someone in several
 * departments is kept only in the first of them, known from their own department list, so paging
 * needs no state between calls.
 */
final class WeComDirectory implements Directory {

	static final int PAGE_TARGET = 100;

	/** WeCom's root department has parentid 0. */
	private static final long NO_PARENT = 0L;

	private final WeComService service;

	WeComDirectory(WeComService service) {
		this.service = service;
	}

	@Override
	public List<Department> departments() {
		return visibleDepartments().stream()
			.map(d -> new Department(d.getId().toString(), d.getName(), parentOf(d)))
			.toList();
	}

	@Override
	public DirectoryPage users(String cursor) {
		List<WxCpDepart> departments = visibleDepartments();
		int from = start(cursor);
		Set<Long> earlier = new HashSet<>();
		departments.subList(0, Math.min(from, departments.size())).forEach(d -> earlier.add(d.getId()));
		Map<String, PlatformUser> page = new LinkedHashMap<>();
		int next = from;
		while (next < departments.size() && page.size() < PAGE_TARGET) {
			Long departmentId = departments.get(next).getId();
			for (WxCpUser user : Failures.call(() -> service.getUserService().listByDepartment(departmentId, false, 0))) {
				if (!listedEarlier(user, earlier)) {
					page.putIfAbsent(user.getUserId(), toPlatformUser(user));
				}
			}
			earlier.add(departmentId);
			next++;
		}
		return new DirectoryPage(new ArrayList<>(page.values()), next < departments.size() ? Integer.toString(next) : null);
	}

	/** Without an id, department/list returns the app's whole visible tree, wherever its root is. */
	private List<WxCpDepart> visibleDepartments() {
		List<WxCpDepart> all = Failures.call(() -> service.getDepartmentService().list(null));
		return all == null ? List.of() : all.stream().sorted(Comparator.comparing(WxCpDepart::getId)).toList();
	}

	private static boolean listedEarlier(WxCpUser user, Set<Long> earlier) {
		return user.getDepartIds() != null && Arrays.stream(user.getDepartIds()).anyMatch(earlier::contains);
	}

	/** user/list gives no mobile to apps created after 2022-06-20: usually null here. */
	private static PlatformUser toPlatformUser(WxCpUser user) {
		List<String> departments = user.getDepartIds() == null ? List.of()
				: Arrays.stream(user.getDepartIds()).map(String::valueOf).toList();
		String mobile = user.getMobile() == null || user.getMobile().isBlank() ? null : user.getMobile();
		return new PlatformUser(user.getUserId(), user.getName(), mobile, departments, Map.of());
	}

	private static String parentOf(WxCpDepart department) {
		Long parent = department.getParentId();
		return parent == null || parent == NO_PARENT ? null : parent.toString();
	}

	private static int start(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		try {
			return Math.max(0, Integer.parseInt(cursor));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a WeCom directory cursor: " + cursor);
		}
	}
}
