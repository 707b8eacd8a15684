package com.calldesk.provisioning.tenants;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A customer company of the SaaS, with its own schema; money is kept in fen (0.01 CNY). */
@TableName("tenant")
public class Tenant {

	@TableId(type = IdType.AUTO)
	private Long id;

	private String code;

	private String name;

	private String schemaName;

	private String status;

	private boolean callbackEnabled;

	private Long balanceFen;

	private Integer outboundRateFen;

	private Integer forwardRateFen;

	private Instant createdAt;

	public Long getId() {
		return id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSchemaName() {
		return schemaName;
	}

	public void setSchemaName(String schemaName) {
		this.schemaName = schemaName;
	}

	public String getStatus() {
		return status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public boolean isCallbackEnabled() {
		return callbackEnabled;
	}

	public void setCallbackEnabled(boolean callbackEnabled) {
		this.callbackEnabled = callbackEnabled;
	}

	public Long getBalanceFen() {
		return balanceFen;
	}

	public void setBalanceFen(Long balanceFen) {
		this.balanceFen = balanceFen;
	}

	public Integer getOutboundRateFen() {
		return outboundRateFen;
	}

	public void setOutboundRateFen(Integer outboundRateFen) {
		this.outboundRateFen = outboundRateFen;
	}

	public Integer getForwardRateFen() {
		return forwardRateFen;
	}

	public void setForwardRateFen(Integer forwardRateFen) {
		this.forwardRateFen = forwardRateFen;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}
}
