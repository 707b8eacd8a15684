package com.calldesk.telephony;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.springframework.stereotype.Service;

import com.calldesk.problem.DomainException;

/**
 * A tenant's own recordings of the prompts (its voicemail greeting, its closed message…): checked to be
 * what the relay plays (8 kHz 16-bit mono PCM WAV) before they replace the shipped Mandarin ones, and
 * written whole, so a call never plays half an upload.
 */
@Service
public class TenantPrompts {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private final PromptLibrary library;

	TenantPrompts(PromptLibrary library) {
		this.library = library;
	}

	public List<PromptView> of(String tenantCode) {
		return PromptLibrary.SHIPPED.stream().map(name -> new PromptView(name, Files.isRegularFile(library.tenantFile(tenantCode, name))))
			.toList();
	}

	public PromptView upload(String tenantCode, String name, byte[] wav) {
		requireKnown(name);
		if (wav == null || wav.length > MAX_BYTES || !playable(wav)) {
			throw DomainException.badRequest("prompt.format");
		}
		Path target = library.tenantFile(tenantCode, name);
		try {
			Files.createDirectories(target.getParent());
			Path part = Files.createTempFile(target.getParent(), name, ".part");
			Files.write(part, wav);
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save prompt " + name + " of tenant " + tenantCode, ex);
		}
		return new PromptView(name, true);
	}

	/** Back to the shipped prompt. */
	public PromptView reset(String tenantCode, String name) {
		requireKnown(name);
		try {
			Files.deleteIfExists(library.tenantFile(tenantCode, name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove prompt " + name + " of tenant " + tenantCode, ex);
		}
		return new PromptView(name, false);
	}

	private static void requireKnown(String name) {
		if (!PromptLibrary.SHIPPED.contains(name)) {
			throw DomainException.notFound("prompt.unknown", name);
		}
	}

	private static boolean playable(byte[] wav) {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
			AudioFormat format = in.getFormat();
			return format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && format.getSampleRate() == 8000f
					&& format.getSampleSizeInBits() == 16 && format.getChannels() == 1 && !format.isBigEndian() && in.getFrameLength() > 0;
		}
		catch (UnsupportedAudioFileException | IOException ex) {
			return false;
		}
	}

	/** A prompt and whether the tenant has its own recording of it. */
	public record PromptView(String name, boolean own) {
	}
}
