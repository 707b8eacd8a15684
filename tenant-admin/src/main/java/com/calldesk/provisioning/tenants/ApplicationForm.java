package com.calldesk.provisioning.tenants;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a company fills in to apply for the call center (申请开通). */
public record ApplicationForm(@NotBlank @Size(max = 100) String companyName, @NotBlank @Size(max = 50) String contactName,
		@NotBlank @Size(max = 32) String contactPhone, @Email @Size(max = 100) String contactEmail,
		@Min(1) @Max(500) Integer seatsWanted, @Size(max = 500) String note) {
}
