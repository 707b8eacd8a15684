package com.calldesk.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.calldesk.calls.CallbackTaskChanged;
import com.calldesk.calls.CtiBus;
import com.calldesk.tenancy.TenantContext;

/**
 * Tells every node that a task changed — its owner's desk refreshes its list — once the change has
 * committed, so a desk that reads at once finds it.
 */
@Component
class CallbackNews {

	private final CtiBus bus;

	private final Clock clock;

	CallbackNews(CtiBus bus, Clock clock) {
		this.bus = bus;
		this.clock = clock;
	}

	void changed(CallbackTask task) {
		if (task == null) {
			return;
		}
		Instant at = clock.instant();
		CallbackTaskChanged event = new CallbackTaskChanged(TenantContext.require().tenantId(), ChronoUnit.MICROS.between(Instant.EPOCH, at), at,
				task.id(), task.caller(), task.ownerSeat(), task.status(), task.dueAt(), task.missedCalls());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					bus.publish(event);
				}
			});
		}
		else {
			bus.publish(event);
		}
	}
}
