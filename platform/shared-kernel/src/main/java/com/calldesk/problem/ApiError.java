package com.calldesk.problem;

import java.util.List;

/** The body of every 4xx/5xx answer of the REST API. */
public record ApiError(int status, String code, String message, String messageEn, List<FieldProblem> fields) {

	public record FieldProblem(String field, String message, String messageEn) {
	}
}
