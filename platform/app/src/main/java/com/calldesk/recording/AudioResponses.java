package com.calldesk.recording;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A WAV served through a signed link: inline to play or as a named file to save, never cached. */
public final class AudioResponses {

	private AudioResponses() {
	}

	/** Byte ranges are answered by Spring from the resource, so the player can seek. */
	public static ResponseEntity<Resource> wav(Path file, RecordingUse use, String fileName) {
		ContentDisposition disposition = (use == RecordingUse.DOWNLOAD ? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(fileName, StandardCharsets.UTF_8).build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("audio/wav"))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new FileSystemResource(file));
	}
}
