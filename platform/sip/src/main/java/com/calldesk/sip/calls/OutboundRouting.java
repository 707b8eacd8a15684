package com.calldesk.sip.calls;

import java.util.List;

/** Where a seat's call to a number goes: implemented by the application over the platform schema. */
public interface OutboundRouting {

	Decision route(long tenantId, String dialled);

	/** The answer for one dialled number. */
	sealed interface Decision permits Route, Refused, RefusedWithPrompt {
	}

	/**
	 * Out through a gateway. {@code calledNumber} is the number as the gateway wants it dialled;
	 * {@code displayNumbers} are tried in order (region match first) until one has a free channel
	 * and the gateway takes it. {@code username} and {@code password} (null when the gateway has
	 * none) answer a digest challenge to our INVITE.
	 */
	record Route(String customerNumber, String calledNumber, String gatewayHost, int gatewayPort, String transport, long gatewayId,
			int gatewayChannels, List<DisplayNumberChoice> displayNumbers, String username, String password) implements Decision {

		String gatewayChannelKey() {
			return "gateway:" + gatewayId;
		}

		boolean hasCredentials() {
			return username != null && password != null;
		}

		@Override
		public String toString() {
			return "Route[" + calledNumber + " via " + gatewayHost + ":" + gatewayPort + "]";
		}
	}

	/** Not allowed or not possible, with the SIP status to answer and a reason for the record. */
	record Refused(int status, String reason) implements Decision {
	}

	/**
	 * Not allowed, and worth telling the seat why (the tenant's balance is exhausted): the call gets a
	 * record ending with {@code reason}; CallDesk answers the phone with the relay and plays
	 * {@code prompt}, then hangs up. Without anchored media (or after a late offer) the INVITE is
	 * answered {@code status} with {@code warning} (text for the phone's display) in a Warning header.
	 */
	record RefusedWithPrompt(String customerNumber, int status, String reason, String prompt, String warning) implements Decision {
	}

	/** A display number (外显号码): E.164 for the record, as dialled for the From, and its channel cap. */
	record DisplayNumberChoice(long id, String number, String asDialled, int channels) {

		String channelKey() {
			return channelKeyOf(id);
		}

		/**
		 * The channel lease key of display number {@code id}, for calls out on it and callbacks to it alike;
		 * public so that the agent web can say which number a call would show before it is placed.
		 */
		public static String channelKeyOf(long id) {
			return "display:" + id;
		}
	}
}
