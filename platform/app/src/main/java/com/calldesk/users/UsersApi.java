package com.calldesk.users;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's users as JSON (tenant administrators only); password hashes never leave. */
@RestController
@RequestMapping("/api/users")
class UsersApi {

	private final UserAccounts users;

	UsersApi(UserAccounts users) {
		this.users = users;
	}

	@GetMapping
	List<UserView> list() {
		return users.all().stream().map(UserView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserView create(@Valid @RequestBody UserAccounts.NewUser user) {
		return UserView.of(users.create(user));
	}

	record UserView(long id, String username, String displayName, String role, boolean enabled, String mobile) {

		static UserView of(AppUser user) {
			return new UserView(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(), user.isEnabled(),
					user.getMobile());
		}
	}
}
