package com.calldesk.platforms;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** {@link PlatformDataContract} on the embedded default (H2 in MySQL mode). */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:platform-data-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.enabled=false", "calldesk.media.enabled=false" })
@Import(com.calldesk.support.QueueTenants.class)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class PlatformDataIT extends PlatformDataContract {
}
