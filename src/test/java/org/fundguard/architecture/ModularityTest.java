package org.fundguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import org.fundguard.FundGuardApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * FundGuard's modules, as Spring Modulith reads them from the code: no cycle between them, and each uses only the
 * others' API (their root packages), never what lies in their sub-packages. The same verification run on a
 * deliberately broken arrangement must fail, so this test cannot pass by seeing nothing.
 */
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(FundGuardApplication.class);

	/** The shared kernel: every module may use it; it uses no business module. */
	static final List<String> KERNEL = List.of("calendar", "database", "documents", "elastic", "errors", "identity",
			"process", "record", "sealing");

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		MODULES.verify();
	}

	@Test
	void theSharedKernelIsDeclaredAsSuchAndDependsOnNoBusinessModule() {
		assertThat(MODULES.getSharedModules()).extracting(ApplicationModule::getIdentifier)
			.extracting(Object::toString)
			.containsExactlyInAnyOrderElementsOf(KERNEL);
		for (ApplicationModule kernel : MODULES.getSharedModules()) {
			assertThat(kernel.getDirectDependencies(MODULES).uniqueModules())
				.as("module %s of the shared kernel", kernel.getIdentifier())
				.extracting(m -> m.getIdentifier().toString())
				.allMatch(KERNEL::contains);
		}
	}

	@Test
	void theVerificationRejectsACycleAndAReachIntoAnotherModulesInternals() {
		ApplicationModules broken = ApplicationModules.of("org.fundguard.architecture.fixtures.broken", everything());

		Violations violations = broken.detectViolations();

		assertThat(violations.hasViolations()).isTrue();
		assertThat(violations.getMessages()).anySatisfy(m -> assertThat(m).contains("Cycle detected").contains("alpha")
			.contains("beta"));
		assertThat(violations.getMessages()).anySatisfy(m -> assertThat(m).contains("gamma")
			.contains("non-exposed type org.fundguard.architecture.fixtures.broken.alpha.internal.AlphaStore"));
		assertThatThrownBy(broken::verify).isInstanceOf(Violations.class);
	}

	@Test
	void theSameModulesArrangedSoundlyPass() {
		ApplicationModules sound = ApplicationModules.of("org.fundguard.architecture.fixtures.sound", everything());

		assertThat(sound.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrder("alpha", "beta");
		sound.verify();
	}

	/** The fixtures are test classes, which an ApplicationModules import leaves out by default. */
	private static ImportOption everything() {
		return location -> true;
	}
}
