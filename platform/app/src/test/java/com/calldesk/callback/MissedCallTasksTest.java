package com.calldesk.callback;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

import com.calldesk.telephony.CallClosed;
import com.calldesk.telephony.CallTab;

/**
 * A callback task is written in the savepoint of the transaction that closes the call's record. A task
 * that fails on its own is undone and the record still closes; a failure that took the whole transaction
 * down (an InnoDB deadlock rolls everything back, savepoint included) must fail the close, or the rest
 * commits as if the record had been closed and the close is lost (seen in bench/outage.sh: 38 records).
 */
class MissedCallTasksTest {

	private final CallbackMapper mapper = mock(CallbackMapper.class);

	private final CallClosed missed = new CallClosed("call-1", CallTab.IN_MISSED, "13910001000", null,
			Instant.parse("2026-12-07T03:00:00Z"), Instant.parse("2026-12-07T03:00:20Z"), "customer-hangup");

	@Test
	void aDeadlockInTheTaskFailsTheWholeClose() {
		when(mapper.fold(anyString(), anyString(), any())).thenThrow(new DeadlockLoserDataAccessException("Deadlock found",
				new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213)));
		assertThatThrownBy(() -> tasks(new Savepoints(false)).on(missed)).isInstanceOf(DeadlockLoserDataAccessException.class);
	}

	@Test
	void aSavepointThatIsGoneFailsTheWholeClose() {
		when(mapper.fold(anyString(), anyString(), any())).thenThrow(new IllegalStateException("any failure of the task"));
		assertThatThrownBy(() -> tasks(new Savepoints(true)).on(missed)).isInstanceOf(TransactionSystemException.class);
	}

	@Test
	void aTaskRefusedOnItsOwnIsUndoneAndTheRecordStillCloses() {
		when(mapper.fold(anyString(), anyString(), any())).thenThrow(new DataIntegrityViolationException("Data too long for column"));
		assertThatCode(() -> tasks(new Savepoints(false)).on(missed)).doesNotThrowAnyException();
	}

	private MissedCallTasks tasks(PlatformTransactionManager transactions) {
		return new MissedCallTasks(mapper, mock(CallbackOwners.class), mock(CallbackNews.class),
				Clock.fixed(Instant.parse("2026-12-07T03:01:00Z"), ZoneOffset.UTC), transactions);
	}

	/** Nested transactions as savepoints; {@code gone}: rolling back to one fails, as after InnoDB rolled everything back. */
	private record Savepoints(boolean gone) implements PlatformTransactionManager {

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			return new SimpleTransactionStatus(false);
		}

		@Override
		public void commit(TransactionStatus status) {
		}

		@Override
		public void rollback(TransactionStatus status) {
			if (gone) {
				throw new TransactionSystemException("Could not roll back to JDBC savepoint");
			}
		}
	}
}
