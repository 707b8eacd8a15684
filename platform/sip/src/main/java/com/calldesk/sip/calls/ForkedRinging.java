package com.calldesk.sip.calls;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;
import com.calldesk.sip.registrar.Binding;
import com.calldesk.sip.registrar.Locations;

/**
 * The ring-all strategy (F7): every claimed seat's phone rings at once with the same offer; the first
 * 200 takes the call and becomes its out leg, the others are cancelled (a 200 that crosses the CANCEL
 * is acknowledged and hung up) and their agents released without a no-answer. When every phone refuses
 * or the ring timeout passes, the call goes back to the ACD. Guarded by the call's lock.
 */
final class ForkedRinging {

	private static final Logger log = LoggerFactory.getLogger(ForkedRinging.class);

	private final B2bua b2bua;

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final Locations locations;

	private final CallDistribution distribution;

	private final CallLifecycle lifecycle;

	ForkedRinging(B2bua b2bua, SipEndpoint endpoint, Locations locations, CallDistribution distribution, CallLifecycle lifecycle) {
		this.b2bua = b2bua;
		this.lifecycle = lifecycle;
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.locations = locations;
		this.distribution = distribution;
	}

	/** The forks of one call: each ringing INVITE and its seat, and which have sent a provisional. */
	static final class Forks {

		final Map<ClientTransaction, String> seats = new LinkedHashMap<>();

		final Set<ClientTransaction> provisional = new HashSet<>();
	}

	/** Rings every seat that still has a phone; false (seats given back) when none could be rung. */
	boolean ring(Call call, List<String> seats) {
		Forks forks = new Forks();
		String sdp = call.inAnswered ? call.media.offerTo(Leg.AGENT) : call.agentOffer;
		// known as forks before any is sent: a phone's answer can come back before the loop ends
		call.forks = forks;
		for (String seat : seats) {
			call.triedSeats.add(seat);
			Optional<Binding> phone = locations.of(seat).stream().findFirst();
			if (phone.isEmpty()) {
				lifecycle.on(new CallStep.SeatNotAnswered(call.snapshot(), seat, "unreachable"));
				continue;
			}
			try {
				ClientTransaction transaction = endpoint.provider()
					.getNewClientTransaction(AgentInvite.build(endpoint, call, seat, phone.get().target(), sdp));
				LegRef agent = new LegRef(call, Leg.AGENT, b2bua);
				transaction.setApplicationData(agent);
				endpoint.provider().getNewDialog(transaction).setApplicationData(agent);
				forks.seats.put(transaction, seat);
				try {
					transaction.sendRequest();
				}
				catch (Exception ex) {
					forks.seats.remove(transaction);
					throw ex;
				}
			}
			catch (Exception ex) {
				log.warn("Ringing seat {} for call {} failed", seat, call.id(), ex);
				lifecycle.on(new CallStep.SeatNotAnswered(call.snapshot(), seat, "unreachable"));
			}
		}
		if (forks.seats.isEmpty()) {
			call.forks = null;
			return false;
		}
		call.waiting = false;
		call.outRingingTold = false;
		call.ringDeadline = b2bua.now().plus(distribution.ringTimeout(call.route().tenantId()));
		return true;
	}

	static boolean isFork(Call call, ResponseEvent event) {
		Forks forks = call.forks;
		return forks != null && forks.seats.containsKey(event.getClientTransaction());
	}

	/** A response on one fork: its ringing is relayed once, the first 200 wins, a refusal drops the fork. */
	void answered(Call call, ResponseEvent event) {
		synchronized (call) {
			Forks forks = call.forks;
			ClientTransaction transaction = event.getClientTransaction();
			if (forks == null || !forks.seats.containsKey(transaction)) {
				b2bua.outAnswered(call, event);
				return;
			}
			int status = event.getResponse().getStatusCode();
			if (status == Response.TRYING) {
				return;
			}
			if (status < 200) {
				boolean firstRing = !call.outRingingTold;
				if (forks.provisional.add(transaction)) {
					// each rung seat gets its own screen pop; the customer hears ringing once
					call.ringing();
					lifecycle.on(new CallStep.Ringing(call.snapshot().withSeat(forks.seats.get(transaction))));
					call.outRingingTold = true;
				}
				if (firstRing) {
					// the first phone to ring stands for all of them towards the customer (told above, so not told again)
					call.outSent(transaction, event.getDialog());
					b2bua.outAnswered(call, event);
					call.outGone();
				}
				return;
			}
			String seat = forks.seats.remove(transaction);
			if (status >= 300) {
				lifecycle.on(new CallStep.SeatNotAnswered(call.snapshot(), seat, SipIdioms.refusal(status)));
				if (forks.seats.isEmpty()) {
					call.forks = null;
					b2bua.inboundCalls().allForksFailed(call);
				}
				return;
			}
			cancelOthers(call, forks, true);
			call.forks = null;
			b2bua.assign(call, seat);
			call.outTalking(transaction, event.getDialog());
			b2bua.outAnswered(call, event);
		}
	}

	/** The ring timeout passed with no phone answering: each still ringing is cancelled and counts as not answering. */
	void timedOut(Call call) {
		synchronized (call) {
			Forks forks = call.forks;
			if (forks == null) {
				return;
			}
			call.forks = null;
			CallSnapshot snapshot = call.snapshot();
			List<String> seats = List.copyOf(forks.seats.values());
			cancelOthers(call, forks, false);
			seats.forEach(seat -> lifecycle.on(new CallStep.SeatNotAnswered(snapshot, seat, "no-answer")));
		}
	}

	/**
	 * Cancels every fork still ringing (the call ended, or another phone answered) and releases their agents.
	 * Under the call's lock, as {@link #answered} is: a fork's 180 is then either already known (its fork is
	 * cancelled here) or lands after the forks are gone (and is cancelled as a retired leg's first provisional).
	 */
	void cancelAll(Call call) {
		synchronized (call) {
			Forks forks = call.forks;
			if (forks == null) {
				return;
			}
			call.forks = null;
			cancelOthers(call, forks, true);
		}
	}

	private void cancelOthers(Call call, Forks forks, boolean release) {
		for (Map.Entry<ClientTransaction, String> fork : forks.seats.entrySet()) {
			if (forks.provisional.contains(fork.getKey())) {
				sip.cancel(fork.getKey(), "a ring-all fork of call " + call.id());
			}
			else {
				call.cancelOnProvisional.add(fork.getKey());
			}
			if (release) {
				lifecycle.on(new CallStep.SeatReleased(call.snapshot(), fork.getValue()));
			}
		}
		forks.seats.clear();
	}
}
