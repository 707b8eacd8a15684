package com.calldesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Real SIP peers (sipp, baresip) as child processes, always bounded in time. */
public final class Peers {

	private Peers() {
	}

	public static int freePort() {
		for (int attempt = 0; attempt < 20; attempt++) {
			try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
					ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
				return udp.getLocalPort();
			}
			catch (IOException taken) {
				// next
			}
		}
		throw new IllegalStateException("no free port");
	}

	/** Runs a sipp scenario from the test classpath once and returns sipp's exit code (0: every call passed). */
	public static int sipp(int serverPort, String scenario, String... extra) throws Exception {
		return finish(sippAsync(serverPort, scenario, Map.of(), extra));
	}

	/**
	 * Starts sipp with a scenario of the test classpath ({@code {name}} placeholders filled from
	 * {@code values}) or a built-in one ({@code "uac"}, {@code "uas"}); the caller waits with {@link #finish}.
	 */
	public static Process sippAsync(int serverPort, String scenario, Map<String, String> values, String... extra) throws Exception {
		List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + serverPort));
		if (scenario.endsWith(".xml")) {
			String text;
			try (InputStream in = Peers.class.getResourceAsStream("/sipp/" + scenario)) {
				text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("{" + value.getKey() + "}", value.getValue());
			}
			Path file = Files.createTempFile("sipp", ".xml");
			Files.writeString(file, text);
			command.addAll(List.of("-sf", file.toString()));
		}
		else {
			command.addAll(List.of("-sn", scenario));
		}
		command.addAll(List.of("-m", "1", "-timeout", "20s", "-timeout_error", "-nostdin"));
		if (!List.of(extra).contains("-i")) {
			command.addAll(List.of("-i", "127.0.0.1"));
		}
		if (!List.of(extra).contains("-p")) {
			command.addAll(List.of("-p", Integer.toString(freePort())));
		}
		command.addAll(List.of(extra));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Files.createTempFile("sipp", ".log").toFile()).start();
	}

	/** Waits for sipp (at most 40 s) and returns its exit code: 0 when every call passed. */
	public static int finish(Process sipp) throws InterruptedException {
		if (!sipp.waitFor(40, TimeUnit.SECONDS)) {
			sipp.destroyForcibly();
			throw new AssertionError("sipp did not finish in 40 s");
		}
		return sipp.exitValue();
	}

	/** Starts baresip with one account and no UI; the caller stops it. */
	public static Process baresip(String account) throws IOException {
		return baresip(account, null);
	}

	/**
	 * Starts baresip playing {@code tone} as its microphone (or nothing), on loopback only, with one
	 * account; {@code commands} (such as "/dial sip:…") run at start. The caller stops it.
	 */
	public static Process baresip(String account, Path tone, String... commands) throws IOException {
		return baresip(account, tone, List.of(), commands);
	}

	/**
	 * As {@link #baresip(String, Path, String...)}, listening for commands on UDP {@code consolePort}
	 * (baresip's cons module), so a test can press keys mid-call with {@link #console}.
	 */
	public static Process baresipWithConsole(String account, Path tone, int consolePort) throws IOException {
		return baresip(account, tone, List.of("module\t\t\tcons.so", "cons_listen\t\t127.0.0.1:" + consolePort));
	}

	/** Sends one command ("/transfer sip:…") to a baresip started with {@link #baresipWithConsole}. */
	public static void console(int consolePort, String command) throws IOException {
		byte[] text = (command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			socket.send(new java.net.DatagramPacket(text, text.length, InetAddress.getLoopbackAddress(), consolePort));
		}
	}

	private static Process baresip(String account, Path tone, List<String> extraConfig, String... commands) throws IOException {
		Path config = Files.createTempDirectory("baresip");
		// baresip binds TLS on the SIP port + 1: take a port whose neighbour is free too
		int port = freePort();
		while (!isFree(port + 1)) {
			port = freePort();
		}
		List<String> lines = new ArrayList<>(List.of("poll_method\t\tepoll", "sip_listen\t\t127.0.0.1:" + port,
				"net_interface\t\t127.0.0.1", "module_path\t\t/usr/lib/baresip/modules", "module\t\t\tg711.so", "module\t\t\taufile.so",
				"module_app\t\taccount.so", "module_app\t\tmenu.so", "audio_alert\t\taufile,/dev/null",
				"audio_player\t\taufile," + config.resolve("heard.wav")));
		if (tone != null) {
			lines.add("audio_source\t\taufile," + tone);
		}
		lines.addAll(extraConfig);
		Files.writeString(config.resolve("config"), String.join("\n", lines) + "\n");
		Files.writeString(config.resolve("accounts"), account + "\n");
		List<String> command = new ArrayList<>(List.of("baresip", "-f", config.toString()));
		for (String c : commands) {
			command.addAll(List.of("-e", c));
		}
		return new ProcessBuilder(command).directory(config.toFile()).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.redirectOutput(config.resolve("baresip.log").toFile()).start();
	}

	private static boolean isFree(int port) {
		try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress());
				ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	/**
	 * Waits until a peer started in the background has bound its UDP port, so a request sent now reaches
	 * it. Read from the kernel's socket table: trying to bind the port ourselves could take it from the peer.
	 */
	public static void awaitBound(int port) throws InterruptedException {
		String local = String.format(":%04X ", port);
		await(Duration.ofSeconds(10), "a peer to listen on UDP " + port, () -> {
			try {
				return Files.readAllLines(Path.of("/proc/net/udp")).stream().skip(1)
					.anyMatch(line -> line.strip().split("\\s+")[1].concat(" ").endsWith(local));
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	/** Waits until the condition holds, checking every 50 ms, failing after {@code limit}. */
	public static void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after " + limit + " waiting for " + what);
			}
			Thread.sleep(50);
		}
	}

}
