package com.calldesk.problem;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a REST controller into an {@link ApiError} with both languages. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private final BilingualMessages messages = new BilingualMessages();

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ApiError> domain(DomainException ex) {
		return error(ex.status(), ex.code(), List.of(), ex.args());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(MethodArgumentNotValidException ex) {
		List<ApiError.FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
			.map(f -> new ApiError.FieldProblem(f.getField(), messages.zh(fieldCode(f.getCode()), f.getField()),
					messages.en(fieldCode(f.getCode()), f.getField())))
			.toList();
		return error(HttpStatus.BAD_REQUEST, "request.invalid", fields);
	}

	@ExceptionHandler({ ConstraintViolationException.class, HandlerMethodValidationException.class,
			MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ApiError> badParameter(Exception ex) {
		return error(HttpStatus.BAD_REQUEST, "request.invalid", List.of());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "request.malformed", List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException ex) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "request.method", List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noResource(NoResourceFoundException ex) {
		return error(HttpStatus.NOT_FOUND, "resource.not-found", List.of());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ApiError> duplicate(DuplicateKeyException ex) {
		return error(HttpStatus.CONFLICT, "resource.duplicate", List.of());
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ResponseEntity<ApiError> denied(Exception ex) {
		return error(HttpStatus.FORBIDDEN, "access.denied", List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex) {
		log.error("Unexpected API failure", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", List.of());
	}

	private ResponseEntity<ApiError> error(HttpStatus status, String code, List<ApiError.FieldProblem> fields,
			Object... args) {
		return ResponseEntity.status(status)
			.body(new ApiError(status.value(), code, messages.zh(code, args), messages.en(code, args), fields));
	}

	private static String fieldCode(String constraint) {
		return "field." + (constraint == null ? "invalid" : constraint);
	}
}
