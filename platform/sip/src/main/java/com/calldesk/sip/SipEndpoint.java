package com.calldesk.sip;

import java.net.InetAddress;
import java.text.ParseException;
import java.util.function.Consumer;

import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.message.SIPMessage;

/** What a handler needs to answer and to send: the provider and JAIN-SIP's factories. */
public final class SipEndpoint {

	private final SipProvider provider;

	private final MessageFactory messages;

	private final HeaderFactory headers;

	private final AddressFactory addresses;

	private final String host;

	private final int port;

	SipEndpoint(SipProvider provider, SipFactory factory, String host, int port) throws SipException {
		this.provider = provider;
		this.messages = factory.createMessageFactory();
		this.headers = factory.createHeaderFactory();
		this.addresses = factory.createAddressFactory();
		this.host = host;
		this.port = port;
	}

	public void respond(ServerTransaction transaction, Request request, int status) throws Exception {
		respond(transaction, request, status, response -> {
		});
	}

	/** Answers through the transaction (retransmissions absorbed) or statelessly when there is none. */
	public void respond(ServerTransaction transaction, Request request, int status, Customizer customizer) throws Exception {
		Response response = messages.createResponse(status, request);
		customizer.apply(response);
		if (transaction != null) {
			transaction.sendResponse(response);
		}
		else {
			provider.sendResponse(response);
		}
	}

	/** Sends a request outside any transaction; its answer arrives through the dispatcher's stateless path. */
	public void sendStateless(Request request) throws SipException {
		provider.sendRequest(request);
	}

	public SipProvider provider() {
		return provider;
	}

	public String newTag() {
		return Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
	}

	public String newCallId() {
		return provider.getNewCallId().getCallId();
	}

	public String newBranch() {
		return "z9hG4bK" + Long.toHexString(Double.doubleToLongBits(Math.random())) + Long.toHexString(System.nanoTime());
	}

	public MessageFactory messages() {
		return messages;
	}

	public HeaderFactory headers() {
		return headers;
	}

	public AddressFactory addresses() {
		return addresses;
	}

	public String host() {
		return host;
	}

	public int port() {
		return port;
	}

	/** Where a message really came from (behind NAT this is not what its Via or Contact say). */
	public static Source sourceOf(javax.sip.message.Message message) {
		SIPMessage sip = (SIPMessage) message;
		InetAddress address = sip.getRemoteAddress();
		String transport = sip.getTopmostVia() == null ? "UDP" : sip.getTopmostVia().getTransport().toUpperCase();
		return new Source(address == null ? "0.0.0.0" : address.getHostAddress(), sip.getRemotePort(), transport);
	}

	/** The network source of a message. */
	public record Source(String address, int port, String transport) {

		public String hostPort() {
			return address + ":" + port;
		}
	}

	/** Adds headers to a response before it is sent. */
	@FunctionalInterface
	public interface Customizer {

		void apply(Response response) throws ParseException, javax.sip.InvalidArgumentException, SipException;
	}

	/** Receives the answer to a stateless request. */
	public interface Replies extends Consumer<Response> {
	}
}
