package com.calldesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module and package boundaries, checked on the compiled classes of every module. */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.calldesk");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("com.calldesk.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void tenancyAndStateKnowNothingOfTheFeatures() {
		noClasses().that().resideInAnyPackage("com.calldesk.tenancy..", "com.calldesk.state..")
			.should().dependOnClassesThat().resideInAnyPackage("com.calldesk.provisioning..", "com.calldesk.users..",
					"com.calldesk.seats..", "com.calldesk.crm..", "com.calldesk.web..", "com.calldesk.system..")
			.check(CLASSES);
	}

	@Test
	void provisioningDoesNotReachIntoTheTenantApplication() {
		noClasses().that().resideInAPackage("com.calldesk.provisioning..")
			.should().dependOnClassesThat().resideInAnyPackage("com.calldesk.users..", "com.calldesk.seats..", "com.calldesk.crm..",
					"com.calldesk.web..", "com.calldesk.system..")
			.check(CLASSES);
	}

	@Test
	void theConnectorApiNamesNoPlatformSdkAndNoApplicationClass() {
		noClasses().that().resideInAPackage("com.calldesk.connector")
			.should().dependOnClassesThat().resideOutsideOfPackages("com.calldesk.connector..", "java..")
			.check(CLASSES);
	}

	@Test
	void afterSalesObjectsAndSeatsAreIndependentFeatures() {
		noClasses().that().resideInAPackage("com.calldesk.crm..").should().dependOnClassesThat()
			.resideInAnyPackage("com.calldesk.seats..", "com.calldesk.web..", "com.calldesk.provisioning..")
			.check(CLASSES);
	}

	@Test
	void sipCodeTouchesNoSqlNoHttpNoSpringAndNoFeature() {
		noClasses().that().resideInAPackage("com.calldesk.sip..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..",
					"java.net.http..", "com.baomidou..", "org.apache.ibatis..", "com.calldesk.provisioning..", "com.calldesk.users..",
					"com.calldesk.seats..", "com.calldesk.crm..", "com.calldesk.web..", "com.calldesk.system..", "com.calldesk.telephony..",
					"com.calldesk.tenancy..")
			.check(CLASSES);
	}

	@Test
	void mediaCodeTouchesNoSqlNoHttpNoSpringAndNothingAboveIt() {
		noClasses().that().resideInAPackage("com.calldesk.media..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..",
					"java.net.http..", "com.calldesk.sip..", "com.calldesk.provisioning..", "com.calldesk.telephony..", "com.calldesk.tenancy..",
					"com.calldesk.system..")
			.check(CLASSES);
	}

	@Test
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class).check(CLASSES);
	}
}
