package com.calldesk.problem;

import org.springframework.http.HttpStatus;

/** A refusal the user can act on; {@code code} keys the bilingual message, {@code args} fill it. */
public class DomainException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] args;

	public DomainException(HttpStatus status, String code, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		// ids are shown as typed: MessageFormat would print 999999 as "999,999"
		this.args = java.util.Arrays.stream(args).map(a -> a instanceof Number ? a.toString() : a).toArray();
	}

	public static DomainException badRequest(String code, Object... args) {
		return new DomainException(HttpStatus.BAD_REQUEST, code, args);
	}

	public static DomainException notFound(String code, Object... args) {
		return new DomainException(HttpStatus.NOT_FOUND, code, args);
	}

	public static DomainException conflict(String code, Object... args) {
		return new DomainException(HttpStatus.CONFLICT, code, args);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}
}
