package com.calldesk.provisioning.resources;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One movement of a tenant's call-charge balance; the ledger is append-only. */
@TableName("balance_entry")
public class BalanceEntry {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long tenantId;

	private String kind;

	private Long amountFen;

	private Long balanceAfterFen;

	private String reference;

	private String createdBy;

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

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Long getAmountFen() {
		return amountFen;
	}

	public void setAmountFen(Long amountFen) {
		this.amountFen = amountFen;
	}

	public Long getBalanceAfterFen() {
		return balanceAfterFen;
	}

	public void setBalanceAfterFen(Long balanceAfterFen) {
		this.balanceAfterFen = balanceAfterFen;
	}

	public String getReference() {
		return reference;
	}

	public void setReference(String reference) {
		this.reference = reference;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public void setCreatedBy(String createdBy) {
		this.createdBy = createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}
}
