package com.calldesk.center;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.calldesk.support.Leftovers;
import com.calldesk.support.MiddayInChina;

/**
 * {@link CallCenterContract} on the production profile against this machine's MariaDB and Redis: the
 * V11 migration, the tab indexes and the keyset predicate on InnoDB, the retention's updates. Everything
 * it creates is named calldeskcenter* (the other MariaDB ITs own their own prefixes).
 */
@SpringBootTest(properties = { "calldesk.tenancy.platform-schema=calldeskcenter", "calldesk.redis.prefix=calldeskcenter:",
		"calldesk.provisioning.initial-staff-password=it-staff-pass", "calldesk.demo.enabled=true",
		"spring.datasource.hikari.maximum-pool-size=6", "calldesk.sip.server.enabled=false", "calldesk.media.enabled=false",
		"calldesk.media.recordings-dir=target/center-mariadb-it-recordings", "calldesk.recordings.link-key=" + CallCenterContract.LINK_KEY })
@ActiveProfiles("prod")
@AutoConfigureMockMvc
@Import(MiddayInChina.class)
class CallCenterMariaDbIT extends CallCenterContract {

	@BeforeAll
	static void dropEverythingAPreviousRunLeft() throws Exception {
		Leftovers.drop("calldeskcenter");
	}

	@Override
	String staffPassword() {
		return "it-staff-pass";
	}
}
