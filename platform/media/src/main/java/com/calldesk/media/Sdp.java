package com.calldesk.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Just enough SDP (RFC 4566) for a relaying B2BUA with audio only: read where the audio goes and in
 * which codecs, and write the same offer or answer pointing at the relay, with only the codecs the
 * relay can record (PCMU, PCMA) and telephone-event for DTMF.
 */
public final class Sdp {

	private static final Set<String> ICE = Set.of("candidate", "ice-ufrag", "ice-pwd", "ice-options", "ice-lite", "ice-mismatch",
			"remote-candidates", "end-of-candidates");

	private static final Set<String> PER_FORMAT = Set.of("rtpmap", "fmtp", "rtcp-fb");

	private final List<String> lines;

	private final int audioLine;

	private final int audioPort;

	private final String audioProto;

	private final List<Integer> payloadTypes;

	private final Map<Integer, String> rtpmaps;

	private final String connectionAddress;

	private Sdp(List<String> lines, int audioLine, int audioPort, String audioProto, List<Integer> payloadTypes, Map<Integer, String> rtpmaps,
			String connectionAddress) {
		this.lines = lines;
		this.audioLine = audioLine;
		this.audioPort = audioPort;
		this.audioProto = audioProto;
		this.payloadTypes = payloadTypes;
		this.rtpmaps = rtpmaps;
		this.connectionAddress = connectionAddress;
	}

	/**
	 * The relay's own offer, for a leg whose peer sent an INVITE without one (late offer): what the
	 * relay can carry without transcoding — PCMU, PCMA and RFC 4733 telephone-events — at {@code port}.
	 */
	public static String offer(String address, int port, long sessionId) {
		return of(address, port, sessionId, G711.PCMU, G711.PCMA, 101);
	}

	/**
	 * The relay's SDP with exactly these formats: PCMU/PCMA by their static numbers, and the last one
	 * as telephone-event when it is dynamic (≥ 96). An answer names one G.711 codec (the relay does
	 * not transcode) and the offer's telephone-event number.
	 */
	public static String of(String address, int port, long sessionId, int... payloadTypes) {
		String ip = address.contains(":") ? "IP6 " : "IP4 ";
		StringBuilder sdp = new StringBuilder("v=0\r\n")
			.append("o=CallDesk ").append(sessionId).append(" 1 IN ").append(ip).append(address).append("\r\n")
			.append("s=CallDesk\r\n")
			.append("c=IN ").append(ip).append(address).append("\r\n")
			.append("t=0 0\r\n")
			.append("m=audio ").append(port).append(" RTP/AVP");
		for (int pt : payloadTypes) {
			sdp.append(' ').append(pt);
		}
		sdp.append("\r\n");
		for (int pt : payloadTypes) {
			if (pt == G711.PCMU) {
				sdp.append("a=rtpmap:0 PCMU/8000\r\n");
			}
			else if (pt == G711.PCMA) {
				sdp.append("a=rtpmap:8 PCMA/8000\r\n");
			}
			else if (pt >= 96) {
				sdp.append("a=rtpmap:").append(pt).append(" telephone-event/8000\r\n").append("a=fmtp:").append(pt).append(" 0-16\r\n");
			}
		}
		return sdp.append("a=ptime:20\r\na=sendrecv\r\n").toString();
	}

	/** The first G.711 codec of this offer, in its order of preference. */
	public int preferredG711() {
		return payloadTypes.stream().filter(pt -> pt == G711.PCMU || pt == G711.PCMA).findFirst()
			.orElseThrow(() -> new IllegalStateException("no PCMU or PCMA offered"));
	}

	/** The offer's telephone-event format number, or -1. */
	public int telephoneEvent() {
		return payloadTypes.stream().filter(pt -> pt >= 96 && "telephone-event/8000".equalsIgnoreCase(rtpmaps.getOrDefault(pt, "")))
			.findFirst().orElse(-1);
	}

