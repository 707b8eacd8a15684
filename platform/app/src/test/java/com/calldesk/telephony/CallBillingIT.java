package com.calldesk.telephony;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link CallBillingContract} on the embedded default: H2, one schema per tenant in one database. */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:billing-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.enabled=false", "calldesk.media.enabled=false", "calldesk.demo.enabled=false" })
class CallBillingIT extends CallBillingContract {
}
