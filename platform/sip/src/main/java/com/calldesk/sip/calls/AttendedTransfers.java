package com.calldesk.sip.calls;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.calldesk.sip.SipEndpoint;

/**
 * A phone's own attended transfer (REFER with Replaces, RFC 3891): the agent talks to a colleague on a
 * call between colleagues, then transfers the customer to them. The colleague's phone is moved onto the
 * customer's relay session by re-INVITE (as a consult-transfer does), the agent is let go on both
 * calls, the call between colleagues ends as replaced, and the customer — possibly left on hold by the
 * agent's phone — is offered media again. Refusals leave both calls as they were (NOTIFY 603).
 */
final class AttendedTransfers {

	private static final Logger log = LoggerFactory.getLogger(AttendedTransfers.class);

	private final B2bua b2bua;

	private final CallLifecycle lifecycle;

	private final SipEndpoint endpoint;

	private final SipIdioms sip;

	private final CallDistribution distribution;

	private final ActiveCalls active;

	AttendedTransfers(B2bua b2bua, SipEndpoint endpoint, CallDistribution distribution, ActiveCalls active, CallLifecycle lifecycle) {
		this.lifecycle = lifecycle;
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.sip = new SipIdioms(endpoint);
		this.distribution = distribution;
		this.active = active;
	}

	/** Called after the REFER was accepted (202); {@code report} sends the NOTIFY with the outcome. */
	void transfer(Call call, String replaces, java.util.function.Consumer<String> report) {
		String replacedCallId = URLDecoder.decode(replaces, StandardCharsets.UTF_8).split(";", 2)[0].strip();
		Call colleagueCall = active.byAgentDialog(replacedCallId);
		String colleague;
		Dialog colleagueDialog;
		ClientTransaction colleagueInvite;
		if (colleagueCall == null || colleagueCall == call) {
			report.accept("SIP/2.0 481 Call Does Not Exist");
			return;
		}
		synchronized (colleagueCall) {
			CallSnapshot replaced = colleagueCall.snapshot();
			if (!"INTERNAL".equals(replaced.direction()) || replaced.state() != CallState.ANSWERED || replaced.tenantId() != call.route().tenantId()
					|| replaced.seat() == null || !replaced.seat().equals(call.seat()) || colleagueCall.outDialog() == null) {
				report.accept("SIP/2.0 603 Declined");
				return;
			}
			colleague = replaced.customerNumber();
			colleagueDialog = colleagueCall.outDialog();
			colleagueInvite = colleagueCall.outInvite();
		}
		synchronized (call) {
			if (call.state() != CallState.ANSWERED || call.transfer != null || call.consult != null || call.reinviting) {
				report.accept("SIP/2.0 603 Declined");
				return;
			}
			String customerSpeaks = call.session(Leg.CUSTOMER).lastSdpSent;
			try {
				String offer = customerSpeaks != null ? call.media.offerLike(Leg.AGENT, customerSpeaks) : call.media.offerTo(Leg.AGENT);
				call.reinviting = true;
				OurReinvite.send(endpoint, call, colleagueDialog, offer, answer -> {
					call.reinviting = false;
					if (answer == null || answer.getStatusCode() >= 300 || answer.getRawContent() == null) {
						report.accept("SIP/2.0 603 Declined");
						return;
					}
					call.relaySdp(Leg.AGENT, new String(answer.getRawContent(), StandardCharsets.UTF_8));
					report.accept("SIP/2.0 200 OK");
					handOver(call, colleagueCall, colleague, colleagueDialog, colleagueInvite);
				});
			}
			catch (Exception ex) {
				call.reinviting = false;
				log.warn("Attended transfer of call {} failed", call.id(), ex);
				report.accept("SIP/2.0 500 Server Internal Error");
			}
		}
	}

	private void handOver(Call call, Call colleagueCall, String colleague, Dialog colleagueDialog, ClientTransaction colleagueInvite) {
		String fromSeat = call.seat();
		letGo(call.dialogOf(Leg.AGENT));
		synchronized (colleagueCall) {
			letGo(colleagueCall.inDialog);
			colleagueCall.outGone();
		}
		b2bua.finish(colleagueCall, null, "replaced", 0);
		colleagueDialog.setApplicationData(new LegRef(call, Leg.AGENT, b2bua));
		if (call.outLeg() == Leg.AGENT) {
			call.outTalking(colleagueInvite, colleagueDialog);
		}
		else {
			call.inDialog = colleagueDialog;
		}
		call.closeAgentLeg(b2bua.now());
		if (fromSeat != null) {
			lifecycle.on(new CallStep.SeatHandedOver(call.snapshot(), fromSeat));
		}
		active.assign(call, colleague);
		distribution.claimForTransfer(call.snapshot(), colleague);
		call.agentLegAnsweredAt = b2bua.now();
		lifecycle.on(new CallStep.Transferred(call.snapshot(), CallStep.Transferred.How.ATTENDED));
		offHold(call);
	}

	/** The agent's phone may have put the customer on hold before transferring: offer the customer media both ways again. */
	private void offHold(Call call) {
		String customerSpeaks = call.session(Leg.CUSTOMER).lastSdpSent;
		if (customerSpeaks == null) {
			return;
		}
		try {
			String offer = call.media.offerLike(Leg.CUSTOMER, customerSpeaks);
			call.session(Leg.CUSTOMER).lastSdpSent = offer;
			OurReinvite.send(endpoint, call, call.dialogOf(Leg.CUSTOMER), offer, answer -> {
				if (answer != null && answer.getStatusCode() < 300 && answer.getRawContent() != null) {
					call.relaySdp(Leg.CUSTOMER, new String(answer.getRawContent(), StandardCharsets.UTF_8));
				}
			});
		}
		catch (Exception ex) {
			log.debug("Taking the customer of call {} off hold failed: {}", call.id(), ex.toString());
		}
	}

	private void letGo(Dialog agent) {
		if (agent == null) {
			return;
		}
		agent.setApplicationData(Transfers.LET_GO);
		try {
			sip.bye(agent);
		}
		catch (Exception ex) {
			log.debug("BYE to a transferring agent failed: {}", ex.toString());
		}
	}
}
