package org.fundguard.selfinspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.claims.ClaimsDirectory.Provider;
import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

/** Who a self-inspection asks: regions and types from the directory, plus named institutions, each once. */
class SelfInspectionScopeTest {

	private final ClaimsDirectory directory = mock(ClaimsDirectory.class);
	private final SelfInspectionScope scope = new SelfInspectionScope(directory);

	static Provider provider(String code, String type, String region) {
		return new Provider(code, "机构" + code, type, "2", region, "active");
	}

	static SelfInspectionDraft draft(List<String> regions, List<String> types, List<String> codes) {
		return new SelfInspectionDraft("2026 年自查", List.of("price-over-ceiling"), LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 6, 30), regions, types, codes, 10);
	}

	@Test
	void regionsAndTypesAskTheDirectoryAndNamedInstitutionsAreAddedOnceInCodeOrder() {
		when(directory.providersIn(List.of("3703"), List.of("hospital"), List.of()))
			.thenReturn(List.of(provider("H002", "hospital", "370302"), provider("H001", "hospital", "370303")));
		when(directory.provider("P009")).thenReturn(Optional.of(provider("P009", "pharmacy", "370305")));

		List<Provider> found = scope.institutions(draft(List.of("3703"), List.of("hospital"), List.of("H001", "P009")));

		assertThat(found).extracting(Provider::code).containsExactly("H001", "H002", "P009");
		verify(directory, never()).provider("H001");
	}

	@Test
	void anExplicitListAloneDoesNotReadAWholeRegion() {
		when(directory.provider("H001")).thenReturn(Optional.of(provider("H001", "hospital", "370303")));

		assertThat(scope.institutions(draft(List.of(), List.of(), List.of("H001")))).extracting(Provider::code)
			.containsExactly("H001");
		verify(directory, never()).providersIn(List.of(), List.of(), List.of());
	}

	@Test
	void anUnknownCodeIsRefusedNotDropped() {
		when(directory.provider("H001")).thenReturn(Optional.of(provider("H001", "hospital", "370303")));
		when(directory.provider("NOPE")).thenReturn(Optional.empty());

		assertThatThrownBy(() -> scope.institutions(draft(List.of(), List.of(), List.of("H001", "NOPE"))))
			.isInstanceOf(Refused.class).hasMessageContaining("NOPE");
	}

	@Test
	void aScopeWithoutAnyInstitutionIsRefused() {
		when(directory.providersIn(List.of("9999"), List.of(), List.of())).thenReturn(List.of());

		assertThatThrownBy(() -> scope.institutions(draft(List.of("9999"), List.of(), List.of())))
			.isInstanceOf(Refused.class).hasMessage("所选范围内没有定点医药机构");
	}

	@Test
	void aDraftNeedsRulesAPeriodInOrderAScopeAndASensibleDeadline() {
		assertThatThrownBy(() -> draft(List.of(), List.of(), List.of())).hasMessageContaining("自查范围");
		assertThatThrownBy(() -> new SelfInspectionDraft("x", List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
				List.of("3703"), List.of(), List.of(), 10)).hasMessageContaining("规则");
		assertThatThrownBy(() -> new SelfInspectionDraft("x", List.of("r"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1),
				List.of("3703"), List.of(), List.of(), 10)).hasMessageContaining("期间");
		assertThatThrownBy(() -> new SelfInspectionDraft("x", List.of("r"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
				List.of("3703"), List.of(), List.of(), 0)).hasMessageContaining("工作日");
		assertThat(new SelfInspectionDraft(" x ", List.of("r", " r", ""), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
				List.of("3703"), null, null, 10).ruleIds()).containsExactly("r");
	}
}
