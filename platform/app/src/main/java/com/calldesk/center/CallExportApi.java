package com.calldesk.center;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.users.SignedInUser;

@Tag(name = "Call center", description = "呼叫中心 — Excel export of a filtered list")
@RestController
@RequestMapping("/api/center/exports")
class CallExportApi {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CallExports exports;

	private final CenterToday clock;

	CallExportApi(CallExports exports, CenterToday clock) {
		this.exports = exports;
		this.clock = clock;
	}

	/** The list's filters, as {@code GET /api/center/calls} takes them, and the language of the headings. */
	record Request(String tab, String from, String to, String seat, String number, Long customer,
			@Schema(description = "zh-CN (default) or en: the headings', sheet's and file's language") String language) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Starts an Excel export of one tab's filtered list (every page of it); follow it with GET until DONE, then "
			+ "download the file. One export per user at a time (429 while one runs)")
	ExportJob.Progress start(@RequestBody Request request, @AuthenticationPrincipal SignedInUser me) {
		CallListQuery query = CallListQuery.parse(request.tab(), request.from(), request.to(), request.seat(), request.number(),
				request.customer(), clock.today());
		Locale locale = request.language() != null && request.language().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
		return exports.start(me, query, locale);
	}

	@GetMapping("/{id}")
	@Operation(summary = "How the export stands: WAITING, WRITING (rows written of total), DONE, FAILED or CANCELLED")
	ExportJob.Progress progress(@PathVariable String id, @AuthenticationPrincipal SignedInUser me) {
		return exports.progress(me, id);
	}

	@GetMapping("/{id}/file")
	@Operation(summary = "The finished workbook (.xlsx), named after the tab and the days it covers")
	ResponseEntity<FileSystemResource> file(@PathVariable String id, @AuthenticationPrincipal SignedInUser me) {
		ExportJob job = exports.file(me, id);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(job.fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new FileSystemResource(job.file));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Cancels a running export or throws away a finished one; its file is deleted")
	void discard(@PathVariable String id, @AuthenticationPrincipal SignedInUser me) {
		exports.discard(me, id);
	}
}
