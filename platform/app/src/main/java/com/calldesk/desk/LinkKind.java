package com.calldesk.desk;

/** What a call can be linked to. */
enum LinkKind {
	WORK_ORDER, EVENT
}
