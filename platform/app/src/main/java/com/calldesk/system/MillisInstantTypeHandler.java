package com.calldesk.system;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.ServerSession;

/**
 * Instants into DATETIME(3) with their milliseconds on every server. Connector/J judges from the
 * server's version whether it keeps fractional seconds, and MariaDB introduces itself as
 * "5.5.5-10.x", older than MySQL 5.6.4, so the driver cuts every bound timestamp to the second: call
 * times lose their milliseconds, and a page cursor carrying them skips the other calls of that
 * second. For such a server the instant goes as text, written in the session's time zone as the
 * driver would have written it; everywhere else it is bound as the timestamp it is.
 */
final class MillisInstantTypeHandler extends BaseTypeHandler<Instant> {

	private static final DateTimeFormatter DATETIME_3 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	@Override
	public void setNonNullParameter(PreparedStatement statement, int index, Instant instant, JdbcType jdbcType) throws SQLException {
		ServerSession server = secondsOnlyServer(statement.getConnection());
		if (server != null) {
			statement.setString(index, DATETIME_3.format(instant.atZone(server.getSessionTimeZone().toZoneId())));
		}
		else {
			statement.setTimestamp(index, Timestamp.from(instant));
		}
	}

	/** The session of a Connector/J connection to a server it believes drops fractions, else null. */
	private static ServerSession secondsOnlyServer(Connection connection) throws SQLException {
		if (!connection.isWrapperFor(JdbcConnection.class)) {
			return null;
		}
		ServerSession server = connection.unwrap(JdbcConnection.class).getSession().getServerSession();
		return server.getCapabilities().serverSupportsFracSecs() ? null : server;
	}

	@Override
	public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
		return instant(rs.getTimestamp(columnName));
	}

	@Override
	public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
		return instant(rs.getTimestamp(columnIndex));
	}

	@Override
	public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
		return instant(cs.getTimestamp(columnIndex));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
