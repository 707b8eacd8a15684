package com.calldesk.calls;

/**
 * Call control as one interface, whichever node carries the call. {@link #execute} returns the call as it
 * stands after the command, or throws a {@link com.calldesk.problem.DomainException} that says why not: 404
 * for a call the tenant does not have, 409 for one that has ended or is not in a state for it.
 */
public interface CallCommands {

	CallView execute(CallCommand command);

	default CallView answerHint(long tenantId, String callId, String seat) {
		return execute(new CallCommand.AnswerHint(tenantId, callId, seat));
	}

	default CallView hangUp(long tenantId, String callId) {
		return execute(new CallCommand.HangUp(tenantId, callId));
	}

	default CallView hold(long tenantId, String callId) {
		return execute(new CallCommand.Hold(tenantId, callId));
	}

	default CallView resume(long tenantId, String callId) {
		return execute(new CallCommand.Resume(tenantId, callId));
	}

	default CallView transferToSeat(long tenantId, String callId, String seat) {
		return execute(new CallCommand.Transfer(tenantId, callId, seat, null));
	}

	default CallView transferToNumber(long tenantId, String callId, String number) {
		return execute(new CallCommand.Transfer(tenantId, callId, null, number));
	}

	default CallView consult(long tenantId, String callId, String seat) {
		return execute(new CallCommand.Consult(tenantId, callId, seat));
	}

	default CallView completeConsult(long tenantId, String callId) {
		return execute(new CallCommand.CompleteConsult(tenantId, callId));
	}

	default CallView cancelConsult(long tenantId, String callId) {
		return execute(new CallCommand.CancelConsult(tenantId, callId));
	}
}
