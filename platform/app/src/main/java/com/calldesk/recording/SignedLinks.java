package com.calldesk.recording;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.calldesk.problem.DomainException;
import com.calldesk.users.SignedInUser;

/**
 * Short-lived links to a tenant's audio — a call's recording, a caller's voicemail — signed for one
 * user, one subject and one use. The subject names what the link opens ({@code call id},
 * {@code voicemail:<id>}), so a link to one kind of audio never opens another.
 */
@Component
public class SignedLinks {

	/** A link the page puts in an audio element or a download button. */
	public record Link(String url, Instant expiresAt) {
	}

	private final LinkSignature signature;

	private final RecordingProperties properties;

	private final Clock clock;

	SignedLinks(RecordingProperties properties, Clock clock) {
		this.signature = new LinkSignature(properties.linkKey());
		this.properties = properties;
		this.clock = clock;
	}

	/** A link to {@code path} that opens {@code subject} for the user, valid for {@code calldesk.recordings.link-ttl}. */
	public Link issue(SignedInUser me, String subject, RecordingUse use, String path) {
		Instant expires = clock.instant().plus(properties.linkTtl()).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
		String sig = signature.sign(me.tenantId(), subject, me.userId(), use, expires);
		return new Link(path + "?t=" + me.tenantId() + "&u=" + me.userId() + "&use=" + use.name() + "&exp=" + expires.getEpochSecond()
				+ "&sig=" + sig, expires);
	}

	/**
	 * Checks a link as it is opened, in this order: another tenant's ({@code notFound}), altered or for
	 * another user (403 {@code recording.link-invalid}), expired (403 {@code recording.link-expired}).
	 * @return what the link was issued for
	 */
	public RecordingUse check(SignedInUser me, String subject, long tenantId, long userId, String use, long expiresEpochS, String sig,
			DomainException notFound) {
		if (tenantId != me.tenantId()) {
			throw notFound;
		}
		RecordingUse parsed = parse(use);
		Instant expires = Instant.ofEpochSecond(expiresEpochS);
		if (parsed == null || !signature.verify(tenantId, subject, userId, parsed, expires, sig) || userId != me.userId()) {
			throw new DomainException(HttpStatus.FORBIDDEN, "recording.link-invalid");
		}
		if (!clock.instant().isBefore(expires)) {
			throw new DomainException(HttpStatus.FORBIDDEN, "recording.link-expired");
		}
		return parsed;
	}

	private static RecordingUse parse(String use) {
		try {
			return use == null ? null : RecordingUse.valueOf(use);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
