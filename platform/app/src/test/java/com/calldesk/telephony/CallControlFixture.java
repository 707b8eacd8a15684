package com.calldesk.telephony;

import com.calldesk.support.Written;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.calldesk.acd.AcdJournal;
import com.calldesk.acd.AgentDesk;
import com.calldesk.calls.CallEvent;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.support.CtiCapture;
import com.calldesk.support.Peers;
import com.calldesk.support.QueueTenants;
import com.calldesk.support.QueueTenants.Queue;
import com.calldesk.support.Sessions;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

/**
 * What the call-control tests with real peers share: the web commands, a tenant opened with seats
 * registered by sipp, its records and journals, and the CTI events heard. Each test class keeps its
 * own SIP port and database, so their application contexts never share a port.
 */
@AutoConfigureMockMvc
@Import({ CtiCapture.class, QueueTenants.class })
abstract class CallControlFixture {

	@Autowired
	com.calldesk.journal.OrderedWrites writes;

	@Autowired
	com.calldesk.sip.calls.ActiveCalls active;

	@Autowired
	MockMvc mvc;

	@Autowired
	QueueTenants tenants;

	@Autowired
	TenantDirectory directory;

	@Autowired
	CallRecords records;

	@Autowired
	AgentDesk desk;

	@Autowired
	AcdJournal journal;

	@Autowired
	List<CallEvent> cti;

	TenantScope scope(Queue queue) {
		return directory.activeByCode(queue.code()).orElseThrow();
	}

	CallRecord record(Queue queue, String callId) {
		Written.queued(writes);
		return TenantContext.call(scope(queue), () -> records.find(callId));
	}

	/** The tenant's latest record, once every call on the node has ended and its writes have landed. */
	CallRecord latest(Queue queue) {
		Written.settled(active, writes);
		return TenantContext.call(scope(queue), () -> records.latest());
	}

	List<CallLeg> legs(Queue queue, String callId) {
		Written.queued(writes);
		return TenantContext.call(scope(queue), () -> records.legsOf(callId));
	}

	MockHttpSession adminOf(Queue queue) throws Exception {
		return Sessions.tenantUser(mvc, queue.code(), queue.adminUsername(), queue.adminPassword());
	}

	/** The id of the tenant's first answered call, once it is. */
	String awaitAnswered(Queue queue) throws InterruptedException {
		Peers.await(Duration.ofSeconds(10), "the call to be answered",
				() -> cti.stream().anyMatch(e -> e instanceof CallEvent.CallAnswered a && a.call().tenantId() == queue.tenantId()));
		return cti.stream().filter(e -> e instanceof CallEvent.CallAnswered a && a.call().tenantId() == queue.tenantId()).findFirst()
			.orElseThrow().call().callId();
	}
}
