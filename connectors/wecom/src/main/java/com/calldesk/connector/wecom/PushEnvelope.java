package com.calldesk.connector.wecom;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The outer XML of a push, {@code <xml><ToUserName/><AgentID/><Encrypt/></xml>}. It arrives before
 * anything is verified, so it is read with a JDK parser that refuses DTDs and external entities rather
 * than with XStream; only the verified, decrypted message goes on to WxJava.
 */
record PushEnvelope(String toUserName, String agentId, String encrypt) {

	static PushEnvelope parse(byte[] body) {
		try {
			Element root = parser().parse(new ByteArrayInputStream(body)).getDocumentElement();
			return new PushEnvelope(text(root, "ToUserName"), text(root, "AgentID"), text(root, "Encrypt"));
		}
		catch (SAXException | IOException e) {
			throw CallbackCipher.rejected("callback body is not WeCom's XML");
		}
	}

	private static DocumentBuilder parser() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			// quiet: the JDK's default handler prints every parse error to stderr; fatal ones still throw
			builder.setErrorHandler(new DefaultHandler());
			return builder;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
		}
	}

	private static String text(Element root, String name) {
		NodeList nodes = root.getElementsByTagName(name);
		if (nodes.getLength() == 0) {
			return null;
		}
		String text = nodes.item(0).getTextContent().strip();
		return text.isEmpty() ? null : text;
	}
}
