package com.calldesk.desk;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * Builds the screen pop (F18) of a call from its numbers: the caller's number and region, the
 * contact with that number and its customer (one statement through the unique index on
 * {@code contact_phone.e164}), and the matched customers' calls today, open events and open work
 * orders: five statements in one read-only transaction, each one index range. Built for the REST call
 * of the page and for the live channel alike.
 *
 * <p><b>Tenancy.</b> {@link #pop} takes the tenant explicitly and binds it itself, so it works on any
 * thread — a SIP or Redis listener thread that has no tenant bound — and restores whatever the thread
 * had when it returns. It then reads in one transaction, opened after the binding (a connection is
 * pointed at its schema when it leaves the pool). Do not call it inside a transaction of another
 * tenant: {@link TenantContext#bind} refuses with an {@link IllegalStateException}.
 */
@Service
public class ScreenPops {

	/** At most this many of the customer's calls today, newest first. */
	static final int CALLS_TODAY = 20;

	/** At most this many open events and as many open work orders, newest first. */
	static final int OPEN_RECORDS = 20;

	private final TenantDirectory tenants;

	private final ActivityMapper activity;

	private final Today today;

	private final TransactionTemplate reads;

	ScreenPops(TenantDirectory tenants, ActivityMapper activity, Today today, PlatformTransactionManager transactions) {
		this.tenants = tenants;
		this.activity = activity;
		this.today = today;
		// not read-only: on MySQL that costs two more round trips per pop for no gain in a few SELECTs
		this.reads = new TransactionTemplate(transactions);
	}

	/**
	 * The pop of call {@code callId} of tenant {@code tenantId}.
	 *
	 * @param customerNumber the caller (inbound) or callee (outbound) as on the call record; null for anonymous
	 * @param trunkNumber the tenant's trunk number the call came in on, E.164; may be null
	 * @param dialledNumber what the caller dialled (the 400 number or the trunk itself); null: the trunk number
	 */
	public ScreenPop pop(long tenantId, String callId, String customerNumber, String trunkNumber, String dialledNumber) {
		return TenantContext.call(scopeOf(tenantId), () -> reads.execute(tx -> build(callId, customerNumber, trunkNumber, dialledNumber)));
	}

	/** The current tenant's contacts with the caller's number: the pop's lookup (timed with the rest of the pop by bench/contact-lookup.sh). */
	List<PopMatch> matches(PhoneNumber caller) {
		return activity.matchesOf(caller.e164());
	}

	private ScreenPop build(String callId, String customerNumber, String trunkNumber, String dialledNumber) {
		PhoneNumber caller = PhoneNumbers.parse(customerNumber).orElse(null);
		List<PopMatch> matches = caller == null ? List.of() : matches(caller);
		List<Long> customerIds = matches.stream().map(PopMatch::customerId).filter(Objects::nonNull).distinct().toList();
		String dialled = dialledNumber != null && !dialledNumber.isBlank() ? dialledNumber : trunkNumber;
		return new ScreenPop(callId, caller, customerNumber, dialled, label(dialled), matches, callsToday(callId, customerNumber, customerIds),
				customerIds.isEmpty() ? List.of() : activity.eventsOf(customerIds, true, OPEN_RECORDS),
				customerIds.isEmpty() ? List.of() : activity.workOrdersOf(customerIds, true, OPEN_RECORDS));
	}

	/** Today's calls from the caller's number and every number of the matched customers, this call left out. */
	private List<PopCall> callsToday(String callId, String customerNumber, Collection<Long> customerIds) {
		Set<String> numbers = new LinkedHashSet<>(PhoneNumbers.spellings(customerNumber));
		if (!customerIds.isEmpty()) {
			activity.numbersOfCustomers(customerIds).forEach(n -> numbers.addAll(PhoneNumbers.spellings(n)));
		}
		if (numbers.isEmpty()) {
			return List.of();
		}
		Instant now = today.now();
		return activity.callsOfNumbers(numbers, today.start(), CALLS_TODAY + 1).stream()
			.filter(call -> !call.id().equals(callId))
			.limit(CALLS_TODAY)
			.map(call -> call.toPopCall(now))
			.toList();
	}

	/** The number as people write it (400 800 1234, 010 6234 5678), or as it came when it does not parse. */
	private static String label(String number) {
		return number == null ? null : PhoneNumbers.parse(number).map(PhoneNumber::national).orElse(number);
	}

	/** The thread's own tenant when it is this one (a request of its user), else the directory's (one primary-key read). */
	private TenantScope scopeOf(long tenantId) {
		return TenantContext.current().filter(scope -> scope.tenantId() == tenantId)
			.orElseGet(() -> tenants.scopeOf(tenants.require(tenantId)));
	}
}
