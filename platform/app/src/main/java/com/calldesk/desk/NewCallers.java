package com.calldesk.desk;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.crm.ContactBook;
import com.calldesk.crm.Customer;
import com.calldesk.crm.CustomerBook;
import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.problem.DomainException;

/**
 * "New caller" saved in one click (F18): a customer and a contact with the caller's number, made by
 * the crm's services. Idempotent by the number: {@code contact_phone.e164} is unique, so of two
 * clicks racing each other exactly one insert wins; the loser's transaction (its customer and
 * contact too) rolls back and it answers with the winner's contact, {@code created=false}, as does
 * any later save of the same number in whatever form it is typed.
 *
 * <p>Every contact belongs to a customer in the crm (work orders and events need one), so a caller
 * saved without a customer name becomes a customer of their own (a household, 个人客户) under their name.
 */
@Service
class NewCallers {

	private final ContactBook contacts;

	private final CustomerBook customers;

	private final TransactionTemplate transactions;

	NewCallers(ContactBook contacts, CustomerBook customers, PlatformTransactionManager transactions) {
		this.contacts = contacts;
		this.customers = customers;
		this.transactions = new TransactionTemplate(transactions);
	}

	SavedCaller save(NewCaller caller) {
		PhoneNumber number = PhoneNumbers.require(caller.number());
		Optional<SavedCaller> known = known(number);
		if (known.isPresent()) {
			return known.get();
		}
		try {
			// outside any transaction of ours: the duplicate must roll back the whole attempt, then we read the winner
			return transactions.execute(tx -> create(number, caller));
		}
		catch (DomainException ex) {
			if (!"phone.duplicate".equals(ex.code())) {
				throw ex;
			}
		}
		catch (PessimisticLockingFailureException ex) {
			// the other click's insert of the same key was still uncommitted when our wait for it ran out
		}
		return known(number).orElseThrow(() -> DomainException.conflict("phone.duplicate", number.e164()));
	}

	private SavedCaller create(PhoneNumber number, NewCaller caller) {
		String customerName = caller.customerName() == null || caller.customerName().isBlank() ? caller.name() : caller.customerName();
		Customer customer = customers.create(new CustomerBook.CustomerForm(customerName.strip(), null, null));
		ContactBook.ContactCard card = contacts.create(new ContactBook.ContactForm(customer.getId(), caller.name(), null, null, null,
				List.of(number.e164())));
		return new SavedCaller(card.contact().getId(), customer.getId(), true);
	}

	private Optional<SavedCaller> known(PhoneNumber number) {
		return contacts.lookup(number.e164())
			.map(m -> new SavedCaller(m.contact().contact().getId(), m.customer().getId(), false));
	}

	record NewCaller(@NotBlank @Size(max = 32) String number, @NotBlank @Size(max = 50) String name,
			@Size(max = 100) String customerName) {
	}

	/** The contact the number now belongs to; {@code created} false when it belonged to one already. */
	record SavedCaller(long contactId, Long customerId, boolean created) {
	}
}
