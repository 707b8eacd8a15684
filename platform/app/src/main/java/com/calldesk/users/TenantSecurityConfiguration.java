package com.calldesk.users;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.calldesk.provisioning.tenants.TenantDirectory;
import com.calldesk.signin.ThrottledAuthenticationProvider;
import com.calldesk.state.ExpiringCounters;
import com.calldesk.state.Throttle;

/** Tenant users' sign-in (独立端): session login with CSRF, lock-out, and the tenant bound per request. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class TenantSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain tenantChain(HttpSecurity http, TenantDirectory tenants, UserAccounts users, PasswordEncoder passwords,
			ExpiringCounters counters, java.time.Clock clock,
			@org.springframework.beans.factory.annotation.Value("${calldesk.users.session-recheck:60s}") Duration recheck) throws Exception {
		ThrottledAuthenticationProvider throttled = new ThrottledAuthenticationProvider(
				new TenantUserAuthentication(tenants, users, passwords),
				new Throttle(counters, "login", 5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
				new Throttle(counters, "login-ip", 30, Duration.ofMinutes(15), Duration.ofMinutes(15)),
				auth -> (auth.getDetails() instanceof TenantLoginDetails d ? d.tenantCode() : "") + "/" + auth.getName());
		// the API and the desktop's socket answer 401 to a lost session, so the page can say so instead of loading a login page
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getRequestURI().equals(request.getContextPath() + "/ws");
		http.authenticationManager(new ProviderManager(throttled))
			// the public application form's JSON twin: no session, so nothing for CSRF to protect
			// platforms' event pushes carry their own signatures (checked by the connector), never a session
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/applications", "/callbacks/**"))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/signin/**", "/callbacks/**", "/WW_verify_*.txt").permitAll()
				.requestMatchers("/login", "/apply", "/api/applications", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
						"/error", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/settings/**", "/api/seats/**", "/api/users/**", "/api/billing/**", "/api/platforms/**").hasRole("TENANT_ADMIN")
				.requestMatchers(org.springframework.http.HttpMethod.PUT, "/api/acd/settings", "/api/acd/phone-rules", "/api/acd/overflow",
						"/api/acd/prompts/**").hasRole("TENANT_ADMIN")
				.requestMatchers(org.springframework.http.HttpMethod.DELETE, "/api/acd/prompts/**").hasRole("TENANT_ADMIN")
				.requestMatchers(org.springframework.http.HttpMethod.PUT, "/api/recordings/*/hold").hasRole("TENANT_ADMIN")
				.requestMatchers(org.springframework.http.HttpMethod.PUT, "/api/center/settings").hasRole("TENANT_ADMIN")
				.requestMatchers("/api/recordings/*/access").hasAnyRole("SUPERVISOR", "TENANT_ADMIN")
				.requestMatchers("/api/acd/**", "/api/center/**", "/center", "/center/**").hasAnyRole("SUPERVISOR", "TENANT_ADMIN")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").authenticationDetailsSource(TenantLoginDetails::new)
				.defaultSuccessUrl("/", true)
				.failureHandler((request, response, ex) -> response.sendRedirect(request.getContextPath() + "/login?error="
						+ ("login.locked".equals(ex.getMessage()) ? "locked" : "failed"))))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
				.defaultAccessDeniedHandlerFor((request, response, denied) -> {
					response.setStatus(HttpStatus.FORBIDDEN.value());
					response.setContentType("application/json;charset=UTF-8");
					response.getWriter().write("{\"status\":403,\"code\":\"access.denied\",\"message\":\"您没有执行此操作的权限。\","
							+ "\"messageEn\":\"You do not have permission to do this.\",\"fields\":[]}");
				}, api))
			.addFilterBefore(new TenantContextFilter(users, clock, recheck), AuthorizationFilter.class);
		return http.build();
	}
}
