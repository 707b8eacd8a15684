package com.calldesk.crm;

import static com.calldesk.crm.WorkOrderStatus.CANCELLED;
import static com.calldesk.crm.WorkOrderStatus.CLOSED;
import static com.calldesk.crm.WorkOrderStatus.IN_PROGRESS;
import static com.calldesk.crm.WorkOrderStatus.OPEN;
import static com.calldesk.crm.WorkOrderStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class WorkOrderStatusTest {

	@Test
	void followsTheServiceLifecycle() {
		assertThat(OPEN.canBecome(IN_PROGRESS)).isTrue();
		assertThat(IN_PROGRESS.canBecome(RESOLVED)).isTrue();
		assertThat(RESOLVED.canBecome(CLOSED)).isTrue();
		assertThat(RESOLVED.canBecome(IN_PROGRESS)).as("reopen").isTrue();
		assertThat(IN_PROGRESS.canBecome(OPEN)).isFalse();
	}

	@Test
	void closedAndCancelledAreFinal() {
		for (WorkOrderStatus next : EnumSet.allOf(WorkOrderStatus.class)) {
			assertThat(CLOSED.canBecome(next)).isFalse();
			assertThat(CANCELLED.canBecome(next)).isFalse();
		}
	}
}
