package com.calldesk.connector.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import com.calldesk.connector.InMemoryTokenCache;
import com.taobao.api.internal.util.TaobaoLogger;
import com.taobao.api.internal.util.WebV2Utils;

/** The SDK defaults the connector must undo, checked where they live. */
class SdkSafetyTest {

	@Test
	void legacySdkChecksCertificatesAndHostNamesAndDoesNotLogParameters() throws Exception {
		new DingTalkConnector(DingTalkConnector.Endpoints.PRODUCTION, new InMemoryTokenCache(), Clock.systemUTC());

		assertThat(staticFlag(WebV2Utils.class, "ignoreSSLCheck")).isFalse();
		assertThat(staticFlag(WebV2Utils.class, "ignoreHostCheck")).isFalse();
		assertThat(staticFlag(TaobaoLogger.class, "needEnableLogger")).isFalse();
	}

	@Test
	void newApiClientsSpeakHttpsToTheProductionHost() throws Exception {
		DingTalkConnector connector = new DingTalkConnector(DingTalkConnector.Endpoints.PRODUCTION,
				new InMemoryTokenCache(), Clock.systemUTC());
		Object openApi = field(connector, "openApi");

		for (String client : new String[] { "oauth2", "contact" }) {
			com.aliyun.teaopenapi.Client tea = (com.aliyun.teaopenapi.Client) field(openApi, client);
			assertThat(tea._protocol).isEqualTo("https");
			assertThat(tea._endpoint).isEqualTo("api.dingtalk.com");
		}
	}

	private static boolean staticFlag(Class<?> type, String name) throws Exception {
		Field field = type.getDeclaredField(name);
		field.setAccessible(true);
		return field.getBoolean(null);
	}

	private static Object field(Object owner, String name) throws Exception {
		Field field = owner.getClass().getDeclaredField(name);
		field.setAccessible(true);
		return field.get(owner);
	}
}
