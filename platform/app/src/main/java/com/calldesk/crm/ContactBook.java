package com.calldesk.crm;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.problem.DomainException;

/**
 * Contacts and their numbers. A number belongs to one contact of a tenant (409 otherwise); every
 * number is stored in E.164 so that the caller ID of an inbound call finds it whatever its form.
 */
@Service
public class ContactBook {

	private final ContactMapper contacts;

	private final ContactPhoneMapper phones;

	private final CustomerBook customers;

	private final Clock clock;

	ContactBook(ContactMapper contacts, ContactPhoneMapper phones, CustomerBook customers, Clock clock) {
		this.contacts = contacts;
		this.phones = phones;
		this.customers = customers;
		this.clock = clock;
	}

	@Transactional
	public ContactCard create(ContactForm form) {
		customers.require(form.customerId());
		Map<String, PhoneNumber> numbers = parse(form.phones());
		Contact contact = new Contact();
		apply(contact, form);
		contact.setCreatedAt(clock.instant());
		contacts.insert(contact);
		addPhones(contact.getId(), numbers.values());
		return card(contact);
	}

	@Transactional
	public ContactCard update(long id, ContactForm form) {
		Contact contact = require(id);
		customers.require(form.customerId());
		Map<String, PhoneNumber> numbers = parse(form.phones());
		apply(contact, form);
		contacts.updateById(contact);
		phones.delete(Wrappers.<ContactPhone>lambdaQuery().eq(ContactPhone::getContactId, id)
			.notIn(!numbers.isEmpty(), ContactPhone::getE164, numbers.keySet()));
		Set<String> kept = phonesOf(id).stream().map(ContactPhone::getE164).collect(Collectors.toSet());
		addPhones(id, numbers.values().stream().filter(n -> !kept.contains(n.e164())).toList());
		return card(contact);
	}

	public ContactCard get(long id) {
		return card(require(id));
	}

	public List<ContactCard> ofCustomer(long customerId) {
		customers.require(customerId);
		return contacts.selectList(Wrappers.<Contact>lambdaQuery().eq(Contact::getCustomerId, customerId).orderByAsc(Contact::getId))
			.stream().map(this::card).toList();
	}

	/** The screen-pop query: caller ID → contact and customer, through the unique E.164 index. */
	public Optional<CallerMatch> lookup(String callerId) {
		Optional<PhoneNumber> number = PhoneNumbers.parse(callerId);
		if (number.isEmpty()) {
			return Optional.empty();
		}
		ContactPhone phone = phones.selectOne(Wrappers.<ContactPhone>lambdaQuery().eq(ContactPhone::getE164, number.get().e164()));
		if (phone == null) {
			return Optional.empty();
		}
		Contact contact = contacts.selectById(phone.getContactId());
		return Optional.of(new CallerMatch(number.get(), card(contact), customers.require(contact.getCustomerId())));
	}

	Contact require(long id) {
		Contact contact = contacts.selectById(id);
		if (contact == null) {
			throw DomainException.notFound("contact.not-found", id);
		}
		return contact;
	}

	private Map<String, PhoneNumber> parse(List<String> raw) {
		Map<String, PhoneNumber> numbers = new LinkedHashMap<>();
		for (String number : raw) {
			PhoneNumber parsed = PhoneNumbers.require(number);
			numbers.putIfAbsent(parsed.e164(), parsed);
		}
		return numbers;
	}

	private void addPhones(long contactId, java.util.Collection<PhoneNumber> numbers) {
		for (PhoneNumber number : numbers) {
			ContactPhone phone = new ContactPhone();
			phone.setContactId(contactId);
			phone.setE164(number.e164());
			phone.setKind(number.kind().name());
			phone.setRegion(number.regionZh());
			phone.setCreatedAt(clock.instant());
			try {
				phones.insert(phone);
			}
			catch (DuplicateKeyException ex) {
				throw DomainException.conflict("phone.duplicate", number.e164());
			}
		}
	}

	private List<ContactPhone> phonesOf(long contactId) {
		return phones.selectList(Wrappers.<ContactPhone>lambdaQuery().eq(ContactPhone::getContactId, contactId).orderByAsc(ContactPhone::getId));
	}

	private ContactCard card(Contact contact) {
		return new ContactCard(contact, phonesOf(contact.getId()));
	}

	private void apply(Contact contact, ContactForm form) {
		contact.setCustomerId(form.customerId());
		contact.setName(form.name().strip());
		contact.setTitle(form.title());
		contact.setEmail(form.email());
		contact.setNote(form.note());
		contact.setUpdatedAt(clock.instant());
	}

	public record ContactForm(@NotNull Long customerId, @NotBlank @Size(max = 50) String name, @Size(max = 50) String title,
			@Email @Size(max = 100) String email, @Size(max = 500) String note,
			@NotNull @Size(max = 10) List<@NotBlank @Size(max = 32) String> phones) {
	}

	public record ContactCard(Contact contact, List<ContactPhone> phones) {
	}

	public record CallerMatch(PhoneNumber number, ContactCard contact, Customer customer) {
	}
}
