package com.calldesk.sip.overload;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * Named in {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}: UDP listening points get
 * {@link AdmittingUdpProcessor}, the rest what the stack makes by default. The stack creates the
 * factory by its class name, so the admission of each stack is found here by the stack's name.
 */
public final class AdmittingProcessorFactory implements MessageProcessorFactory {

	private static final Map<String, Registration> STACKS = new ConcurrentHashMap<>();

	private final MessageProcessorFactory standard = new OIOMessageProcessorFactory();

	record Registration(DatagramAdmission admission, int retryAfterSeconds) {
	}

	/** What the stack named {@code stackName} admits; registered before the stack is created, dropped when it stops. */
	public static void register(String stackName, DatagramAdmission admission, int retryAfterSeconds) {
		STACKS.put(stackName, new Registration(admission, retryAfterSeconds));
	}

	public static void unregister(String stackName) {
		STACKS.remove(stackName);
	}

	/**
	 * What the stack's own factory does with a UDP processor it makes: without this package-private flag
	 * the stack sends every UDP message from a new socket of its own, closed at once, so the answers
	 * (sent back to the source port) would never arrive.
	 */
	private static void markUdp(SIPTransactionStack stack) {
		try {
			java.lang.reflect.Field udp = SIPTransactionStack.class.getDeclaredField("udpFlag");
			udp.setAccessible(true);
			udp.setBoolean(stack, true);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("This JAIN-SIP version has no udpFlag: the admitting UDP processor cannot be used", ex);
		}
	}

	@Override
	public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port, String transport)
			throws IOException {
		Registration registration = stack instanceof SipStackImpl named ? STACKS.get(named.getStackName()) : null;
		if (registration != null && "UDP".equalsIgnoreCase(transport)) {
			AdmittingUdpProcessor processor = new AdmittingUdpProcessor(address, stack, port, registration.admission(),
					registration.retryAfterSeconds());
			markUdp(stack);
			return processor;
		}
		return standard.createMessageProcessor(stack, address, port, transport);
	}
}
