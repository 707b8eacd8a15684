package com.calldesk.provisioning.tenants;

/** APPROVING marks an approval in flight, so two staff members cannot open the same tenant twice. */
public enum ApplicationStatus {
	PENDING, APPROVING, APPROVED, REJECTED
}
