package com.calldesk.media;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a load harness for profiling the relay alone (no SIP). Opens N sessions and writes
 * "localA remoteA localB remoteB" lines for bench/media/rtpblast.c, then runs for the given seconds and
 * prints the relay's counters.
 * usage: RelayLoad calls seconds portsFile recordingsDir portMin  (-DrelayThreads=n)
 */
public final class RelayLoad {

	public static void main(String[] args) throws Exception {
		int calls = Integer.parseInt(args[0]);
		int seconds = Integer.parseInt(args[1]);
		int base = Integer.parseInt(args[4]);
		int threads = Integer.parseInt(System.getProperty("relayThreads", "0"));
		try (MediaRelay relay = new MediaRelay(new MediaSettings("127.0.0.1", "127.0.0.1", base, base + 4 * calls + 3, Duration.ofSeconds(60),
				Path.of(args[3]), threads))) {
			List<MediaSession> sessions = new ArrayList<>();
			try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2] + ".tmp")))) {
				for (int i = 0; i < calls; i++) {
					MediaSession session = relay.open("load-" + i, "bench");
					sessions.add(session);
					out.printf("%d %d %d %d%n", 41000 + 2 * i, session.customerPort(), 41000 + 2 * i + 1, session.agentPort());
				}
			}
			Files.move(Path.of(args[2] + ".tmp"), Path.of(args[2]));
			Thread.sleep(seconds * 1000L);
			long customer = sessions.stream().mapToLong(MediaSession::packetsFromCustomer).sum();
			long agent = sessions.stream().mapToLong(MediaSession::packetsFromAgent).sum();
			System.out.println("relay received customer " + customer + " agent " + agent + " recordingDrops " + relay.recordingDrops());
			System.out.println("STATS " + RelayLoad.stats(relay));
			sessions.forEach(MediaSession::close);
		}
	}

	static String stats(MediaRelay relay) {
		return "sendFailures " + relay.sendFailures() + " packetsReceived " + relay.packetsReceived() + " " + relay.relayThreadStats();
	}
}
