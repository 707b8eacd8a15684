package com.calldesk.acd;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.calldesk.provisioning.tenants.TenantDirectory;

/**
 * A tenant's phone rules in its schema ({@link TenantSettingsCache}): the weekly hours and every
 * special day saved together, or nothing.
 */
@Service
public class PhoneRuleBook {

	private final AcdMapper mapper;

	private final Clock clock;

	private final TenantSettingsCache<PhoneRules> rules;

	PhoneRuleBook(AcdMapper mapper, TenantDirectory tenants, TransactionTemplate transactions, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
		// when the rules cannot be read the call center counts as open: a caller is never turned away by a fault
		this.rules = new TenantSettingsCache<>("Phone rules", tenants, transactions, this::read, PhoneRules.ALWAYS_OPEN);
	}

	/** The rules the ACD applies. */
	public PhoneRules of(long tenantId) {
		return rules.of(tenantId);
	}

	public PhoneRules save(long tenantId, PhoneRules changed, String by) {
		String days = changed.openDays().stream().map(d -> Integer.toString(d.getValue())).sorted().collect(Collectors.joining(","));
		return rules.save(tenantId, () -> {
			mapper.savePhoneRules(changed.enabled(), days, changed.openFrom().toString(), changed.openUntil().toString(), by, clock.instant());
			mapper.clearPhoneRuleDays();
			changed.holidays().forEach(day -> mapper.addPhoneRuleDay(day, "HOLIDAY"));
			changed.workdays().forEach(day -> mapper.addPhoneRuleDay(day, "WORKDAY"));
		});
	}

	private PhoneRules read() {
		Map<String, Object> row = caseless(mapper.phoneRules());
		if (row.isEmpty()) {
			return PhoneRules.ALWAYS_OPEN;
		}
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> workdays = new HashSet<>();
		for (Map<String, Object> special : mapper.phoneRuleDays()) {
			Map<String, Object> day = caseless(special);
			LocalDate date = day.get("rule_date") instanceof java.sql.Date sql ? sql.toLocalDate() : LocalDate.parse(day.get("rule_date").toString());
			("HOLIDAY".equals(day.get("kind")) ? holidays : workdays).add(date);
		}
		Set<DayOfWeek> open = Arrays.stream(row.get("open_days").toString().split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.map(s -> DayOfWeek.of(Integer.parseInt(s))).collect(Collectors.toSet());
		boolean enabled = row.get("enabled") instanceof Boolean b ? b : Integer.parseInt(row.get("enabled").toString()) != 0;
		return new PhoneRules(enabled, open, LocalTime.parse(row.get("open_from").toString()), LocalTime.parse(row.get("open_until").toString()),
				holidays, workdays);
	}

	private static Map<String, Object> caseless(Map<String, Object> row) {
		Map<String, Object> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (row != null) {
			map.putAll(row);
		}
		return map;
	}
}
