package com.calldesk.sip.calls;

import java.util.Optional;
import java.util.UUID;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;
import com.calldesk.sip.registrar.SeatAccount;
import com.calldesk.sip.registrar.SeatAuthentication;

/**
 * A seat calling a colleague (internal call): dialled by the colleague's SIP account or four-digit seat
 * number, within the caller's tenant only. The colleague must be free — claimed on the agent board like
 * an offer, so no customer is offered to them while they talk — and the call goes through the relay
 * like any other (recorded, transferable), but holds no trunk channel and is never billed. The
 * colleague sits on the relay's customer side.
 */
final class InternalCalls {

	private final B2bua b2bua;

	private final SeatAuthentication seats;

	private final Locations locations;

	private final CallDistribution distribution;

	private final ActiveCalls active;

	InternalCalls(B2bua b2bua, SeatAuthentication seats, Locations locations, CallDistribution distribution, ActiveCalls active) {
		this.b2bua = b2bua;
		this.seats = seats;
		this.locations = locations;
		this.distribution = distribution;
		this.active = active;
	}

	/** The colleague's seat {@code dialled} names in the caller's tenant, if it names one other than the caller's own. */
	Optional<String> colleague(SeatAccount caller, String dialled) {
		if (dialled == null) {
			return Optional.empty();
		}
		String account = dialled.matches("\\d{4}") ? "ss" + caller.tenantCode() + "ss" + dialled : dialled;
		return seats.seatOf(caller.tenantId(), account).map(SeatAccount::username).filter(seat -> !seat.equals(caller.username()));
	}

	void dial(ServerTransaction transaction, SeatAccount caller, String colleague, String dialled) throws Exception {
		Request invite = transaction.getRequest();
		Optional<Binding> phone = locations.of(colleague).stream().findFirst();
		if (phone.isEmpty()) {
			b2bua.endpoint().respond(transaction, invite, Response.TEMPORARILY_UNAVAILABLE);
			return;
		}
		if (b2bua.refusedTooShortSession(transaction, invite)) {
			return;
		}
		Call call = b2bua.admit(transaction, UUID.randomUUID().toString(), CallRoute.internal(caller.tenantId(), caller.tenantCode()), colleague,
				dialled);
		b2bua.assign(call, caller.username());
		if (active.onCall(colleague) || !distribution.claimColleague(call.snapshot(), colleague)) {
			b2bua.failIn(call, Leg.CUSTOMER, Response.BUSY_HERE, "colleague-busy");
			return;
		}
		String sdp = b2bua.openMedia(call);
		if (sdp != null) {
			b2bua.sendOut(call, AgentInvite.build(b2bua.endpoint(), call, colleague, phone.get().target(), sdp, caller.username()));
		}
	}
}
