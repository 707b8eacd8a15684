package com.calldesk.users;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.phone.PhoneNumbers;
import com.calldesk.problem.DomainException;
import com.calldesk.provisioning.resources.SeatCredentials;
import com.calldesk.provisioning.tenants.TenantApplication;
import com.calldesk.provisioning.tenants.TenantOnboarding;
import com.calldesk.tenancy.TenantScope;

/** The users of the current tenant; also creates a new tenant's first administrator. */
@Service
public class UserAccounts implements TenantOnboarding {

	private final AppUserMapper users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	UserAccounts(AppUserMapper users, PasswordEncoder passwords, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public InitialAdmin initialize(TenantScope tenant, TenantApplication application) {
		String password = SeatCredentials.newPassword();
		create(new NewUser("admin", application.getContactName(), Role.TENANT_ADMIN, password, application.getContactPhone()));
		return new InitialAdmin("admin", password);
	}

	@Transactional
	public AppUser create(NewUser form) {
		AppUser user = new AppUser();
		user.setUsername(form.username().strip());
		user.setDisplayName(form.displayName().strip());
		user.setRole(form.role().name());
		user.setPasswordHash(passwords.encode(form.password()));
		user.setEnabled(true);
		user.setMobile(form.mobile() == null || form.mobile().isBlank() ? null : PhoneNumbers.require(form.mobile()).e164());
		user.setCreatedAt(clock.instant());
		try {
			users.insert(user);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("user.duplicate", user.getUsername());
		}
		return user;
	}

	/**
	 * A person who came from a platform (signed in there, or picked from its directory for a seat): an
	 * agent with a password nobody knows, so they sign in through the platform only. The username is
	 * {@code <platform>_<id>}, made unique if the platform's id was cut or clashes.
	 */
	@Transactional
	public AppUser createFromPlatform(String platform, String platformUserId, String displayName, String mobile) {
		String base = (platform + "_" + platformUserId.replaceAll("[^A-Za-z0-9._-]", "")).toLowerCase(java.util.Locale.ROOT);
		base = base.length() > 44 ? base.substring(0, 44) : base;
		String username = base;
		for (int n = 2; byUsername(username).isPresent(); n++) {
			username = base + "." + n;
		}
		AppUser user = new AppUser();
		user.setUsername(username);
		String name = displayName == null || displayName.isBlank() ? platformUserId : displayName.strip();
		user.setDisplayName(name.length() > 50 ? name.substring(0, 50) : name);
		user.setRole(Role.AGENT.name());
		user.setPasswordHash(passwords.encode(SeatCredentials.newPassword() + SeatCredentials.newPassword()));
		user.setEnabled(true);
		user.setMobile(mobile == null ? null : PhoneNumbers.parse(mobile).map(n -> n.e164()).orElse(null));
		user.setExternalId(platform + ":" + platformUserId);
		user.setCreatedAt(clock.instant());
		users.insert(user);
		return user;
	}

	/** Someone who left the organisation: they can no longer sign in, and their open sessions end at their next request. */
	@Transactional
	public void disable(long userId) {
		AppUser user = require(userId);
		user.setEnabled(false);
		users.updateById(user);
	}

	@Transactional
	public void changePassword(long userId, String password) {
		AppUser user = require(userId);
		user.setPasswordHash(passwords.encode(password));
		users.updateById(user);
	}

	public Optional<AppUser> byUsername(String username) {
		return Optional.ofNullable(users.selectOne(Wrappers.<AppUser>lambdaQuery().eq(AppUser::getUsername, username)));
	}

	public Optional<AppUser> byId(long userId) {
		return Optional.ofNullable(users.selectById(userId));
	}

	public AppUser require(long userId) {
		AppUser user = users.selectById(userId);
		if (user == null) {
			throw DomainException.notFound("user.not-found", userId);
		}
		return user;
	}

	public List<AppUser> all() {
		return users.selectList(Wrappers.<AppUser>lambdaQuery().orderByAsc(AppUser::getId));
	}

	/** A user to create; the password is set by the administrator and changed by the user. */
	public record NewUser(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
			@NotBlank @Size(max = 50) String displayName, @NotNull Role role, @NotBlank @Size(min = 8, max = 72) String password,
			@Size(max = 32) String mobile) {
	}
}
