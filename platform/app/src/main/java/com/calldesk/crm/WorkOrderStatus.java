package com.calldesk.crm;

import java.util.Map;
import java.util.Set;

/**
 * A work order's life: OPEN → IN_PROGRESS → RESOLVED → CLOSED; a resolved order can be reopened,
 * an open or in-progress one cancelled. CLOSED and CANCELLED are final.
 */
public enum WorkOrderStatus {

	OPEN, IN_PROGRESS, RESOLVED, CLOSED, CANCELLED;

	private static final Map<WorkOrderStatus, Set<WorkOrderStatus>> NEXT = Map.of(
			OPEN, Set.of(IN_PROGRESS, RESOLVED, CANCELLED),
			IN_PROGRESS, Set.of(RESOLVED, CANCELLED),
			RESOLVED, Set.of(CLOSED, IN_PROGRESS),
			CLOSED, Set.of(),
			CANCELLED, Set.of());

	public boolean canBecome(WorkOrderStatus next) {
		return NEXT.get(this).contains(next);
	}
}
