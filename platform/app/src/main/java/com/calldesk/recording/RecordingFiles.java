package com.calldesk.recording;

import java.nio.file.Path;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.calldesk.telephony.MediaProperties;

/**
 * Where a tenant's recordings may be: under the recordings folder, in the tenant's own folder. A path
 * on a record that points anywhere else is not served, whatever wrote it there.
 */
@Component
public class RecordingFiles {

	private final Path root;

	RecordingFiles(MediaProperties media, Environment environment) {
		Path configured = media.recordingsDir() != null ? media.recordingsDir()
				: Path.of(environment.getProperty("calldesk.data-dir", "./calldesk-data"), "recordings");
		this.root = configured.toAbsolutePath().normalize();
	}

	/** The recording's file if it lies in the tenant's folder, else null. */
	public Path of(String tenantCode, String recording) {
		if (recording == null || tenantCode == null || tenantCode.isBlank()) {
			return null;
		}
		Path folder = root.resolve(tenantCode).normalize();
		Path file = Path.of(recording).toAbsolutePath().normalize();
		return file.startsWith(folder) && !file.equals(folder) ? file : null;
	}
}
