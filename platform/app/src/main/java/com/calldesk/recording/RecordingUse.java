package com.calldesk.recording;

/** What a link is for: played in the page (inline) or saved as a file (attachment). */
public enum RecordingUse {
	PLAY, DOWNLOAD
}
