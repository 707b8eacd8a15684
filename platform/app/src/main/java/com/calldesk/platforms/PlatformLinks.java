package com.calldesk.platforms;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.connector.CredentialField;
import com.calldesk.connector.Credentials;
import com.calldesk.connector.Platform;
import com.calldesk.connector.PlatformConnector;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.TenantRef;
import com.calldesk.problem.DomainException;
import com.calldesk.tenancy.TenantContext;
import com.calldesk.tenancy.TenantScope;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's credentials for each platform: checked against the platform before they are
 * kept, secrets encrypted at rest and never given back (a blank secret field keeps the stored one).
 */
@Service
public class PlatformLinks {

	private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
	};

	private static final java.util.Set<String> PUBLIC_IDS = java.util.Set.of("corpId", "appKey", "appId", "agentId");

	private final Connectors connectors;

	private final PlatformLinkMapper links;

	private final PlatformSecrets secrets;

	private final JsonMapper json;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	PlatformLinks(Connectors connectors, PlatformLinkMapper links, PlatformSecrets secrets, JsonMapper json, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.connectors = connectors;
		this.links = links;
		this.secrets = secrets;
		this.json = json;
		this.clock = clock;
	}

	/** What the settings page shows of one platform: the non-secret values, and which secrets are set. */
	public record LinkView(Platform platform, List<CredentialField> fields, Map<String, String> values, List<String> secretsSet,
			boolean connected, boolean enabled, Instant checkedAt, String updatedBy, int version) {
	}

	/** The tenant's connection as the registry needs it; {@code version} changes with every save. */
	record Link(Platform platform, Credentials credentials, int version) {
	}

	public List<LinkView> views() {
		Map<String, PlatformLinkMapper.Row> rows = new LinkedHashMap<>();
		links.all().forEach(row -> rows.put(row.platform(), row));
		return connectors.platforms().stream().map(connector -> {
			PlatformLinkMapper.Row row = rows.get(connector.platform().name());
			Map<String, String> values = row == null ? Map.of() : read(row.settings());
			List<String> set = row == null ? List.of() : List.copyOf(decrypt(row).keySet());
			return new LinkView(connector.platform(), connector.credentialFields(), values, set, row != null, row != null && row.enabled(),
					row == null ? null : row.checkedAt(), row == null ? null : row.updatedBy(), row == null ? 0 : row.version());
		}).toList();
	}

	public boolean canKeepSecrets() {
		return secrets.configured();
	}

	/**
	 * Checks the credentials with a call to the platform, then keeps them. {@code version} is the one the
	 * form showed (0 for a first save); someone else's save in between → 409.
	 */
	@Transactional
	public void save(Platform platform, Map<String, String> entered, int version, String by) {
		PlatformConnector connector = connectors.require(platform);
		PlatformLinkMapper.Row existing = links.byPlatform(platform.name());
		Map<String, String> settings = new LinkedHashMap<>();
		Map<String, String> secretValues = new LinkedHashMap<>(existing == null ? Map.of() : decrypt(existing));
		for (CredentialField field : connector.credentialFields()) {
			String value = entered.get(field.name());
			String stripped = value == null ? "" : value.strip();
			if (field.secret()) {
				if (!stripped.isEmpty()) {
					secretValues.put(field.name(), stripped);
				}
			}
			else if (!stripped.isEmpty()) {
				settings.put(field.name(), stripped);
			}
		}
		Map<String, String> all = new LinkedHashMap<>(settings);
		all.putAll(secretValues);
		check(connector, new Credentials(all));
		Instant now = clock.instant();
		String context = context(platform);
		PlatformLinkMapper.Row row = new PlatformLinkMapper.Row(platform.name(), true, json.writeValueAsString(settings),
				secrets.encrypt(json.writeValueAsString(secretValues), context), now, by, now, version);
		if (existing == null) {
			if (version != 0) {
				throw DomainException.conflict("platform.changed", PlatformProblems.named(platform));
			}
			try {
				links.insert(row);
			}
			catch (org.springframework.dao.DuplicateKeyException raced) {
				throw DomainException.conflict("platform.changed", PlatformProblems.named(platform));
			}
		}
		else if (links.update(row) == 0) {
			throw DomainException.conflict("platform.changed", PlatformProblems.named(platform));
		}
		events.publishEvent(new Changed(TenantContext.require().tenantId()));
	}

	@Transactional
	public void setEnabled(Platform platform, boolean enabled, String by) {
		if (links.setEnabled(platform.name(), enabled, by, clock.instant()) == 0) {
			throw DomainException.notFound("platform.not-connected", PlatformProblems.named(platform));
		}
		events.publishEvent(new Changed(TenantContext.require().tenantId()));
	}

	/** A tenant's platform links changed on this node (saved, switched on or off). */
	record Changed(long tenantId) {
	}

	/** Whether the current tenant has any platform connected and switched on (one small query). */
	boolean anyEnabled() {
		return links.all().stream().anyMatch(PlatformLinkMapper.Row::enabled);
	}

	/** The tenant's enabled link to a platform, with its secrets decrypted. */
	Optional<Link> enabled(Platform platform) {
		PlatformLinkMapper.Row row = links.byPlatform(platform.name());
		if (row == null || !row.enabled()) {
			return Optional.empty();
		}
		Map<String, String> all = new LinkedHashMap<>(read(row.settings()));
		all.putAll(decrypt(row));
		return Optional.of(new Link(platform, new Credentials(all), row.version()));
	}

	/** The app's public identifiers on a platform, which its JS API needs in the page (corpId, appKey, appId); never a secret. */
	public Map<String, String> publicIds(Platform platform) {
		PlatformLinkMapper.Row row = links.byPlatform(platform.name());
		Map<String, String> ids = new LinkedHashMap<>();
		if (row != null) {
			read(row.settings()).forEach((name, value) -> {
				if (PUBLIC_IDS.contains(name)) {
					ids.put(name, value);
				}
			});
		}
		return ids;
	}

	/** Rewrites under the current key every row of this tenant that an older key sealed; returns how many. */
	@Transactional
	public int reencrypt() {
		int resealed = 0;
		for (PlatformLinkMapper.Row row : links.all()) {
			if (secrets.configured() && !PlatformSecrets.keyIdOf(row.secrets()).equals(secrets.currentKeyId())) {
				Platform platform = Platform.valueOf(row.platform());
				String plain = secrets.decrypt(row.secrets(), context(platform));
				resealed += links.reseal(row.platform(), secrets.encrypt(plain, context(platform)), row.version());
			}
		}
		return resealed;
	}

	private void check(PlatformConnector connector, Credentials credentials) {
		TenantScope tenant = TenantContext.require();
		try {
			connector.open(new TenantRef(tenant.tenantId(), tenant.code()), credentials).check();
		}
		catch (PlatformException e) {
			throw PlatformProblems.atSave(connector.platform(), e);
		}
	}

	private Map<String, String> decrypt(PlatformLinkMapper.Row row) {
		return read(secrets.decrypt(row.secrets(), context(Platform.valueOf(row.platform()))));
	}

	private Map<String, String> read(String text) {
		return json.readValue(text, FIELDS);
	}

	/** The associated data of a row's ciphertext: it decrypts only in this tenant's row of this platform. */
	private static String context(Platform platform) {
		return "tenant:" + TenantContext.require().tenantId() + ":platform:" + platform.name();
	}
}
