package com.calldesk.provisioning.resources;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** A caller ID (外显号码) shown to customers on outbound calls, bought per region. */
@TableName("display_number")
public class DisplayNumber {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long tenantId;

	private String number;

	private String regionZh;

	private String regionEn;

	private Integer channelLimit;

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

	public String getRegionZh() {
		return regionZh;
	}

	public void setRegionZh(String regionZh) {
		this.regionZh = regionZh;
	}

	public String getRegionEn() {
		return regionEn;
	}

	public void setRegionEn(String regionEn) {
		this.regionEn = regionEn;
	}

	public Integer getChannelLimit() {
		return channelLimit;
	}

	public void setChannelLimit(Integer channelLimit) {
		this.channelLimit = channelLimit;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}
}
