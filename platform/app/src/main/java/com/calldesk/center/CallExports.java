package com.calldesk.center;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.calldesk.problem.DomainException;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.users.SignedInUser;

/**
 * Excel exports of the call center's lists. Each is written on a small pool of its own, in chunks read
 * by the list's key (never OFFSET), into its tenant's folder; the user follows its progress and then
 * downloads the file, which is deleted after {@link ExportProperties#keep()}. One export per user at a
 * time, and a short queue: a node never writes more workbooks at once than it was sized for.
 */
@Component
class CallExports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CallExports.class);

	/** Rows read per query: large enough that the reads cost little, small enough to stop soon on cancel. */
	static final int CHUNK = 1_000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final CallLists lists;

	private final MessageSource messages;

	private final ExportProperties properties;

	private final Clock clock;

	private final Path root;

	private final ThreadPoolExecutor pool;

	private final Map<String, ExportJob> jobs = new ConcurrentHashMap<>();

	CallExports(CallLists lists, MessageSource messages, ExportProperties properties, Clock clock, Environment environment)
			throws IOException {
		this.lists = lists;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.root = (properties.dir() != null && !properties.dir().isBlank() ? Path.of(properties.dir())
				: Path.of(environment.getProperty("calldesk.data-dir", "./calldesk-data"), "exports")).toAbsolutePath().normalize();
		removeLeftovers();
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(properties.running(), properties.running(), 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, properties.waiting())), work -> {
					Thread thread = new Thread(work, "call-export-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/** Files of a previous run belong to jobs nobody can ask for any more. */
	private void removeLeftovers() throws IOException {
		if (Files.isDirectory(root)) {
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(Files::isRegularFile).forEach(CallExports::delete);
			}
		}
	}

	ExportJob.Progress start(SignedInUser me, CallListQuery query, Locale locale) {
		ExportJob job;
		synchronized (jobs) {
			if (jobs.values().stream().anyMatch(j -> j.isOf(me.tenantId(), me.userId()) && j.running())) {
				throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "center.export.running");
			}
			String id = UUID.randomUUID().toString();
			String tab = messages.getMessage("export.tab." + query.tab(), null, query.tab(), locale);
			String name = messages.getMessage("export.file", new Object[] { tab, DAY.format(query.fromDay()), DAY.format(query.toDay()) },
					locale);
			job = new ExportJob(id, me.tenantId(), me.userId(), name, root.resolve(me.tenantCode()).resolve(id + ".xlsx"), clock.instant());
			jobs.put(id, job);
		}
		try {
			pool.execute(() -> TenantContext.run(me.tenant(), () -> write(job, query, locale, me)));
		}
		catch (RejectedExecutionException e) {
			jobs.remove(job.id);
			throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "center.export.busy");
		}
		return job.progress();
	}

	private void write(ExportJob job, CallListQuery query, Locale locale, SignedInUser me) {
		Path part = job.file.resolveSibling(job.id + ".part");
		try {
			Set<String> numbers = lists.numbersOf(query);
			if (!job.writing(lists.count(query, numbers))) {
				return;
			}
			Files.createDirectories(part.getParent());
			try (CallSheet sheet = new CallSheet(messages, locale, query.tab(), properties.sheetRows())) {
				ListCursor after = null;
				List<CallLists.Line> lines;
				do {
					if (job.cancelled()) {
						return;
					}
					lines = lists.chunk(query, numbers, after, CHUNK);
					sheet.add(lines);
					job.written.addAndGet(lines.size());
					if (!lines.isEmpty()) {
						CallLists.Line last = lines.get(lines.size() - 1);
						after = new ListCursor(last.offeredAt(), last.id());
					}
				}
				while (lines.size() == CHUNK);
				try (OutputStream out = Files.newOutputStream(part)) {
					sheet.writeTo(out);
				}
			}
			Files.move(part, job.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			if (job.finish(ExportJob.State.DONE, clock.instant())) {
				log.info("Export {} of tenant {} by user {}: {} {}..{}, {} rows", job.id, me.tenantCode(), me.username(), query.tab(),
						query.fromDay(), query.toDay(), job.written.get());
			}
			else {
				delete(job.file);
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("Export {} of tenant {} failed", job.id, me.tenantCode(), e);
			job.finish(ExportJob.State.FAILED, clock.instant());
		}
		finally {
			delete(part);
		}
	}

	/** The user's own export; anybody else's, or one long gone, is not found. */
	ExportJob.Progress progress(SignedInUser me, String id) {
		return jobOf(me, id).progress();
	}

	/** The finished file with the name to download it as. */
	ExportJob file(SignedInUser me, String id) {
		ExportJob job = jobOf(me, id);
		if (job.state() != ExportJob.State.DONE || !Files.isRegularFile(job.file)) {
			throw DomainException.conflict("center.export.not-ready", job.state().name());
		}
		return job;
	}

	/** Stops a running export, or throws away a finished one: either way its file is deleted. */
	void discard(SignedInUser me, String id) {
		ExportJob job = jobOf(me, id);
		if (!job.finish(ExportJob.State.CANCELLED, clock.instant())) {
			jobs.remove(id);
		}
		delete(job.file);
	}

	private ExportJob jobOf(SignedInUser me, String id) {
		ExportJob job = id == null ? null : jobs.get(id);
		if (job == null || !job.isOf(me.tenantId(), me.userId())) {
			throw DomainException.notFound("center.export.not-found", id);
		}
		return job;
	}

	@Scheduled(fixedDelayString = "${calldesk.center.exports.sweep:60s}")
	void sweep() {
		Instant before = clock.instant().minus(properties.keep());
		jobs.values().removeIf(job -> {
			boolean expired = job.finishedAt() != null && job.finishedAt().isBefore(before);
			if (expired) {
				delete(job.file);
			}
			return expired;
		});
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not delete {}", file, e);
		}
	}

	@Override
	public void destroy() {
		jobs.values().forEach(job -> job.finish(ExportJob.State.CANCELLED, clock.instant()));
		pool.shutdownNow();
	}
}
