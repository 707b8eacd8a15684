package com.calldesk.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.problem.DomainException;
import com.calldesk.users.Role;
import com.calldesk.users.SignedInUser;

/**
 * Who may hear which recording, and the links that let them: supervisors and administrators every
 * call of their tenant, an agent the calls their seat took. Records live in the tenant's schema, so a
 * call of another tenant is not found (404) exactly like a call nobody has; a link that was altered,
 * is for somebody else or has expired is refused (403).
 */
@Service
public class Recordings {

	private final RecordingMapper mapper;

	private final RecordingFiles files;

	private final SignedLinks links;

	private final SeatOfUser seats;

	private final Clock clock;

	Recordings(RecordingMapper mapper, RecordingFiles files, SignedLinks links, SeatOfUser seats, Clock clock) {
		this.mapper = mapper;
		this.files = files;
		this.links = links;
		this.seats = seats;
		this.clock = clock;
	}

	/** What the streaming endpoint serves. */
	record Audio(Path file, String callId, RecordingUse use) {
	}

	/** A link the page puts in an audio element or a download button; handing it out is audited. */
	@Transactional
	public SignedLinks.Link link(SignedInUser me, String callId, RecordingUse use, String remote) {
		RecordingMapper.RecordedCall call = allowed(me, callId);
		mapper.audit(call.id(), me.userId(), me.username(), "LINK_" + use.name(), remote, clock.instant());
		return links.issue(me, callId, use, "/api/recordings/" + callId + "/audio");
	}

	/**
	 * Checks a link as it is opened, in this order: another tenant's (404), altered or for another
	 * user (403), expired (403), then the same rules as when it was handed out, which may have changed.
	 * {@code firstByte}: the request reads from the start, so it counts as a playback in the audit
	 * (seeks and the browser's follow-up ranges do not).
	 */
	@Transactional
	Audio open(SignedInUser me, String callId, long tenantId, long userId, String use, long expiresEpochS, String sig,
			boolean firstByte, String remote) {
		RecordingUse parsedUse = links.check(me, callId, tenantId, userId, use, expiresEpochS, sig,
				DomainException.notFound("call.not-found", callId));
		RecordingMapper.RecordedCall call = allowed(me, callId);
		Path file = files.of(me.tenantCode(), call.recording());
		if (file == null || !Files.isRegularFile(file)) {
			throw DomainException.notFound("recording.file-missing", callId);
		}
		if (firstByte) {
			mapper.audit(callId, me.userId(), me.username(), parsedUse.name(), remote, clock.instant());
		}
		return new Audio(file, callId, parsedUse);
	}

	@Transactional
	public void hold(SignedInUser me, String callId, boolean hold, String remote) {
		RecordingMapper.RecordedCall call = mapper.call(callId);
		if (call == null) {
			throw DomainException.notFound("call.not-found", callId);
		}
		mapper.setHold(callId, hold);
		mapper.audit(callId, me.userId(), me.username(), hold ? "HOLD" : "RELEASE", remote, clock.instant());
		if (!hold) {
			// a call released after the sweep passed it would otherwise keep its recording for ever
			Instant swept = mapper.sweptUntil();
			if (swept != null && call.offeredAt().isBefore(swept)) {
				mapper.sweptTo(call.offeredAt());
			}
		}
	}

	public List<RecordingMapper.RecordingAccess> accessOf(String callId) {
		if (mapper.call(callId) == null) {
			throw DomainException.notFound("call.not-found", callId);
		}
		return mapper.accessOf(callId);
	}

	private RecordingMapper.RecordedCall allowed(SignedInUser me, String callId) {
		RecordingMapper.RecordedCall call = callId == null || callId.length() > 36 ? null : mapper.call(callId);
		if (call == null) {
			throw DomainException.notFound("call.not-found", callId);
		}
		if (me.role() == Role.AGENT && !ownCall(me, call)) {
			throw new DomainException(HttpStatus.FORBIDDEN, "recording.not-yours", callId);
		}
		if (call.recording() == null) {
			if (call.recordingDeletedAt() != null) {
				throw new DomainException(HttpStatus.GONE, "recording.deleted", callId, call.recordingDeletedAt().toString());
			}
			throw DomainException.notFound("recording.none", callId);
		}
		return call;
	}

	private boolean ownCall(SignedInUser me, RecordingMapper.RecordedCall call) {
		String seat = seats.sipUsernameOf(me.userId());
		return seat != null && (seat.equals(call.seat()) || mapper.agentLegsOf(call.id(), seat) > 0);
	}

	/** Writes one line of a call's audio audit (a voicemail's playback is its call's too). */
	public void audit(SignedInUser me, String callId, String action, String remote) {
		mapper.audit(callId, me.userId(), me.username(), action, remote, clock.instant());
	}
}
