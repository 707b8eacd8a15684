package com.calldesk.connector;

/** Delivers notices inside the platform (DingTalk work notice, WeCom app message, Feishu card). */
public interface Messenger {

	SendResult send(TenantRef tenant, String platformUserId, Notice notice);
}
