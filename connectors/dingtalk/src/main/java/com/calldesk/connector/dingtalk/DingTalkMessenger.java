package com.calldesk.connector.dingtalk;

import com.calldesk.connector.Messenger;
import com.calldesk.connector.Notice;
import com.calldesk.connector.PlatformException;
import com.calldesk.connector.SendResult;
import com.dingtalk.api.request.OapiMessageCorpconversationAsyncsendV2Request;
import com.dingtalk.api.response.OapiMessageCorpconversationAsyncsendV2Response;

/**
 * Notices as 工作通知 from the tenant's app ({@code asyncsend_v2}). DingTalk queues the message and
 * answers a task id; what then happened per recipient (outside the visible range, over the daily cap,
 * repeated content) is only known from {@code getsendresult}, so "delivered" means "accepted".
 */
final class DingTalkMessenger implements Messenger {

	private final DingTalkApp app;

	private final Oapi oapi;

	private final WorkNoticeCard cards;

	DingTalkMessenger(DingTalkApp app, Oapi oapi, WorkNoticeCard cards) {
		this.app = app;
		this.oapi = oapi;
		this.cards = cards;
	}

	@Override
	public SendResult send(String platformUserId, Notice notice) {
		if (platformUserId == null || platformUserId.isBlank() || platformUserId.contains(",")) {
			throw new IllegalArgumentException("One DingTalk userid is expected, not '" + platformUserId + "'");
		}
		OapiMessageCorpconversationAsyncsendV2Request request = new OapiMessageCorpconversationAsyncsendV2Request();
		request.setAgentId(app.agentId());
		request.setUseridList(platformUserId);
		request.setToAllUser(false);
		request.setMsg(cards.render(notice));
		try {
			OapiMessageCorpconversationAsyncsendV2Response response = oapi.call(app,
					"/topapi/message/corpconversation/asyncsend_v2", request);
			return SendResult.delivered(String.valueOf(response.getTaskId()));
		}
		catch (PlatformException e) {
			return switch (e.reason()) {
				case RATE_LIMITED -> SendResult.limited(e.retryAfter(), describe(e));
				case UNAVAILABLE -> SendResult.failed(true, describe(e));
				// an unknown recipient, a wrong agentId, credentials that no longer work: sending again cannot help
				default -> SendResult.failed(false, describe(e));
			};
		}
	}

	private static String describe(PlatformException e) {
		return e.platformCode() == null ? e.getMessage() : "DingTalk " + e.platformCode() + ": " + e.getMessage();
	}
}
