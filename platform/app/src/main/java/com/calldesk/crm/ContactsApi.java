package com.calldesk.crm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.calldesk.problem.DomainException;

@Tag(name = "Contacts", description = "联系人 — people of a customer and their phone numbers")
@RestController
@RequestMapping("/api/contacts")
class ContactsApi {

	private final ContactBook contacts;

	ContactsApi(ContactBook contacts) {
		this.contacts = contacts;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ContactBook.ContactCard create(@Valid @RequestBody ContactBook.ContactForm form) {
		return contacts.create(form);
	}

	@GetMapping("/{id}")
	ContactBook.ContactCard get(@PathVariable long id) {
		return contacts.get(id);
	}

	@Operation(summary = "Replace a contact's fields and numbers")
	@PutMapping("/{id}")
	ContactBook.ContactCard update(@PathVariable long id, @Valid @RequestBody ContactBook.ContactForm form) {
		return contacts.update(id, form);
	}

	@Operation(summary = "Find the contact with this number (any form: 138…, +86 138…, 0138…, 010-…)")
	@GetMapping("/lookup")
	ContactBook.CallerMatch lookup(@RequestParam String phone) {
		return contacts.lookup(phone).orElseThrow(() -> DomainException.notFound("contact.not-found", phone));
	}
}
