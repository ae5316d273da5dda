package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A signal found void on appeal (SignalExemptions) is written suppressed and counted as suppressed when a later run
 * raises it over the same evidence; over other evidence it is a signal again.
 */
class VoidSignalsStayVoidTest {

	final RuleDefinition rule = new RuleCatalogue().find("price-over-ceiling").orElseThrow();
	final Window window = new Window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));

	static Hit hit(String subject, String... lines) {
		return new Hit(subject, "provider", "H37030300001", 12.0, 10.0, "单价超过限价", List.of("S1"), List.of(lines), 20.0,
				"2026-10");
	}

	@Test
	void theSignalIdAppealsKeepIsTheIdTheSinkWrites() {
		Signal asRead = new Signal(rule.id(), "S1|3", "2026-10-01", "2026-10-31", BigDecimal.TEN, "", List.of("S1:3"),
				List.of("S1"));
		assertThat(SignalSink.id(rule.id(), "S1|3", window)).isEqualTo(asRead.id());
		assertThat(SignalExemptions.evidenceKey(asRead)).isEqualTo(SignalExemptions.evidenceKey(List.of("S1:3"), List.of("S1")));
	}

	@Test
	void theSameEvidenceIsSuppressedOtherEvidenceIsNot() {
		String voidKey = SignalExemptions.key(SignalSink.id(rule.id(), "S1|3", window),
				SignalExemptions.evidenceKey(List.of("S1:3"), List.of("S1")));
		SignalSink sink = new SignalSink(null, "signals", rule, window, List.of("3703"), "run-1", Map.of());
		sink.voided(Set.of(voidKey));

		sink.accept(hit("S1|3", "S1:3"));
		assertThat(sink.suppressed).isOne();
		assertThat(sink.hits).isZero();

		sink.accept(hit("S1|3", "S1:3", "S1:4"));
		sink.accept(hit("S1|5", "S1:5"));
		assertThat(sink.hits).as("another line billed, another subject").isEqualTo(2);
		assertThat(sink.suppressed).isOne();
	}

	@Test
	void theEvidenceKeyIgnoresOrder() {
		assertThat(SignalExemptions.evidenceKey(List.of("a:2", "a:1"), List.of("a")))
			.isEqualTo(SignalExemptions.evidenceKey(List.of("a:1", "a:2"), List.of("a")))
			.isNotEqualTo(SignalExemptions.evidenceKey(List.of("a:1"), List.of("a")));
	}
}