	/** @throws IllegalArgumentException when the text is not SDP or offers no audio */
	public static Sdp parse(String sdp) {
		if (sdp == null) {
			throw new IllegalArgumentException("no SDP");
		}
		List<String> lines = new ArrayList<>();
		for (String line : sdp.split("\r\n|\n|\r")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty()) {
				if (trimmed.length() < 2 || trimmed.charAt(1) != '=') {
					throw new IllegalArgumentException("not SDP: " + trimmed);
				}
				lines.add(trimmed);
			}
		}
		if (lines.isEmpty() || !lines.get(0).startsWith("v=")) {
			throw new IllegalArgumentException("not SDP: no v= line first");
		}
		int audioLine = -1;
		String sessionAddress = null;
		String audioAddress = null;
		Map<Integer, String> rtpmaps = new HashMap<>();
		boolean seenMedia = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.startsWith("m=")) {
				if (audioLine >= 0) {
					break;
				}
				seenMedia = true;
				audioLine = line.startsWith("m=audio ") ? i : -1;
			}
			else if (line.startsWith("c=") && !seenMedia) {
				sessionAddress = address(line);
			}
			else if (line.startsWith("c=") && audioLine >= 0) {
				audioAddress = address(line);
			}
			else if (line.startsWith("a=rtpmap:") && audioLine >= 0) {
				String[] parts = line.substring("a=rtpmap:".length()).split("\\s+", 2);
				if (parts.length == 2 && isNumber(parts[0])) {
					rtpmaps.put(Integer.parseInt(parts[0]), parts[1].strip());
				}
			}
		}
		if (audioLine < 0) {
			throw new IllegalArgumentException("SDP offers no audio");
		}
		String[] media = lines.get(audioLine).split("\\s+");
		if (media.length < 3 || !isNumber(media[1].split("/")[0])) {
			throw new IllegalArgumentException("bad media line: " + lines.get(audioLine));
		}
		List<Integer> payloadTypes = new ArrayList<>();
		for (int i = 3; i < media.length; i++) {
			if (isNumber(media[i])) {
				payloadTypes.add(Integer.parseInt(media[i]));
			}
		}
		return new Sdp(List.copyOf(lines), audioLine, Integer.parseInt(media[1].split("/")[0]), media[2], Collections.unmodifiableList(payloadTypes),
				Map.copyOf(rtpmaps), audioAddress != null ? audioAddress : sessionAddress);
	}

	/** The address the audio comes from and goes to (media level, else session level); null if none. */
	public String connectionAddress() {
		return connectionAddress;
	}

	/** 0 means the audio stream is refused or disabled. */
	public int audioPort() {
		return audioPort;
	}

	public List<Integer> payloadTypes() {
		return payloadTypes;
	}

	/** PCMU or PCMA offered on a live stream: the relay can carry and record the call. */
	public boolean hasUsableCodec() {
		return audioPort != 0 && (payloadTypes.contains(G711.PCMU) || payloadTypes.contains(G711.PCMA));
	}

	/**
	 * The same SDP pointing at the relay. Besides c= and the audio port: other codecs are dropped
	 * with their attributes, ICE and a=rtcp are dropped (they would lead the far end around the
	 * relay), and other media streams are refused with port 0 (the relay carries audio only). The o=
	 * line is left as it is; bumping its version for a changed re-offer is the B2BUA's business.
	 *
	 * @throws IllegalStateException when nothing usable is left ({@link #hasUsableCodec()} is false)
	 */
	public String rewrite(String address, int port) {
		Set<Integer> kept = payloadTypes.stream().filter(this::keep).collect(Collectors.toSet());
		if (!kept.contains(G711.PCMU) && !kept.contains(G711.PCMA)) {
			throw new IllegalStateException("no PCMU or PCMA to keep");
		}
		String connection = "c=IN " + (address.contains(":") ? "IP6 " : "IP4 ") + address;
		boolean anyConnection = lines.stream().anyMatch(line -> line.startsWith("c="));
		StringBuilder out = new StringBuilder();
		boolean inAudio = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.startsWith("m=")) {
				inAudio = i == audioLine;
			}
			if (i == audioLine) {
				out.append(audioMediaLine(port, kept)).append("\r\n");
				if (!anyConnection) {
					out.append(connection).append("\r\n");
				}
			}
			else if (line.startsWith("m=")) {
				out.append(refused(line)).append("\r\n");
			}
			else if (line.startsWith("c=")) {
				out.append(connection).append("\r\n");
			}
			else if (!dropped(line, inAudio, kept)) {
				out.append(line).append("\r\n");
			}
		}
		return out.toString();
	}

	private boolean keep(int payloadType) {
		return payloadType == G711.PCMU || payloadType == G711.PCMA
				|| (payloadType >= 96 && "telephone-event/8000".equalsIgnoreCase(rtpmaps.getOrDefault(payloadType, "")));
	}

	private String audioMediaLine(int port, Set<Integer> kept) {
		StringBuilder line = new StringBuilder("m=audio ").append(port).append(' ').append(audioProto);
		payloadTypes.stream().filter(kept::contains).forEach(pt -> line.append(' ').append(pt));
		return line.toString();
	}

	private static String refused(String mediaLine) {
		String[] parts = mediaLine.split("\\s+", 3);
		return parts.length < 3 ? mediaLine : parts[0] + " 0 " + parts[2];
	}

	private static boolean dropped(String line, boolean inAudio, Set<Integer> kept) {
		if (!line.startsWith("a=")) {
			return false;
		}
		int colon = line.indexOf(':');
		String name = (colon < 0 ? line.substring(2) : line.substring(2, colon)).toLowerCase(Locale.ROOT);
		if (ICE.contains(name) || (inAudio && name.equals("rtcp"))) {
			return true;
		}
		if (inAudio && colon > 0 && PER_FORMAT.contains(name)) {
			String format = line.substring(colon + 1).split("\\s+", 2)[0];
			// "*" (rtcp-fb for every format) stays; a number stays only if its format does
			return !format.equals("*") && (!isNumber(format) || !kept.contains(Integer.parseInt(format)));
		}
		return false;
	}

	private static String address(String connectionLine) {
		String[] parts = connectionLine.substring(2).strip().split("\\s+");
		return parts.length < 3 ? null : parts[2].split("/")[0];
	}

	private static boolean isNumber(String text) {
		return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit);
	}
}
