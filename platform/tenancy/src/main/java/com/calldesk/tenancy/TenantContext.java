package com.calldesk.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant the current thread works for. It is set before a transaction starts (a connection is
 * switched when it leaves the pool, so a switch inside a transaction would silently keep the old
 * schema) and it is never inherited: work handed to another thread is wrapped with {@link #wrap}.
 */
public final class TenantContext {

	private static final ThreadLocal<TenantScope> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	public static Optional<TenantScope> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	public static TenantScope require() {
		TenantScope scope = CURRENT.get();
		if (scope == null) {
			throw new IllegalStateException("No tenant is set for this thread");
		}
		return scope;
	}

	/** Binds {@code scope} (or the platform, when null) until the returned handle is closed. */
	public static Binding bind(TenantScope scope) {
		TenantScope previous = CURRENT.get();
		if (!sameTenant(previous, scope) && TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Tenant cannot change inside a transaction: " + previous + " -> " + scope);
		}
		set(scope);
		return () -> set(previous);
	}

	public static void run(TenantScope scope, Runnable work) {
		try (Binding ignored = bind(scope)) {
			work.run();
		}
	}

	public static <T> T call(TenantScope scope, Supplier<T> work) {
		try (Binding ignored = bind(scope)) {
			return work.get();
		}
	}

	/** Work for another thread, carrying the caller's tenant explicitly. */
	public static Runnable wrap(Runnable work) {
		TenantScope captured = CURRENT.get();
		return () -> run(captured, work);
	}

	public static <T> Callable<T> wrap(Callable<T> work) {
		TenantScope captured = CURRENT.get();
		return () -> {
			try (Binding ignored = bind(captured)) {
				return work.call();
			}
		};
	}

	private static void set(TenantScope scope) {
		if (scope == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(scope);
		}
	}

	private static boolean sameTenant(TenantScope a, TenantScope b) {
		return a == null ? b == null : b != null && a.schema().equals(b.schema());
	}

	/** Restores the previous tenant when closed. */
	@FunctionalInterface
	public interface Binding extends AutoCloseable {

		@Override
		void close();
	}
}
