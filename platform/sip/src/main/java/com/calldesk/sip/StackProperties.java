package com.calldesk.sip;

import java.util.Properties;

/**
 * JAIN-SIP RI 1.3.0-91 settings for a server. The stack's defaults are unsafe: a thread per UDP
 * datagram, one listener thread for everything, automatic dialogs, unbounded messages and
 * transactions that can live forever. Each line below closes one of those.
 */
final class StackProperties {

	private StackProperties() {
	}

	static Properties of(String name, SipSettings settings) {
		Properties p = new Properties();
		p.setProperty("javax.sip.STACK_NAME", name);
		p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
		p.setProperty("gov.nist.javax.sip.IS_BACK_TO_BACK_USER_AGENT", "true");
		p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(settings.threads()));
		// several threads may call the listener at once; it must be thread-safe and never block
		p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
		// UDP datagrams pass our admission before they join the stack's queue (sip.overload)
		p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", com.calldesk.sip.overload.AdmittingProcessorFactory.class.getName());
		p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.maxMessageBytes()));
		// a GC pause at thousands of datagrams a second overflows a small socket buffer; the kernel
		// caps this at net.core.rmem_max (docs/operations.md)
		p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "4194304");
		p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "1048576");
		// a datagram that waited this long in the stack's queue has been retransmitted behind it:
		// dropping it sheds overload where our admission control cannot see it (default 8 s)
		p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "2000");
		p.setProperty("gov.nist.javax.sip.MAX_LISTENER_RESPONSE_TIME", "8");
		p.setProperty("gov.nist.javax.sip.MAX_TX_LIFETIME_INVITE", "300");
		p.setProperty("gov.nist.javax.sip.MAX_TX_LIFETIME_NON_INVITE", "60");
		p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "8");
		p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "10000");
		p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "2000");
		p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
		p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
		p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
		p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
		p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "gov.nist.core.LogWriter");
		p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", "gov.nist.javax.sip.stack.ServerLog");
		return p;
	}
}
