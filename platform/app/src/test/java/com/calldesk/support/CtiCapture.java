package com.calldesk.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import com.calldesk.calls.CallEvent;

/** Collects every CTI event of the test's application, in order: {@code @Autowired List<CallEvent> cti}. */
@TestConfiguration
public class CtiCapture {

	@Bean
	List<CallEvent> cti() {
		return new CopyOnWriteArrayList<>();
	}

	@Bean
	Object ctiListener(List<CallEvent> cti) {
		return new Object() {
			@EventListener
			void on(CallEvent event) {
				cti.add(event);
			}
		};
	}
}
