package com.calldesk.desk;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Read-only views, in the current tenant's schema, of the tables of telephony ({@code call_record},
 * {@code call_leg}) and crm ({@code contact}, {@code contact_phone}, {@code service_event},
 * {@code work_order}) that the pop and the history need in one indexed query each (the owners'
 * services read one row or one page at a time). Nothing here writes: changes go through the owners.
 */
@Mapper
interface ActivityMapper {

	String CALL_COLUMNS = "id, direction, customer_number, seat, offered_at, answered_at, ended_at";

	/** Calls with any of these numbers since {@code since} (index {@code ix_call_record_customer}). */
	@Select("<script>SELECT " + CALL_COLUMNS + " FROM call_record WHERE customer_number IN "
			+ "<foreach collection='numbers' item='n' open='(' separator=',' close=')'>#{n}</foreach> "
			+ "AND offered_at &gt;= #{since} ORDER BY offered_at DESC LIMIT #{limit}</script>")
	List<CallRow> callsOfNumbers(@Param("numbers") Collection<String> numbers, @Param("since") Instant since, @Param("limit") int limit);

	/** Calls whose record names this seat (index {@code ix_call_record_seat}). */
	@Select("SELECT " + CALL_COLUMNS + " FROM call_record WHERE seat = #{seat} AND offered_at >= #{since} "
			+ "ORDER BY offered_at DESC LIMIT #{limit}")
	List<CallRow> callsOfSeat(@Param("seat") String seat, @Param("since") Instant since, @Param("limit") int limit);

	/** Calls that had a leg to this seat, e.g. taken and then transferred on (index {@code ix_call_leg_party}). */
	@Select("SELECT DISTINCT call_id FROM call_leg WHERE party = #{seat} AND kind = 'AGENT' AND started_at >= #{since}")
	List<String> callsWithLegTo(@Param("seat") String seat, @Param("since") Instant since);

	@Select("<script>SELECT " + CALL_COLUMNS + " FROM call_record WHERE id IN "
			+ "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
	List<CallRow> calls(@Param("ids") Collection<String> ids);

	/**
	 * The contact with this E.164 number and its customer, in one statement (the unique index on
	 * {@code contact_phone.e164}, then two primary keys): the pop's first read, on the ringing path.
	 */
	@Select("SELECT c.id AS contact_id, c.name AS contact_name, u.id AS customer_id, u.name AS customer_name FROM contact_phone p "
			+ "JOIN contact c ON c.id = p.contact_id JOIN customer u ON u.id = c.customer_id WHERE p.e164 = #{e164}")
	List<PopMatch> matchesOf(@Param("e164") String e164);

	/** Every number of every contact of these customers, in E.164. */
	@Select("<script>SELECT p.e164 FROM contact c JOIN contact_phone p ON p.contact_id = c.id WHERE c.customer_id IN "
			+ "<foreach collection='customerIds' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
	List<String> numbersOfCustomers(@Param("customerIds") Collection<Long> customerIds);

	@Select("<script>SELECT id, title, status, created_at FROM service_event WHERE customer_id IN "
			+ "<foreach collection='customerIds' item='id' open='(' separator=',' close=')'>#{id}</foreach> "
			+ "<if test='openOnly'>AND status &lt;&gt; 'CLOSED' </if>ORDER BY id DESC LIMIT #{limit}</script>")
	List<PopEvent> eventsOf(@Param("customerIds") Collection<Long> customerIds, @Param("openOnly") boolean openOnly,
			@Param("limit") int limit);

	@Select("<script>SELECT id, title, status, priority, created_at FROM work_order WHERE customer_id IN "
			+ "<foreach collection='customerIds' item='id' open='(' separator=',' close=')'>#{id}</foreach> "
			+ "<if test='openOnly'>AND status IN ('OPEN', 'IN_PROGRESS') </if>ORDER BY id DESC LIMIT #{limit}</script>")
	List<PopWorkOrder> workOrdersOf(@Param("customerIds") Collection<Long> customerIds, @Param("openOnly") boolean openOnly,
			@Param("limit") int limit);

	@Select("<script>SELECT id, title, status, created_at FROM service_event WHERE id IN "
			+ "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY id</script>")
	List<PopEvent> events(@Param("ids") Collection<Long> ids);

	@Select("<script>SELECT id, title, status, priority, created_at FROM work_order WHERE id IN "
			+ "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY id</script>")
	List<PopWorkOrder> workOrders(@Param("ids") Collection<Long> ids);
}
