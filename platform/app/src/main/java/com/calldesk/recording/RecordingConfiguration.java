package com.calldesk.recording;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The retention job runs on Spring's scheduler; tests call {@link RecordingRetention#sweep} themselves. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecordingConfiguration {
}
