package com.calldesk.media;

import java.time.Clock;
import java.time.Duration;

/** What every session of one relay shares: its recorder and prompts threads, its ports, its clock and its timeout. */
record RelayServices(Recorder recorder, Prompts prompts, PortPool ports, Clock clock, Duration rtpTimeout) {
}
