package com.calldesk.telephony;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.calldesk.calls.CallCommand;
import com.calldesk.calls.CallCommands;
import com.calldesk.calls.CallView;
import com.calldesk.journal.OrderedWrites;
import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.TransferTarget;
import com.calldesk.tenancy.TenantContext;

/**
 * {@link CallCommands} whichever node receives the command: run here when this node carries the call,
 * sent to the node that does otherwise ({@link LiveCalls} says which), and when no node carries it, the
 * tenant's call record tells a call that ended (409) from one it never had (404).
 */
@Component
class CallRouter implements CallCommands {

	private final CallControl control;

	private final CallLog log;

	private final LiveCalls live;

	private final CommandRelay relay;

	private final SipNode node;

	private final CallRecords records;

	private final TenantDirectory tenants;

	private final OrderedWrites writes;

	CallRouter(CallControl control, CallLog log, LiveCalls live, CommandRelay relay, SipNode node, CallRecords records, TenantDirectory tenants,
			OrderedWrites writes) {
		this.writes = writes;
		this.control = control;
		this.log = log;
		this.live = live;
		this.relay = relay;
		this.node = node;
		this.records = records;
		this.tenants = tenants;
	}

	@Override
	public CallView execute(CallCommand command) {
		Optional<LiveCalls.LiveCall> found = live.find(command.tenantId(), command.callId());
		if (found.isPresent() && found.get().ended()) {
			throw DomainException.conflict("call.ended", command.callId());
		}
		if (found.isPresent() && !node.id().equals(found.get().call().node())) {
			return relay.send(found.get().call().node(), command);
		}
		// here, or so new that its entry is still on its way: this node is the one to ask first
		Optional<CallView> here = runHere(command);
		if (here.isPresent()) {
			return here.get();
		}
		CallRecord record = recordOf(command);
		if (record == null) {
			throw DomainException.notFound("call.not-found", command.callId());
		}
		if (record.getEndedAt() == null && record.getNode() != null && !node.id().equals(record.getNode()) && found.isEmpty()) {
			// the record is written before the call's live entry lands: it names the node too
			return relay.send(record.getNode(), command);
		}
		throw DomainException.conflict("call.ended", command.callId());
	}

	/** The command run on this node, which another node found to carry the call. */
	CallView executeHere(CallCommand command) {
		return runHere(command).orElseThrow(() -> notLive(command));
	}

	/** The command run on this node; empty when this node does not carry the call. */
	Optional<CallView> runHere(CallCommand command) {
		long tenant = command.tenantId();
		String id = command.callId();
		try {
			if (command instanceof CallCommand.HangUp) {
				return control.hangUp(tenant, id).map(log::viewOf).map(view -> written(id, view));
			}
			return Optional.of(written(id, log.viewOf(run(command, tenant, id))));
		}
		catch (DomainException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND && "call.transfer.call-not-found".equals(ex.code())) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** Answered once the call's record shows what the command did (its writes are off the SIP threads), 2 s at most. */
	private CallView written(String callId, CallView view) {
		writes.awaitWritten(callId, Duration.ofSeconds(2));
		return view;
	}

	private CallSnapshot run(CallCommand command, long tenant, String id) {
		if (command instanceof CallCommand.Hold) {
			return control.hold(tenant, id);
		}
		if (command instanceof CallCommand.Resume) {
			return control.resume(tenant, id);
		}
		if (command instanceof CallCommand.AnswerHint hint) {
			return control.answerHint(tenant, id, hint.seat());
		}
		if (command instanceof CallCommand.Transfer transfer) {
			return control.transfer(tenant, id, transfer.seat() != null ? TransferTarget.seat(transfer.seat()) : TransferTarget.number(transfer.number()));
		}
		if (command instanceof CallCommand.Consult consult) {
			return control.consult(tenant, id, consult.seat());
		}
		if (command instanceof CallCommand.CompleteConsult) {
			return control.completeConsult(tenant, id);
		}
		if (command instanceof CallCommand.CancelConsult) {
			return control.cancelConsult(tenant, id);
		}
		throw new IllegalArgumentException("Unknown call command " + command);
	}

	private DomainException notLive(CallCommand command) {
		return recordOf(command) == null ? DomainException.notFound("call.not-found", command.callId())
				: DomainException.conflict("call.ended", command.callId());
	}

	private CallRecord recordOf(CallCommand command) {
		Supplier<CallRecord> record = () -> records.find(command.callId());
		return TenantContext.call(tenants.scopeOf(tenants.require(command.tenantId())), record);
	}
}
