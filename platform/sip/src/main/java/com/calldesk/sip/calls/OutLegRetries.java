package com.calldesk.sip.calls;

import java.util.Optional;
import java.util.Set;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import gov.nist.javax.sip.header.extensions.MinSEHeader;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;

import com.calldesk.sip.SipEndpoint;

/**
 * Refusals of our INVITE that a second INVITE overcomes, each tried once per call: a gateway's digest
 * challenge (401/407, answered with its credentials by JAIN-SIP's AuthenticationHelper); 422 (asked
 * again with the peer's Min-SE); and a gateway refusing the display number (403, 503), tried with the
 * next display number that has a free channel. Anything else, or a second refusal, ends the call.
 */
final class OutLegRetries {

	/** What carriers answer when they will not present a caller ID (or its trunk is congested). */
	private static final Set<Integer> DISPLAY_NUMBER_REFUSED = Set.of(Response.FORBIDDEN, Response.SERVICE_UNAVAILABLE);

	private final B2bua b2bua;

	private final SipEndpoint endpoint;

	private final AuthenticationHelper digest;

	OutLegRetries(B2bua b2bua, SipEndpoint endpoint) {
		this.b2bua = b2bua;
		this.endpoint = endpoint;
		this.digest = ((SipStackExt) endpoint.provider().getSipStack()).getAuthenticationHelper(
				(transaction, realm) -> credentials(transaction, realm), endpoint.headers());
	}

	/** Called under the call's lock with a final refusal of the out leg; true when a new INVITE went out instead. */
	boolean retried(Call call, ResponseEvent event) throws Exception {
		Response refusal = event.getResponse();
		int status = refusal.getStatusCode();
		if (call.state() == CallState.ENDED || event.getClientTransaction() == null) {
			return false;
		}
		OutboundAttempt outbound = call.outbound;
		if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED) && outbound != null
				&& outbound.route().hasCredentials() && !outbound.challenged) {
			outbound.challenged = true;
			b2bua.resendOut(call, digest.handleChallenge(refusal, event.getClientTransaction(), endpoint.provider(), 5));
			return true;
		}
		if (status == B2bua.SESSION_INTERVAL_TOO_SMALL && !call.sessionRetried && SessionTimers.minSeOf(refusal) > 0) {
			call.sessionRetried = true;
			b2bua.resendOut(call, endpoint.provider().getNewClientTransaction(withInterval(event, SessionTimers.minSeOf(refusal))));
			return true;
		}
		if (DISPLAY_NUMBER_REFUSED.contains(status) && outbound != null) {
			Optional<OutboundRouting.DisplayNumberChoice> next = outbound.nextDisplay(b2bua.channels(), call.id());
			if (next.isPresent()) {
				call.reroute(call.route().through(outbound.route(), next.get()));
				outbound.challenged = false;
				b2bua.sendOut(call, GatewayInvite.build(endpoint, call, outbound.route(), next.get(), call.session(call.outLeg()).lastSdpSent));
				return true;
			}
		}
		return false;
	}

	/** The refused INVITE again, with the next CSeq, a new branch and the interval the peer asked for. */
	private Request withInterval(ResponseEvent event, int interval) throws Exception {
		Request again = (Request) event.getClientTransaction().getRequest().clone();
		CSeqHeader cseq = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
		cseq.setSeqNumber(cseq.getSeqNumber() + 1);
		((ViaHeader) again.getHeader(ViaHeader.NAME)).setBranch(endpoint.newBranch());
		again.setHeader(endpoint.headers().createHeader(SessionExpiresHeader.NAME, Integer.toString(interval)));
		again.setHeader(endpoint.headers().createHeader(MinSEHeader.NAME, Integer.toString(interval)));
		return again;
	}

	private static UserCredentials credentials(ClientTransaction challenged, String realm) {
		OutboundRouting.Route route = challenged.getApplicationData() instanceof LegRef ref && ref.call().outbound != null
				? ref.call().outbound.route() : null;
		return new UserCredentials() {
			@Override
			public String getUserName() {
				return route == null ? "" : route.username();
			}

			@Override
			public String getPassword() {
				return route == null ? "" : route.password();
			}

			@Override
			public String getSipDomain() {
				return realm;
			}
		};
	}
}
