package com.calldesk.connector;

/** Where a tenant's users work. */
public enum Platform {
	STANDALONE, DINGTALK, WECOM, FEISHU
}
