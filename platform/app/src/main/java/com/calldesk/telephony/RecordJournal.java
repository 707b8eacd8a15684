package com.calldesk.telephony;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.calldesk.sip.calls.CallSnapshot;

/**
 * The node's write-ahead journal of call records. Each step of a call is appended here, on the SIP
 * thread, before its database write is queued ({@link CallRecordSteps}): one {@code write(2)} per step,
 * which lands in the kernel's page cache and so survives the JVM being killed. A segment is deleted
 * once every step in it is committed; what is left at the next start (the node was killed, or the
 * database was away) is replayed into the records before SIP starts taking calls.
 */
final class RecordJournal implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RecordJournal.class);

	private static final long SEGMENT_BYTES = 4L << 20;

	private final Path dir;

	/** The node's name in segment names: its id, or the id and an instance number when another process of it runs. */
	private final String node;

	private final JsonMapper json;

	private final List<Path> leftOver;

	private Segment current;

	private int nextNumber;

	/** One step as the journal keeps it. */
	record Entry(String kind, long seq, CallSnapshot call) {
	}

	/** Held while this journal is in use: a second process (or context) of the same node takes the next name. */
	private final FileChannel lockFile;

	private final FileLock lock;

	RecordJournal(Path dir, String node, JsonMapper json) {
		this.dir = dir;
		this.json = json;
		try {
			Files.createDirectories(dir);
			String base = node.replaceAll("[^A-Za-z0-9._-]", "_");
			String name = base;
			FileChannel channel = null;
			FileLock held = null;
			for (int instance = 1; held == null; instance++) {
				channel = FileChannel.open(dir.resolve("calls-" + name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				try {
					held = channel.tryLock();
				}
				catch (OverlappingFileLockException inThisJvm) {
					held = null;
				}
				if (held == null) {
					channel.close();
					name = base + "~" + instance;
				}
			}
			this.node = name;
			this.lockFile = channel;
			this.lock = held;
			this.leftOver = segments();
			this.nextNumber = leftOver.stream().mapToInt(this::numberOf).max().orElse(0) + 1;
			this.current = open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The call record journal cannot be opened in " + dir, ex);
		}
	}

	/** A segment of the journal: deleted when it is full and every step in it is committed. */
	final class Segment {

		final Path file;

		final FileOutputStream out;

		final AtomicInteger pending = new AtomicInteger();

		long bytes;

		volatile boolean sealed;

		Segment(Path file) throws IOException {
			this.file = file;
			this.out = new FileOutputStream(file.toFile(), true);
		}

		/** The step appended to this segment is in the database now. */
		void committed() {
			if (pending.decrementAndGet() == 0 && sealed) {
				delete(this);
			}
		}
	}

	/** Appends one step; the returned segment is told when the step is committed. */
	Segment append(String kind, long seq, CallSnapshot call) {
		byte[] line = (json.writeValueAsString(new Entry(kind, seq, call)) + "\n").getBytes(StandardCharsets.UTF_8);
		synchronized (this) {
			Segment segment = current;
			try {
				segment.out.write(line);
			}
			catch (IOException ex) {
				// the database write still goes ahead; only a crash before it commits would lose this step
				log.error("Call record journal {} not written for call {}", segment.file, call.callId(), ex);
			}
			segment.pending.incrementAndGet();
			segment.bytes += line.length;
			if (segment.bytes >= SEGMENT_BYTES) {
				rotate();
			}
			return segment;
		}
	}

	/**
	 * The last step of each call in the segments an earlier run of this node left, or empty. The files
	 * stay until {@link #forgetLeftOver()}, so a start that fails while replaying replays again.
	 */
	Collection<Entry> leftOverSteps() {
		Map<String, Entry> last = new LinkedHashMap<>();
		for (Path file : leftOver) {
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.isBlank()) {
						continue;
					}
					Entry entry;
					try {
						entry = json.readValue(line, Entry.class);
					}
					catch (RuntimeException torn) {
						// the last line of a segment may be cut short by the kill; an earlier step of the call stands
						log.warn("Skipping an unreadable line of {}", file);
						continue;
					}
					last.merge(entry.call().callId(), entry, (a, b) -> b.seq() >= a.seq() ? b : a);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The call record journal " + file + " cannot be read", ex);
			}
		}
		return last.values();
	}

	void forgetLeftOver() {
		leftOver.forEach(file -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Replayed journal segment {} not deleted", file, ex);
			}
		});
		leftOver.clear();
	}

	/** Steps still being written when the journal closes are retired as they commit; the last one deletes the segment. */
	@Override
	public synchronized void close() {
		seal(current);
		try {
			lock.release();
			lockFile.close();
		}
		catch (IOException ex) {
			log.debug("Releasing the journal lock in {}: {}", dir, ex.toString());
		}
	}

	/** Lets go of the journal as a killed process does: the lock released, every file left as it is (tests). */
	synchronized void abandon() throws IOException {
		current.out.close();
		lock.release();
		lockFile.close();
	}

	private void rotate() {
		Segment full = current;
		try {
			current = open();
		}
		catch (IOException ex) {
			log.error("New call record journal segment not opened in {}; the current one grows", dir, ex);
			return;
		}
		seal(full);
	}

	/** No more steps go to {@code segment}; it is deleted now, or by the commit of its last pending step. */
	private void seal(Segment segment) {
		segment.sealed = true;
		try {
			segment.out.close();
		}
		catch (IOException ex) {
			log.debug("Closing {}: {}", segment.file, ex.toString());
		}
		if (segment.pending.get() == 0) {
			delete(segment);
		}
	}

	private Segment open() throws IOException {
		return new Segment(dir.resolve(String.format("calls-%s-%08d.journal", node, nextNumber++)));
	}

	private void delete(Segment segment) {
		try {
			Files.deleteIfExists(segment.file);
		}
		catch (IOException ex) {
			log.warn("Journal segment {} not deleted", segment.file, ex);
		}
	}

	private List<Path> segments() throws IOException {
		Pattern ours = Pattern.compile("calls-" + Pattern.quote(node) + "-[0-9]{8}\\.journal");
		try (Stream<Path> files = Files.list(dir)) {
			return new ArrayList<>(files.filter(f -> ours.matcher(f.getFileName().toString()).matches()).sorted().toList());
		}
	}

	private int numberOf(Path file) {
		String name = file.getFileName().toString();
		try {
			return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.length() - ".journal".length()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
