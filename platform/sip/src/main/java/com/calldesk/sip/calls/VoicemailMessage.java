package com.calldesk.sip.calls;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A message a caller left: the mono WAV of what they said after the beep, when recording started,
 * why the call overflowed to voicemail ({@code closed}, {@code all-busy}…), and how the message ended:
 * {@code hash} (the caller pressed #), {@code limit} (the tenant's maximum length) or {@code hangup}.
 */
public record VoicemailMessage(Path file, Instant startedAt, String situation, String endedBy) {
}
