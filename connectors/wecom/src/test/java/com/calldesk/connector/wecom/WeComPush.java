package com.calldesk.connector.wecom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.calldesk.connector.CallbackRequest;

/**
 * What WeCom sends, sealed the documented way with the JDK alone (no WxJava, no connector code):
 * msg_signature = sha1hex(sort(token, timestamp, nonce, encrypt).join("")); encrypt =
 * Base64(AES-256-CBC(key = Base64(aesKey + "="), IV = key[0..16), no JCE padding) of
 * random16 ‖ int32 BE length ‖ msg ‖ receiveid, PKCS#7-padded to a multiple of 32).
 */
final class WeComPush {

	private final String token;

	private final String aesKey;

	WeComPush(String token, String aesKey) {
		this.token = token;
		this.aesKey = aesKey;
	}

	/** The URL check: GET with the encrypted echostr. */
	CallbackRequest urlCheck(String echo, String receiveId, long timestamp, String nonce) {
		String encrypt = seal(echo, receiveId);
		return new CallbackRequest("GET", "/callbacks/wecom/7", Map.of("msg_signature", sign(timestamp, nonce, encrypt),
				"timestamp", Long.toString(timestamp), "nonce", nonce, "echostr", encrypt), Map.of(), null);
	}

	/** An event: POST with the envelope addressed to {@code toUserName}, sealed for {@code receiveId}. */
	CallbackRequest event(String message, String toUserName, String receiveId, long timestamp, String nonce) {
		String encrypt = seal(message, receiveId);
		return post(envelope(toUserName, encrypt), sign(timestamp, nonce, encrypt), timestamp, nonce);
	}

	static CallbackRequest post(String body, String signature, long timestamp, String nonce) {
		return new CallbackRequest("POST", "/callbacks/wecom/7",
				Map.of("msg_signature", signature, "timestamp", Long.toString(timestamp), "nonce", nonce),
				Map.of("Content-Type", java.util.List.of("text/xml")), body.getBytes(StandardCharsets.UTF_8));
	}

	static String envelope(String toUserName, String encrypt) {
		return "<xml><ToUserName><![CDATA[" + toUserName + "]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID>"
				+ "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
	}

	static String contactDeleted(String corpId, String userId, long createTime) {
		return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
				+ "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[delete_user]]></ChangeType>"
				+ "<UserID><![CDATA[" + userId + "]]></UserID></xml>";
	}

	static String enterAgent(String corpId, String userId, long createTime) {
		return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[" + userId
				+ "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1000002</AgentID></xml>";
	}

	String sign(long timestamp, String nonce, String encrypt) {
		String[] parts = { token, Long.toString(timestamp), nonce, encrypt };
		Arrays.sort(parts);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	String seal(String message, String receiveId) {
		byte[] key = Base64.getDecoder().decode(aesKey + "=");
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		plain.writeBytes("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
		plain.writeBytes(ByteBuffer.allocate(4).putInt(text.length).array());
		plain.writeBytes(text);
		plain.writeBytes(receiveId.getBytes(StandardCharsets.UTF_8));
		int pad = 32 - plain.size() % 32;
		for (int i = 0; i < pad; i++) {
			plain.write(pad);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
			return Base64.getEncoder().encodeToString(cipher.doFinal(plain.toByteArray()));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
