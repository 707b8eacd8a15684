package com.calldesk.desk;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** {@link DeskDataContract} on the embedded default: H2 in MySQL mode, in-process board and counters, the demo tenant. */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:desk-data-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.enabled=false", "calldesk.media.enabled=false" })
@AutoConfigureMockMvc
@Import(com.calldesk.support.MiddayInChina.class)
class DeskDataIT extends DeskDataContract {

	@Override
	String staffPassword() {
		return "staff123";
	}
}
