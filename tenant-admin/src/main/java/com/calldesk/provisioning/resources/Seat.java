package com.calldesk.provisioning.resources;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A paid agent position (坐席) with its SIP account; only the digest HA1 of its password is kept. */
@TableName("seat")
public class Seat {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long tenantId;

	private Integer seatNo;

	private String sipUsername;

	private String realm;

	private String ha1;

	private Instant passwordChangedAt;

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

	public Integer getSeatNo() {
		return seatNo;
	}

	public void setSeatNo(Integer seatNo) {
		this.seatNo = seatNo;
	}

	public String getSipUsername() {
		return sipUsername;
	}

	public void setSipUsername(String sipUsername) {
		this.sipUsername = sipUsername;
	}

	public String getRealm() {
		return realm;
	}

	public void setRealm(String realm) {
		this.realm = realm;
	}

	/** Enough on its own to register as the seat: never leaves the server. */
	@com.fasterxml.jackson.annotation.JsonIgnore
	public String getHa1() {
		return ha1;
	}

	public void setHa1(String ha1) {
		this.ha1 = ha1;
	}

	public Instant getPasswordChangedAt() {
		return passwordChangedAt;
	}

	public void setPasswordChangedAt(Instant passwordChangedAt) {
		this.passwordChangedAt = passwordChangedAt;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}
}
