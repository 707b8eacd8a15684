package com.calldesk.provisioning.resources;

import java.time.Clock;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.calldesk.phone.PhoneNumber;
import com.calldesk.phone.PhoneNumbers;
import com.calldesk.problem.DomainException;

/** Trunk numbers (5 channels by default) and display numbers (3 channels, with their region). */
@Service
public class NumberAllocation {

	private final TrunkNumberMapper trunkNumbers;

	private final DisplayNumberMapper displayNumbers;

	private final com.calldesk.provisioning.tenants.TenantDirectory tenants;

	private final OrderBook orders;

	private final Clock clock;

	NumberAllocation(TrunkNumberMapper trunkNumbers, DisplayNumberMapper displayNumbers,
			com.calldesk.provisioning.tenants.TenantDirectory tenants, OrderBook orders, Clock clock) {
		this.trunkNumbers = trunkNumbers;
		this.displayNumbers = displayNumbers;
		this.tenants = tenants;
		this.orders = orders;
		this.clock = clock;
	}

	@Transactional
	public TrunkNumber allocateTrunkNumber(long tenantId, TrunkNumberForm form, String staff) {
		tenants.require(tenantId);
		PhoneNumber number = PhoneNumbers.require(form.number());
		TrunkNumber trunk = new TrunkNumber();
		trunk.setTenantId(tenantId);
		trunk.setNumber(number.e164());
		trunk.setServiceNumber(form.serviceNumber() == null || form.serviceNumber().isBlank() ? null
				: form.serviceNumber().replaceAll("[\\s-]", ""));
		trunk.setChannelLimit(form.channelLimit() == null ? 5 : form.channelLimit());
		trunk.setCreatedAt(clock.instant());
		insertUnique(() -> trunkNumbers.insert(trunk), number.e164());
		orders.record(tenantId, "TRUNK_NUMBER", "中继号 / trunk number " + number.e164() + " ← "
				+ (trunk.getServiceNumber() == null ? "-" : trunk.getServiceNumber()) + ", " + trunk.getChannelLimit() + " ch", staff);
		return trunk;
	}

	@Transactional
	public DisplayNumber allocateDisplayNumber(long tenantId, DisplayNumberForm form, String staff) {
		tenants.require(tenantId);
		PhoneNumber number = PhoneNumbers.require(form.number());
		DisplayNumber display = new DisplayNumber();
		display.setTenantId(tenantId);
		display.setNumber(number.e164());
		display.setRegionZh(form.region() == null || form.region().isBlank() ? number.regionZh() : form.region().strip());
		display.setRegionEn(number.regionEn());
		display.setChannelLimit(form.channelLimit() == null ? 3 : form.channelLimit());
		display.setCreatedAt(clock.instant());
		insertUnique(() -> displayNumbers.insert(display), number.e164());
		orders.record(tenantId, "DISPLAY_NUMBER", "外显号码 / display number " + number.e164() + " (" + display.getRegionZh()
				+ "), " + display.getChannelLimit() + " ch", staff);
		return display;
	}

	public List<TrunkNumber> trunkNumbersOf(long tenantId) {
		return trunkNumbers.selectList(Wrappers.<TrunkNumber>lambdaQuery().eq(TrunkNumber::getTenantId, tenantId).orderByAsc(TrunkNumber::getId));
	}

	public List<DisplayNumber> displayNumbersOf(long tenantId) {
		return displayNumbers.selectList(Wrappers.<DisplayNumber>lambdaQuery().eq(DisplayNumber::getTenantId, tenantId).orderByAsc(DisplayNumber::getId));
	}

	/** Trunk and display numbers share one number space: a number cannot be both. */
	private void insertUnique(Runnable insert, String e164) {
		boolean elsewhere = trunkNumbers.exists(Wrappers.<TrunkNumber>lambdaQuery().eq(TrunkNumber::getNumber, e164))
				|| displayNumbers.exists(Wrappers.<DisplayNumber>lambdaQuery().eq(DisplayNumber::getNumber, e164));
		if (elsewhere) {
			throw DomainException.conflict("number.taken", e164);
		}
		try {
			insert.run();
		}
		catch (DuplicateKeyException raced) {
			throw DomainException.conflict("number.taken", e164);
		}
	}

	public record TrunkNumberForm(@NotBlank @Size(max = 32) String number, @Size(max = 20) String serviceNumber,
			@Min(1) @Max(1000) Integer channelLimit) {
	}

	public record DisplayNumberForm(@NotBlank @Size(max = 32) String number, @Size(max = 50) String region,
			@Min(1) @Max(1000) Integer channelLimit) {
	}
}
