package com.calldesk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module and package boundaries, checked on the compiled classes of every module: allow-lists (what a
 * package may use), so that a dependency nobody decided on fails the build instead of going stale.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.calldesk");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("com.calldesk.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	/**
	 * Every feature package (com.calldesk.X) and the features it may use, as an allow-list: a new dependency
	 * between features is a decision made here, in review, not an accident found later. Third-party
	 * libraries are checked below for the modules that must stay free of them.
	 */
	private static final Map<String, Set<String>> FEATURES = Map.ofEntries(
			Map.entry("phone", Set.of("problem")),
			Map.entry("problem", Set.of()),
			Map.entry("state", Set.of()),
			Map.entry("tenancy", Set.of()),
			Map.entry("media", Set.of()),
			Map.entry("connector", Set.of()),
			Map.entry("sip", Set.of("state")),
			Map.entry("calls", Set.of("phone")),
			Map.entry("signin", Set.of("state")),
			Map.entry("journal", Set.of("provisioning", "tenancy")),
			Map.entry("provisioning", Set.of("phone", "problem", "signin", "state", "tenancy")),
			Map.entry("users", Set.of("connector", "phone", "problem", "provisioning", "signin", "state", "tenancy")),
			Map.entry("seats", Set.of("calls", "problem", "provisioning", "tenancy", "users")),
			Map.entry("crm", Set.of("phone", "problem", "users")),
			Map.entry("voicemail", Set.of("sip")),
			Map.entry("billing", Set.of("problem", "provisioning", "sip", "users")),
			Map.entry("acd", Set.of("calls", "journal", "phone", "problem", "provisioning", "seats", "sip", "tenancy", "users")),
			Map.entry("telephony", Set.of("acd", "billing", "calls", "journal", "media", "phone", "problem", "provisioning", "seats", "sip",
					"state", "tenancy", "users", "voicemail")),
			Map.entry("recording", Set.of("problem", "provisioning", "seats", "telephony", "tenancy", "users")),
			Map.entry("callback", Set.of("calls", "phone", "problem", "recording", "seats", "telephony", "tenancy", "users")),
			Map.entry("desk", Set.of("acd", "calls", "crm", "phone", "problem", "provisioning", "seats", "telephony", "tenancy", "users")),
			Map.entry("center", Set.of("acd", "callback", "calls", "phone", "problem", "provisioning", "recording", "seats", "sip", "state",
					"telephony", "tenancy", "users")),
			Map.entry("platforms", Set.of("callback", "calls", "connector", "crm", "phone", "problem", "provisioning", "seats", "state", "tenancy",
					"users")),
			Map.entry("system", Set.of("provisioning", "seats", "state", "tenancy", "users")),
			Map.entry("web", Set.of("seats", "users")));

	@Test
	void everyFeaturePackageIsOnTheAllowList() {
		Set<String> found = CLASSES.stream()
			.map(JavaClass::getPackageName)
			.filter(name -> name.startsWith("com.calldesk."))
			.map(name -> name.substring("com.calldesk.".length()).split("\\.")[0])
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(found).as("feature packages; add a new one to FEATURES with what it may use").isEqualTo(new TreeSet<>(FEATURES.keySet()));
	}

	@Test
	void eachFeatureUsesOnlyTheFeaturesItIsAllowedTo() {
		FEATURES.forEach((feature, allowed) -> {
			String[] own = Stream.concat(Stream.of(feature), allowed.stream()).map(name -> "com.calldesk." + name + "..").toArray(String[]::new);
			classes().that().resideInAPackage("com.calldesk." + feature + "..")
				.should().onlyDependOnClassesThat(resideInAnyPackage(own).or(resideOutsideOfPackage("com.calldesk..")))
				.because(feature + " may use " + (allowed.isEmpty() ? "no other feature" : String.join(", ", new TreeSet<>(allowed))))
				.check(CLASSES);
		});
	}

	@Test
	void insideSipTheCallsAndTheRegistrarSitOnTheStackAndNotTheOtherWayRound() {
		classes().that().resideInAnyPackage("com.calldesk.sip", "com.calldesk.sip.overload", "com.calldesk.sip.trunks")
			.should().onlyDependOnClassesThat(resideInAnyPackage("com.calldesk.sip", "com.calldesk.sip.overload", "com.calldesk.sip.trunks")
				.or(resideOutsideOfPackage("com.calldesk..")))
			.check(CLASSES);
		classes().that().resideInAPackage("com.calldesk.sip.registrar")
			.should().onlyDependOnClassesThat(resideInAnyPackage("com.calldesk.sip", "com.calldesk.sip.registrar", "com.calldesk.state..")
				.or(resideOutsideOfPackage("com.calldesk..")))
			.check(CLASSES);
	}

	/** The telephony core runs on the JDK, JAIN-SIP, SLF4J and (for shared state) Redisson: no SQL, no HTTP, no Spring. */
	@Test
	void sipMediaAndStateUseOnlyTheLibrariesTheyAreAllowedTo() {
		classes().that().resideInAPackage("com.calldesk.sip..")
			.should().onlyDependOnClassesThat().resideInAnyPackage("com.calldesk.sip..", "com.calldesk.state..", "java..", "javax.sip..",
					"javax.crypto..", "gov.nist..", "org.slf4j..", "org.redisson..")
			.check(CLASSES);
		classes().that().resideInAPackage("com.calldesk.media..")
			.should().onlyDependOnClassesThat().resideInAnyPackage("com.calldesk.media..", "java..", "org.slf4j..")
			.check(CLASSES);
		classes().that().resideInAPackage("com.calldesk.state..")
			.should().onlyDependOnClassesThat().resideInAnyPackage("com.calldesk.state..", "java..", "org.redisson..")
			.check(CLASSES);
	}

	@Test
	void theConnectorApiNamesNoPlatformSdkAndNoApplicationClass() {
		noClasses().that().resideInAPackage("com.calldesk.connector")
			.should().dependOnClassesThat().resideOutsideOfPackages("com.calldesk.connector..", "java..")
			.check(CLASSES);
	}

	@Test
	void noFieldInjection() {
		noFields().should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class).check(CLASSES);
	}
}
