package com.calldesk.center;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import com.calldesk.support.MiddayInChina;

/** {@link CallCenterContract} on the embedded default: H2 in MySQL mode, the demo tenant. */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:center-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;INIT=CREATE SCHEMA IF NOT EXISTS calldesk",
		"calldesk.sip.server.enabled=false", "calldesk.media.enabled=false",
		"calldesk.media.recordings-dir=target/center-it-recordings", "calldesk.recordings.link-key=" + CallCenterContract.LINK_KEY })
@AutoConfigureMockMvc
@Import(MiddayInChina.class)
class CallCenterIT extends CallCenterContract {

	@Override
	String staffPassword() {
		return "staff123";
	}
}
