package db.flaky;

import java.util.concurrent.atomic.AtomicBoolean;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A tenant migration that breaks once, as a DDL error or a lost connection would, then succeeds. */
public class V99__Fails_on_first_run extends BaseJavaMigration {

	public static final AtomicBoolean FAIL_NEXT = new AtomicBoolean(true);

	@Override
	public void migrate(Context context) throws Exception {
		try (var statement = context.getConnection().createStatement()) {
			statement.execute("CREATE TABLE half_done (id BIGINT PRIMARY KEY)");
		}
		if (FAIL_NEXT.getAndSet(false)) {
			throw new IllegalStateException("simulated failure half-way through the tenant migrations");
		}
	}
}
