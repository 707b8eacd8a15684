package com.calldesk.telephony;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

import com.calldesk.calls.CallCommand;
import com.calldesk.calls.CallView;
import com.calldesk.problem.DomainException;

/**
 * Request and reply between nodes over Redis pub/sub: a node listens on {@code <prefix>commands:<node>}
 * for commands and on {@code <prefix>replies:<node>} for the answers to its own. A refusal travels as its
 * status, code and arguments, so the agent reads the same bilingual message whichever node answered.
 * Commands are run off the Redis listener thread: a transfer may take a while and must not hold up replies.
 */
final class RedisCommandRelay implements CommandRelay, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisCommandRelay.class);

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	record Request(String id, String replyTo, CallCommand command) {
	}

	record Reply(String id, CallView call, int status, String code, String[] args) {
	}

	private final RedissonClient redisson;

	private final String prefix;

	private final String node;

	private final JsonMapper json;

	private final Map<String, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();

	private final RTopic commands;

	private final RTopic replies;

	private final int commandListener;

	private final int replyListener;

	private final ExecutorService runner = java.util.concurrent.Executors.newCachedThreadPool(r -> {
		Thread thread = new Thread(r, "call-commands");
		thread.setDaemon(true);
		return thread;
	});

	RedisCommandRelay(RedissonClient redisson, String prefix, String node, JsonMapper json, Function<CallCommand, CallView> here) {
		this.redisson = redisson;
		this.prefix = prefix;
		this.node = node;
		this.json = json;
		this.commands = redisson.getTopic(prefix + "commands:" + node, StringCodec.INSTANCE);
		this.replies = redisson.getTopic(prefix + "replies:" + node, StringCodec.INSTANCE);
		this.replyListener = replies.addListener(String.class, (channel, message) -> answered(message));
		this.commandListener = commands.addListener(String.class, (channel, message) -> runner.execute(() -> serve(message, here)));
	}

	@Override
	public CallView send(String target, CallCommand command) {
		String id = UUID.randomUUID().toString();
		CompletableFuture<Reply> reply = new CompletableFuture<>();
		waiting.put(id, reply);
		try {
			long heard = redisson.getTopic(prefix + "commands:" + target, StringCodec.INSTANCE)
				.publish(json.writeValueAsString(new Request(id, node, command)));
			if (heard == 0) {
				throw unreachable(command);
			}
			Reply answer = reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (answer.call() != null) {
				return answer.call();
			}
			throw new DomainException(HttpStatus.valueOf(answer.status()), answer.code(), (Object[]) answer.args());
		}
		catch (TimeoutException | ExecutionException ex) {
			log.warn("Node {} did not answer {} in {}", target, command, TIMEOUT);
			throw unreachable(command);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable(command);
		}
		finally {
			waiting.remove(id);
		}
	}

	private void serve(String message, Function<CallCommand, CallView> here) {
		Request request;
		try {
			request = json.readValue(message, Request.class);
		}
		catch (RuntimeException ex) {
			log.warn("Dropped an unreadable call command", ex);
			return;
		}
		Reply reply;
		try {
			reply = new Reply(request.id(), here.apply(request.command()), 200, null, null);
		}
		catch (DomainException ex) {
			String[] args = java.util.Arrays.stream(ex.args()).map(String::valueOf).toArray(String[]::new);
			reply = new Reply(request.id(), null, ex.status().value(), ex.code(), args);
		}
		catch (RuntimeException ex) {
			log.error("Call command {} failed", request.command(), ex);
			reply = new Reply(request.id(), null, 500, "server.error", new String[0]);
		}
		redisson.getTopic(prefix + "replies:" + request.replyTo(), StringCodec.INSTANCE).publish(json.writeValueAsString(reply));
	}

	private void answered(String message) {
		try {
			Reply reply = json.readValue(message, Reply.class);
			CompletableFuture<Reply> future = waiting.get(reply.id());
			if (future != null) {
				future.complete(reply);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Dropped an unreadable call command reply", ex);
		}
	}

	private static DomainException unreachable(CallCommand command) {
		return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "call.node-unreachable", command.callId());
	}

	@Override
	public void close() {
		commands.removeListener(commandListener);
		replies.removeListener(replyListener);
		runner.shutdownNow();
	}
}
