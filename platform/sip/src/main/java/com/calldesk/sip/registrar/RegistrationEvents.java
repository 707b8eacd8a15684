package com.calldesk.sip.registrar;

/** What the registrar tells the rest: a phone came or went (agent state and keep-alives listen). */
public interface RegistrationEvents {

	void registered(Binding binding);

	void unregistered(Binding binding, String reason);

	RegistrationEvents NONE = new RegistrationEvents() {
		@Override
		public void registered(Binding binding) {
		}

		@Override
		public void unregistered(Binding binding, String reason) {
		}
	};
}
