package com.calldesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** One runnable jar: provisioning console, tenant web and (next) the telephony core. */
@SpringBootApplication
@ConfigurationPropertiesScan("com.calldesk")
public class CallDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(CallDeskApplication.class, args);
	}
}
