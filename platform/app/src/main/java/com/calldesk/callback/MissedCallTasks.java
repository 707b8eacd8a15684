package com.calldesk.callback;

import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.telephony.CallClosed;
import com.calldesk.telephony.CallTab;

/**
 * Turns closed calls into callback work, inside the transaction that closes the record (so a missed
 * call and its task commit together, and a node dying in between loses neither): a missed inbound call
 * opens a task, or folds into the caller's open task of the day; an outbound call to a caller with open
 * tasks is an attempt on each, and closes them when the caller answered.
 */
@Component
class MissedCallTasks {

	private static final Logger log = LoggerFactory.getLogger(MissedCallTasks.class);

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int DEFAULT_SLA_MINUTES = 120;

	private final CallbackMapper mapper;

	private final CallbackOwners owners;

	private final CallbackNews news;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	MissedCallTasks(CallbackMapper mapper, CallbackOwners owners, CallbackNews news, Clock clock, PlatformTransactionManager transactions) {
		this.mapper = mapper;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.owners = owners;
		this.news = news;
		this.clock = clock;
	}

	@EventListener
	void on(CallClosed call) {
		if (call.tab() == null || call.customerNumber() == null || call.customerNumber().isBlank()) {
			return; // internal, or an anonymous caller nobody can call back
		}
		try {
			// a savepoint: a task that fails is undone whole, and the call record still closes
			savepoint.executeWithoutResult(tx -> {
				if (call.tab() == CallTab.IN_MISSED) {
					missed(call);
				}
				else if (call.tab() == CallTab.OUT_ANSWERED || call.tab() == CallTab.OUT_MISSED) {
					calledBack(call);
				}
			});
		}
		catch (RuntimeException e) {
			if (transactionLost(e)) {
				// InnoDB rolled the whole transaction back (a deadlock), savepoint and the record's close with
				// it: swallowed here, the rest would commit as if the close had been written. Failing the
				// write instead has the journal try the close, task and all, again.
				throw e;
			}
			log.error("Callback task for call {} not written", call.callId(), e);
		}
	}

	/** The failure took the enclosing transaction down, not only the savepoint's work. */
	private static boolean transactionLost(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof PessimisticLockingFailureException || t instanceof SQLTransactionRollbackException
					|| t instanceof TransactionSystemException) {
				return true;
			}
		}
		return false;
	}

	static String callerOf(String number) {
		return PhoneNumbers.parse(number).map(PhoneNumber::e164).orElse(number.strip());
	}

	private void missed(CallClosed call) {
		String caller = callerOf(call.customerNumber());
		Instant now = clock.instant();
		LocalDate day = LocalDate.ofInstant(call.offeredAt(), CHINA);
		String openKey = caller + "|" + day;
		if (mapper.fold(openKey, call.callId(), now) == 1) {
			told(mapper.byOpenKey(openKey), call);
			return;
		}
		CallbackOwners.Owner owner = owners.of(caller);
		Integer sla = mapper.slaMinutes();
		Instant due = now.plus(Duration.ofMinutes(sla == null || sla <= 0 ? DEFAULT_SLA_MINUTES : sla));
		CallbackTask task = new CallbackTask(0, caller, day, sourceOf(call), call.callId(), call.callId(), 1, owner.seat(), owner.userId(),
				owner.reason(), CallbackTask.OPEN, due, now, now, 0, null, null, null, null, null, 0);
		try {
			mapper.open(task, openKey, new CallbackMapper.GeneratedKey());
		}
		catch (DuplicateKeyException raced) {
			// another node opened it a moment ago: this call is a repeat
			mapper.fold(openKey, call.callId(), now);
		}
		told(mapper.byOpenKey(openKey), call);
	}

	private void told(CallbackTask task, CallClosed call) {
		mapper.linkCall(call.callId(), task.id());
		news.changed(task);
	}

	private String sourceOf(CallClosed call) {
		if (mapper.voicemailsOf(call.callId()) > 0) {
			return "VOICEMAIL";
		}
		return mapper.queuedStepsOf(call.callId()) > 0 ? "ABANDONED" : "MISSED";
	}

	private void calledBack(CallClosed call) {
		boolean reached = call.tab() == CallTab.OUT_ANSWERED;
		Instant now = clock.instant();
		for (CallbackTask task : mapper.openOf(PhoneNumbers.spellings(call.customerNumber()))) {
			String outcome = reached ? "REACHED" : "NOT_REACHED";
			mapper.attempt(task.id(), call.callId(), outcome, call.endReason(), call.seat() == null ? "system" : call.seat(), now);
			mapper.attempted(task.id(), now);
			if (reached) {
				mapper.close(task.id(), null, "CALLED_BACK", null, call.callId(), call.seat() == null ? "system" : call.seat(), now);
			}
			news.changed(mapper.byId(task.id()));
		}
	}
}
