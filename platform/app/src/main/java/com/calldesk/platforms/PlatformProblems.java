package com.calldesk.platforms;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformException;
import com.calldesk.problem.DomainException;

/** A platform's refusal as a bilingual problem; the platform's own code and words go along as arguments. */
final class PlatformProblems {

	private PlatformProblems() {
	}

	/** The platform's name as an argument the message source renders in the reader's language (钉钉 / DingTalk). */
	static MessageSourceResolvable named(Platform platform) {
		return new DefaultMessageSourceResolvable(new String[] { "platform.name." + Connectors.slug(platform) }, platform.name());
	}

	/** At save time every refusal is the administrator's to fix: 400, except a platform that did not answer. */
	static DomainException atSave(Platform platform, PlatformException e) {
		String code = e.platformCode() == null ? "-" : e.platformCode();
		String said = e.getMessage() == null ? "" : e.getMessage();
		return switch (e.reason()) {
			case UNAVAILABLE -> new DomainException(HttpStatus.BAD_GATEWAY, "platform.check-unreachable", named(platform), said);
			case INVALID_CREDENTIALS -> DomainException.badRequest("platform.invalid-credentials", named(platform), code, said);
			default -> DomainException.badRequest("platform.check-failed", named(platform), code, said);
		};
	}

	/** At sign-in: the person is told whether to ask their administrator or to try again. */
	static DomainException atSignIn(Platform platform, PlatformException e) {
		return switch (e.reason()) {
			case FOREIGN_USER, USER_NOT_FOUND -> new DomainException(HttpStatus.FORBIDDEN, "platform.foreign-user", named(platform));
			case INVALID_CODE -> DomainException.badRequest("platform.code-invalid", named(platform));
			case UNAVAILABLE, RATE_LIMITED -> new DomainException(HttpStatus.BAD_GATEWAY, "platform.signin-unreachable", named(platform));
			default -> new DomainException(HttpStatus.BAD_GATEWAY, "platform.signin-failed", named(platform),
					e.platformCode() == null ? "-" : e.platformCode());
		};
	}
}
