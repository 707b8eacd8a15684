package com.calldesk.platforms;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.problem.DomainException;
import com.calldesk.tenancy.TenantContext;

/**
 * WeCom's 可信域名 check: the tenant's administrator uploads the {@code WW_verify_<code>.txt} WeCom gives
 * them, and the application serves it at its root for WeCom to fetch. A name another tenant uploaded
 * is not theirs to replace.
 */
@Service
public class DomainVerifications {

	static final Pattern NAME = Pattern.compile("WW_verify_[A-Za-z0-9]{1,40}\\.txt");

	private final DomainVerificationMapper files;

	private final Clock clock;

	DomainVerifications(DomainVerificationMapper files, Clock clock) {
		this.files = files;
		this.clock = clock;
	}

	public List<DomainVerificationMapper.Row> own() {
		return files.ofTenant(TenantContext.require().tenantId());
	}

	@Transactional
	public void upload(String fileName, String content, String by) {
		String name = fileName == null ? "" : fileName.strip();
		String text = content == null ? "" : content.strip();
		if (!NAME.matcher(name).matches()) {
			throw DomainException.badRequest("platform.verify-file-name", name);
		}
		if (text.isEmpty() || text.length() > 128 || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			throw DomainException.badRequest("platform.verify-file-content");
		}
		try {
			files.insert(name, text, TenantContext.require().tenantId(), by, clock.instant());
		}
		catch (DuplicateKeyException taken) {
			throw DomainException.conflict("platform.verify-file-taken", name);
		}
	}

	@Transactional
	public void delete(String fileName) {
		if (files.delete(fileName, TenantContext.require().tenantId()) == 0) {
			throw DomainException.notFound("platform.verify-file-not-found", fileName);
		}
	}

	Optional<String> served(String fileName) {
		return NAME.matcher(fileName).matches() ? Optional.ofNullable(files.content(fileName)) : Optional.empty();
	}

	/** The files at the domain's root, for WeCom's crawler: no session, nothing but the text. */
	@RestController
	static class AtTheRoot {

		private final DomainVerifications verifications;

		AtTheRoot(DomainVerifications verifications) {
			this.verifications = verifications;
		}

		@GetMapping("/WW_verify_{code}.txt")
		ResponseEntity<String> file(@PathVariable String code) {
			return verifications.served("WW_verify_" + code + ".txt")
				.map(text -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text))
				.orElseGet(() -> ResponseEntity.notFound().build());
		}
	}
}
