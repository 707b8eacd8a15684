package com.calldesk.provisioning.resources;

import java.time.Clock;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The order lines of a tenant: every allocation, who made it and when. Every provisioning change
 * passes here, so this is where {@link ProvisioningChanged} is announced.
 */
@Component
public class OrderBook {

	private final OrderLineMapper lines;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	OrderBook(OrderLineMapper lines, Clock clock, ApplicationEventPublisher events) {
		this.lines = lines;
		this.clock = clock;
		this.events = events;
	}

	public void record(long tenantId, String kind, String detail, String staff) {
		OrderLine line = new OrderLine();
		line.setTenantId(tenantId);
		line.setKind(kind);
		line.setDetail(detail.length() > 300 ? detail.substring(0, 300) : detail);
		line.setCreatedBy(staff);
		line.setCreatedAt(clock.instant());
		lines.insert(line);
		events.publishEvent(new ProvisioningChanged(tenantId, kind));
	}

	public List<OrderLine> of(long tenantId) {
		return lines.selectList(Wrappers.<OrderLine>lambdaQuery().eq(OrderLine::getTenantId, tenantId).orderByDesc(OrderLine::getId));
	}
}
