package com.calldesk.voicemail;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.fasterxml.jackson.annotation.JsonIgnore;

/** A message a caller left (F11), in the tenant's schema; the audio is served by its id, never by path. */
@TableName("voicemail")
public class Voicemail {

	@TableId(type = IdType.AUTO)
	private Long id;

	private String callId;

	private String customerNumber;

	private String dialledNumber;

	/** Why the call went to voicemail: closed, all-busy, queue-full, no-agent, max-wait. */
	private String situation;

	/** hash, limit or hangup. */
	private String endedBy;

	private Instant recordedAt;

	private Integer durationMs;

	@JsonIgnore
	private String file;

	private String heardBy;

	private Instant heardAt;

	public Long getId() {
		return id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getCallId() {
		return callId;
	}

	public void setCallId(String callId) {
		this.callId = callId;
	}

	public String getCustomerNumber() {
		return customerNumber;
	}

	public void setCustomerNumber(String customerNumber) {
		this.customerNumber = customerNumber;
	}

	public String getDialledNumber() {
		return dialledNumber;
	}

	public void setDialledNumber(String dialledNumber) {
		this.dialledNumber = dialledNumber;
	}

	public String getSituation() {
		return situation;
	}

	public void setSituation(String situation) {
		this.situation = situation;
	}

	public String getEndedBy() {
		return endedBy;
	}

	public void setEndedBy(String endedBy) {
		this.endedBy = endedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	public void setRecordedAt(Instant recordedAt) {
		this.recordedAt = recordedAt;
	}

	public Integer getDurationMs() {
		return durationMs;
	}

	public void setDurationMs(Integer durationMs) {
		this.durationMs = durationMs;
	}

	public String getFile() {
		return file;
	}

	public void setFile(String file) {
		this.file = file;
	}

	public String getHeardBy() {
		return heardBy;
	}

	public void setHeardBy(String heardBy) {
		this.heardBy = heardBy;
	}

	public Instant getHeardAt() {
		return heardAt;
	}

	public void setHeardAt(Instant heardAt) {
		this.heardAt = heardAt;
	}
}
