package com.calldesk.platforms;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import com.calldesk.callback.CallbackTask;
import com.calldesk.callback.CallbackTasks;
import com.calldesk.calls.CallDirection;
import com.calldesk.calls.CallEvent;
import com.calldesk.calls.CallView;
import com.calldesk.calls.CallbackTaskChanged;
import com.calldesk.connector.Notice;
import com.calldesk.connector.Platform;
import com.calldesk.crm.ContactBook;
import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.seats.SeatSettings;
import com.calldesk.tenancy.TenantContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns call events into platform notices for the person concerned: the agent whose phone rings gets a
 * screen pop in DingTalk, WeCom or Feishu; the owner of a callback task gets the missed call or the
 * voicemail. Events are taken off the publishing (SIP) thread at once; the outbox row is the only
 * thing written before the send, so a platform that is slow or down never touches a call.
 */
@Component
class PlatformNotices implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PlatformNotices.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(CHINA);

	private final ThreadPoolExecutor worker = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000), r -> {
		Thread t = new Thread(r, "platform-notices");
		t.setDaemon(true);
		return t;
	}, (r, pool) -> log.warn("Platform notices are behind by 2000 events; one dropped (the desktop still pops)"));

	private final TenantDirectory tenants;

	private final TenantPorts ports;

	private final PlatformAccounts accounts;

	private final SeatSettings seats;

	private final ContactBook contacts;

	private final CallbackTasks tasks;

	private final NoticeMapper outbox;

	private final NoticeSender sender;

	private final PlatformProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final PlatformLinks links;

	private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> connectedTenants = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder().maximumSize(100_000).expireAfterWrite(java.time.Duration.ofSeconds(10)).build();

	PlatformNotices(TenantDirectory tenants, TenantPorts ports, PlatformAccounts accounts, SeatSettings seats,
			ContactBook contacts, CallbackTasks tasks, NoticeMapper outbox, NoticeSender sender, PlatformProperties properties, JsonMapper json,
			Clock clock, PlatformLinks links) {
		this.links = links;
		this.tenants = tenants;
		this.ports = ports;
		this.accounts = accounts;
		this.seats = seats;
		this.contacts = contacts;
		this.tasks = tasks;
		this.outbox = outbox;
		this.sender = sender;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void on(CallEvent.CallRinging ringing) {
		CallView call = ringing.call();
		if (call.direction() == CallDirection.INBOUND && call.seat() != null && connected(call.tenantId())) {
			later(call.tenantId(), () -> queue(call.seat(), "pop:" + call.callId() + ":" + call.seat(), Notice.Kind.SCREEN_POP, call.callId(),
					(tenantCode, platform) -> pop(call, tenantCode, platform)));
		}
	}

	@EventListener
	void on(PlatformLinks.Changed changed) {
		connectedTenants.invalidate(changed.tenantId());
	}

	@EventListener
	void on(CallbackTaskChanged changed) {
		if (CallbackTask.OPEN.equals(changed.status()) && changed.ownerSeat() != null) {
			later(changed.tenantId(), () -> {
				CallbackTask task = tasks.byIds(List.of(changed.taskId())).stream().findFirst().orElse(null);
				if (task == null) {
					return;
				}
				Notice.Kind kind = "VOICEMAIL".equals(task.source()) ? Notice.Kind.VOICEMAIL
						: task.missedCalls() > 1 || task.attempts() > 0 ? Notice.Kind.MISSED_CALL : Notice.Kind.CALLBACK_TASK;
				// one notice per missed call and owner: a repeat call or a new owner is news, a retry of the same is not
				queue(task.ownerSeat(), "task:" + task.id() + ":" + task.missedCalls() + ":" + task.ownerSeat(), kind, "task-" + task.id(),
						(tenantCode, platform) -> taskNotice(task, kind, tenantCode, platform));
			});
		}
	}

	/**
	 * Whether the tenant has a platform switched on, known for 10 s: most tenants have none, and their calls
	 * must not pay three lookups each for nothing (seen in the signalling benchmark: a fifth of the CPU).
	 * A platform switched on gets pop notices at once on the node where it was switched on, within 10 s on the others.
	 */
	private boolean connected(long tenantId) {
		try {
			return connectedTenants.get(tenantId, id -> TenantContext.call(tenants.scopeOf(tenants.require(id)), links::anyEnabled));
		}
		catch (RuntimeException ex) {
			log.warn("Could not tell whether tenant {} has a platform connected", tenantId, ex);
			return false;
		}
	}

	private interface Render {
		Notice render(String tenantCode, Platform platform);
	}

	private void later(long tenantId, Runnable work) {
		worker.execute(() -> {
			try {
				TenantContext.run(tenants.scopeOf(tenants.require(tenantId)), work);
			}
			catch (RuntimeException e) {
				log.warn("Could not queue a platform notice for tenant {}", tenantId, e);
			}
		});
	}

	/** Queues the notice on every platform the seat's user is on and the tenant has switched on, then sends it. */
	private void queue(String seat, String key, Notice.Kind kind, String subject, Render render) {
		Long userId = seats.userAt(seat).orElse(null);
		if (userId == null) {
			return;
		}
		// most seats' users came by the login form: one query says so, and nothing more is read
		for (var entry : accounts.platformIdsOf(userId).entrySet()) {
			Platform platform = entry.getKey();
			String platformUserId = entry.getValue();
			if (ports.port(platform).isEmpty()) {
				continue;
			}
			Notice notice = render.render(TenantContext.require().code(), platform);
			NoticeMapper.NewId id = new NoticeMapper.NewId();
			try {
				outbox.insert(platform.name() + ":" + key, platform.name(), platformUserId, kind.name(), subject, json.writeValueAsString(notice),
						clock.instant(), id);
			}
			catch (DuplicateKeyException anotherNode) {
				continue;
			}
			sender.send(id.getId());
		}
	}

	private Notice pop(CallView call, String tenantCode, Platform platform) {
		List<Notice.Line> lines = new ArrayList<>();
		String caller = masked(call.customer() != null ? call.customer().e164() : call.customerNumber());
		lines.add(new Notice.Line("来电号码", caller));
		if (call.customer() != null && call.customer().regionZh() != null) {
			lines.add(new Notice.Line("归属地", call.customer().regionZh()));
		}
		contacts.lookup(call.customerNumber()).ifPresent(match -> {
			lines.add(new Notice.Line("联系人", match.contact().contact().getName()));
			lines.add(new Notice.Line("客户", match.customer().getName()));
		});
		lines.add(new Notice.Line("呼入号码", call.dialledNumber()));
		lines.add(new Notice.Line("时间", TIME.format(call.ringingAt() != null ? call.ringingAt() : clock.instant())));
		return new Notice("pop-" + call.callId() + "-" + call.seat(), Notice.Kind.SCREEN_POP, "来电 " + caller, lines,
				link(platform, tenantCode, "/desk/"), "打开工作台");
	}

	private Notice taskNotice(CallbackTask task, Notice.Kind kind, String tenantCode, Platform platform) {
		String caller = masked(task.caller());
		List<Notice.Line> lines = new ArrayList<>();
		lines.add(new Notice.Line("来电号码", caller));
		lines.add(new Notice.Line("未接次数", Integer.toString(task.missedCalls())));
		if (task.dueAt() != null) {
			lines.add(new Notice.Line("请在此前回拨", TIME.format(task.dueAt())));
		}
		String title = switch (kind) {
			case VOICEMAIL -> "新留言 " + caller;
			case MISSED_CALL -> "未接来电 " + caller;
			default -> "回拨任务 " + caller;
		};
		return new Notice("task-" + task.id() + "-" + task.missedCalls() + "-" + task.ownerSeat(), kind, title, lines,
				link(platform, tenantCode, "/desk/?task=" + task.id()), "回拨");
	}

	/** The app's sign-in page for the platform, then the target: the connector makes it open in its client, signed in. */
	private URI link(Platform platform, String tenantCode, String target) {
		return URI.create(properties.publicUrl() + "/signin/" + Connectors.slug(platform) + "/" + tenantCode + "?next="
				+ URLEncoder.encode(target, StandardCharsets.UTF_8));
	}

	/** 13812345678 → 138****5678: the number goes to the platform's servers, the agent sees it whole on the desk. */
	static String masked(String number) {
		if (number == null) {
			return "未知号码";
		}
		String digits = number.startsWith("+86") ? number.substring(3) : number;
		if (digits.length() < 7) {
			return digits;
		}
		return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
	}

	@Override
	public void close() {
		worker.shutdownNow();
	}
}
