package com.calldesk.voicemail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import com.calldesk.sip.calls.CallSnapshot;
import com.calldesk.sip.calls.VoicemailMessage;

/**
 * The current tenant's voicemail box: files each message a caller left (the call center page lists,
 * plays and handles them). A message under a second (the caller hung up at the beep) holds nothing to
 * listen to and is not kept.
 */
@Service
public class VoicemailBox {

	private static final Logger log = LoggerFactory.getLogger(VoicemailBox.class);

	static final Duration SHORTEST = Duration.ofSeconds(1);

	private final VoicemailMapper voicemails;

	VoicemailBox(VoicemailMapper voicemails) {
		this.voicemails = voicemails;
	}

	/** Files a message of {@code call}; empty when there was nothing to keep. Runs in the call's tenant scope. */
	public Optional<Voicemail> file(CallSnapshot call, VoicemailMessage message) {
		Duration length = lengthOf(message.file());
		if (length.compareTo(SHORTEST) < 0) {
			deleteQuietly(message.file());
			return Optional.empty();
		}
		Voicemail voicemail = new Voicemail();
		voicemail.setCallId(call.callId());
		voicemail.setCustomerNumber(call.customerNumber());
		voicemail.setDialledNumber(call.dialledNumber());
		voicemail.setSituation(message.situation());
		voicemail.setEndedBy(message.endedBy());
		voicemail.setRecordedAt(message.startedAt());
		voicemail.setDurationMs((int) length.toMillis());
		voicemail.setFile(message.file().toAbsolutePath().toString());
		voicemails.insert(voicemail);
		return Optional.of(voicemail);
	}

	static Duration lengthOf(Path wav) {
		try {
			AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
			if (format.getFrameLength() <= 0 || format.getFormat().getFrameRate() <= 0) {
				return Duration.ZERO;
			}
			return Duration.ofMillis((long) (format.getFrameLength() * 1000 / format.getFormat().getFrameRate()));
		}
		catch (IOException | UnsupportedAudioFileException ex) {
			log.warn("Voicemail {} unreadable", wav, ex);
			return Duration.ZERO;
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.debug("Could not delete the empty voicemail {}", file, ex);
		}
	}
}
