package com.calldesk.provisioning.resources;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A landline number (中继号) bound to a 400 service number; what customers actually reach. */
@TableName("trunk_number")
public class TrunkNumber {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long tenantId;

	private String number;

	private String serviceNumber;

	private Integer channelLimit;

	private Long gatewayId;

	private Instant createdAt;

	public Long getId() {
		return id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getTenantId() {
		return tenantId;
	}

	public void setTenantId(Long tenantId) {
		this.tenantId = tenantId;
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public String getServiceNumber() {
		return serviceNumber;
	}

	public void setServiceNumber(String serviceNumber) {
		this.serviceNumber = serviceNumber;
	}

	public Integer getChannelLimit() {
		return channelLimit;
	}

	public void setChannelLimit(Integer channelLimit) {
		this.channelLimit = channelLimit;
	}

	public Long getGatewayId() {
		return gatewayId;
	}

	public void setGatewayId(Long gatewayId) {
		this.gatewayId = gatewayId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}
}
