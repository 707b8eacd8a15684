package com.calldesk.provisioning.staff;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.calldesk.signin.ThrottledAuthenticationProvider;
import com.calldesk.state.ExpiringCounters;
import com.calldesk.state.Throttle;

/**
 * The console's own sign-in. Its security context is kept under its own session attribute, so a
 * staff member and a tenant user signed in in one browser never overwrite each other.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

	static final String CONTEXT_ATTRIBUTE = "CALLDESK_STAFF_SECURITY_CONTEXT";

	@Bean
	@Order(1)
	SecurityFilterChain staffChain(HttpSecurity http, StaffAccounts accounts, PasswordEncoder passwords,
			ExpiringCounters counters) throws Exception {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
		dao.setPasswordEncoder(passwords);
		ThrottledAuthenticationProvider throttled = new ThrottledAuthenticationProvider(dao,
				new Throttle(counters, "staff-login", 5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
				new Throttle(counters, "staff-login-ip", 30, Duration.ofMinutes(15), Duration.ofMinutes(15)),
				auth -> auth.getName());
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		http.securityMatcher("/admin/**", "/api/admin/**")
			.authenticationManager(new ProviderManager(throttled))
			.securityContext(context -> context.securityContextRepository(contexts))
			.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/login").permitAll().anyRequest().hasRole("STAFF"))
			.formLogin(form -> form.loginPage("/admin/login").loginProcessingUrl("/admin/login")
				.defaultSuccessUrl("/admin", true)
				.failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath() + "/admin/login?error="
						+ (ex.getMessage().equals("login.locked") ? "locked" : "failed"))))
			.logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/admin/login"), request -> true));
		return http.build();
	}
}
