package com.calldesk.telephony;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** The record of one call (CDR) in its tenant's schema. */
@TableName("call_record")
public class CallRecord {

	@TableId(type = IdType.INPUT)
	private String id;

	private String direction;

	private String customerNumber;

	private String dialledNumber;

	private Long trunkNumberId;

	private String trunkNumber;

	private String displayNumber;

	/** The mobile an inbound call was forwarded to (F14), billed as an outbound leg. */
	private String forwardedTo;

	private String seat;

	private String state;

	private Instant offeredAt;

	private Instant ringingAt;

	private Instant answeredAt;

	private Instant endedAt;

	private String endedBy;

	private String endReason;

	private Integer sipStatus;

	private String recording;

	private String node;

	/** Started minutes billed (F15); 0 when nothing of the call was billable. */
	private Integer billedMinutes;

	/** The per-minute rate applied, in fen; null when nothing was billable. */
	private Integer rateFen;

	/** What the call cost, in fen, debited from the tenant's balance when the record closed. */
	private Long costFen;

	/** The call center page's list it is in; set when the call ends (see {@link CallTab}). */
	private String tab;

	public String getId() {
		return id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getDirection() {
		return direction;
	}

	public void setDirection(String direction) {
		this.direction = direction;
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

	public Long getTrunkNumberId() {
		return trunkNumberId;
	}

	public void setTrunkNumberId(Long trunkNumberId) {
		this.trunkNumberId = trunkNumberId;
	}

	public String getTrunkNumber() {
		return trunkNumber;
	}

	public void setTrunkNumber(String trunkNumber) {
		this.trunkNumber = trunkNumber;
	}

	public String getForwardedTo() {
		return forwardedTo;
	}

	public void setForwardedTo(String forwardedTo) {
		this.forwardedTo = forwardedTo;
	}

	public String getDisplayNumber() {
		return displayNumber;
	}

	public void setDisplayNumber(String displayNumber) {
		this.displayNumber = displayNumber;
	}

	public String getSeat() {
		return seat;
	}

	public void setSeat(String seat) {
		this.seat = seat;
	}

	public String getState() {
		return state;
	}

	public void setState(String state) {
		this.state = state;
	}

	public Instant getOfferedAt() {
		return offeredAt;
	}

	public void setOfferedAt(Instant offeredAt) {
		this.offeredAt = offeredAt;
	}

	public Instant getRingingAt() {
		return ringingAt;
	}

	public void setRingingAt(Instant ringingAt) {
		this.ringingAt = ringingAt;
	}

	public Instant getAnsweredAt() {
		return answeredAt;
	}

	public void setAnsweredAt(Instant answeredAt) {
		this.answeredAt = answeredAt;
	}

	public Instant getEndedAt() {
		return endedAt;
	}

	public void setEndedAt(Instant endedAt) {
		this.endedAt = endedAt;
	}

	public String getEndedBy() {
		return endedBy;
	}

	public void setEndedBy(String endedBy) {
		this.endedBy = endedBy;
	}

	public String getEndReason() {
		return endReason;
	}

	public void setEndReason(String endReason) {
		this.endReason = endReason;
	}

	public Integer getSipStatus() {
		return sipStatus;
	}

	public void setSipStatus(Integer sipStatus) {
		this.sipStatus = sipStatus;
	}

	public String getRecording() {
		return recording;
	}

	public void setRecording(String recording) {
		this.recording = recording;
	}

	public String getNode() {
		return node;
	}

	public void setNode(String node) {
		this.node = node;
	}

	public Integer getBilledMinutes() {
		return billedMinutes;
	}

	public void setBilledMinutes(Integer billedMinutes) {
		this.billedMinutes = billedMinutes;
	}

	public Integer getRateFen() {
		return rateFen;
	}

	public void setRateFen(Integer rateFen) {
		this.rateFen = rateFen;
	}

	public Long getCostFen() {
		return costFen;
	}

	public void setCostFen(Long costFen) {
		this.costFen = costFen;
	}

	public String getTab() {
		return tab;
	}

	public void setTab(String tab) {
		this.tab = tab;
	}
}
