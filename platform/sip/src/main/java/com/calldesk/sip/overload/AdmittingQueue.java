package com.calldesk.sip.overload;

import java.net.DatagramPacket;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;

/**
 * The UDP processor's queue with admission at its door: the reading thread offers every datagram
 * here, and a new INVITE or REGISTER the node has no room for is answered 503 on the spot instead of
 * waiting its turn. Everything else is the stack's own queue, which its congestion auditor still
 * watches.
 */
final class AdmittingQueue extends AbstractQueue<DatagramQueuedMessageDispatch> implements BlockingQueue<DatagramQueuedMessageDispatch> {

	private final BlockingQueue<DatagramQueuedMessageDispatch> queue;

	private final DatagramAdmission admission;

	private final Consumer<DatagramPacket> send;

	private final int retryAfterSeconds;

	AdmittingQueue(BlockingQueue<DatagramQueuedMessageDispatch> queue, DatagramAdmission admission, Consumer<DatagramPacket> send,
			int retryAfterSeconds) {
		this.queue = queue;
		this.admission = admission;
		this.send = send;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * Call-IDs of the INVITEs and REGISTERs let in during the last minute (a transaction's lifetime): their
	 * retransmissions, and the request sent again with credentials, belong to work already taken on and
	 * are never refused, or a caller whose INVITE waited would get a 503 for a call in progress. Read and
	 * written by the reading thread only.
	 */
	private final Map<String, Long> admitted = new LinkedHashMap<>();

	private static final long REMEMBER_NANOS = 64_000_000_000L;

	private static final int REMEMBER_MAX = 200_000;

	@Override
	public boolean offer(DatagramQueuedMessageDispatch dispatch) {
		DatagramPacket packet = dispatch.packet;
		StatelessRefusal.NewRequest request = StatelessRefusal.newInviteOrRegister(packet.getData(), packet.getOffset(), packet.getLength());
		if (request != null && !admitted(request.callId())) {
			byte[] refusal = StatelessRefusal.serviceUnavailable(packet.getData(), packet.getOffset(), packet.getLength(),
					retryAfterSeconds, Long.toHexString(ThreadLocalRandom.current().nextLong()));
			if (refusal != null) {
				send.accept(new DatagramPacket(refusal, refusal.length, packet.getSocketAddress()));
			}
			return true;
		}
		return queue.offer(dispatch);
	}

	/** Whether a new INVITE or REGISTER with this Call-ID joins the queue: one already taken on always does. */
	private boolean admitted(String callId) {
		long now = System.nanoTime();
		if (callId != null && admitted.containsKey(callId)) {
			return true;
		}
		if (!admission.admitsNew(queue.size())) {
			return false;
		}
		if (callId != null) {
			admitted.put(callId, now);
			var oldest = admitted.entrySet().iterator();
			while (oldest.hasNext()) {
				var entry = oldest.next();
				if (admitted.size() <= REMEMBER_MAX && now - entry.getValue() < REMEMBER_NANOS) {
					break;
				}
				oldest.remove();
			}
		}
		return true;
	}

	@Override
	public DatagramQueuedMessageDispatch take() throws InterruptedException {
		DatagramQueuedMessageDispatch taken = queue.take();
		admission.taken();
		return taken;
	}

	@Override
	public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit) throws InterruptedException {
		DatagramQueuedMessageDispatch taken = queue.poll(timeout, unit);
		if (taken != null) {
			admission.taken();
		}
		return taken;
	}

	@Override
	public DatagramQueuedMessageDispatch poll() {
		DatagramQueuedMessageDispatch taken = queue.poll();
		if (taken != null) {
			admission.taken();
		}
		return taken;
	}

	@Override
	public DatagramQueuedMessageDispatch peek() {
		return queue.peek();
	}

	@Override
	public void put(DatagramQueuedMessageDispatch dispatch) throws InterruptedException {
		offer(dispatch);
	}

	@Override
	public boolean offer(DatagramQueuedMessageDispatch dispatch, long timeout, TimeUnit unit) {
		return offer(dispatch);
	}

	@Override
	public int remainingCapacity() {
		return queue.remainingCapacity();
	}

	@Override
	public int drainTo(Collection<? super DatagramQueuedMessageDispatch> to) {
		return queue.drainTo(to);
	}

	@Override
	public int drainTo(Collection<? super DatagramQueuedMessageDispatch> to, int max) {
		return queue.drainTo(to, max);
	}

	@Override
	public Iterator<DatagramQueuedMessageDispatch> iterator() {
		return queue.iterator();
	}

	@Override
	public int size() {
		return queue.size();
	}
}
