package com.calldesk.seats;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** Which user works on which purchased seat; at most one each way. */
@TableName("seat_binding")
public class SeatBinding {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long seatId;

	private Long userId;

	private String boundBy;

	private Instant boundAt;

	public Long getId() {
		return id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getSeatId() {
		return seatId;
	}

	public void setSeatId(Long seatId) {
		this.seatId = seatId;
	}

	public Long getUserId() {
		return userId;
	}

	public void setUserId(Long userId) {
		this.userId = userId;
	}

	public String getBoundBy() {
		return boundBy;
	}

	public void setBoundBy(String boundBy) {
		this.boundBy = boundBy;
	}

	public Instant getBoundAt() {
		return boundAt;
	}

	public void setBoundAt(Instant boundAt) {
		this.boundAt = boundAt;
	}
}
