package com.calldesk.provisioning.staff;

import java.time.Clock;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.calldesk.provisioning.resources.SeatCredentials;

/**
 * Staff accounts of the console. On an empty platform the first staff member is created from
 * configuration; with no configured password a random one is generated and logged once.
 */
@Component
public class StaffAccounts implements UserDetailsService, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

	private final StaffMapper staff;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final String initialUsername;

	private final String initialPassword;

	StaffAccounts(StaffMapper staff, PasswordEncoder passwords, Clock clock,
			@Value("${calldesk.provisioning.initial-staff-username:staff}") String initialUsername,
			@Value("${calldesk.provisioning.initial-staff-password:}") String initialPassword) {
		this.staff = staff;
		this.passwords = passwords;
		this.clock = clock;
		this.initialUsername = initialUsername;
		this.initialPassword = initialPassword;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Staff member = staff.selectOne(Wrappers.<Staff>lambdaQuery().eq(Staff::getUsername, username));
		if (member == null) {
			throw new UsernameNotFoundException("login.failed");
		}
		return User.withUsername(member.getUsername()).password(member.getPasswordHash()).roles(member.getRole())
			.disabled(!member.isEnabled()).build();
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (staff.selectCount(null) > 0) {
			return;
		}
		String password = initialPassword.isBlank() ? SeatCredentials.newPassword() : initialPassword;
		Staff first = new Staff();
		first.setUsername(initialUsername);
		first.setDisplayName(initialUsername);
		first.setPasswordHash(passwords.encode(password));
		first.setRole("STAFF");
		first.setEnabled(true);
		first.setCreatedAt(clock.instant());
		staff.insert(first);
		if (initialPassword.isBlank()) {
			log.warn("Created provisioning staff account '{}' with generated password: {}", initialUsername, password);
		}
	}
}
