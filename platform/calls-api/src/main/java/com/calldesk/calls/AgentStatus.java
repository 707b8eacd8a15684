package com.calldesk.calls;

/** What the agent chose (mod_callcenter's status): only IDLE is offered calls. */
public enum AgentStatus {
	/** Not working: signed out, or the phone is gone. */
	OFFLINE,
	/** Available (空闲). */
	IDLE,
	/** Busy (忙碌中): working, but no calls; also where repeated no-answers put an agent. */
	BUSY,
	/** Rest (小休). */
	REST
}
