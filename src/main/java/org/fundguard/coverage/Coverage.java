package org.fundguard.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fundguard.appeals.IssuedSignalCoverage;
import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.ClosedCases;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.errors.Refused;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.inspections.RecordedInspections;
import org.fundguard.selfinspections.SelfInspectionCoverage;
import org.springframework.stereotype.Service;

/**
 * The three full coverages (三个全覆盖) of a year: per institution of the claims directory in the regions asked for
 * (the bureau's jurisdiction, or a user's own regions within it), whether it reported a self-inspection, had signals
 * issued or an audit case opened, and had a random inspection's result recorded, each in that year.
 */
@Service
public class Coverage {

	private final ClaimsDirectory directory;
	private final Jurisdiction jurisdiction;
	private final SelfInspectionCoverage selfInspections;
	private final IssuedSignalCoverage issuedSignals;
	private final ClosedCases cases;
	private final RecordedInspections inspections;
	private final Clock clock;

	Coverage(ClaimsDirectory directory, Jurisdiction jurisdiction, SelfInspectionCoverage selfInspections,
			IssuedSignalCoverage issuedSignals, ClosedCases cases, RecordedInspections inspections, Clock clock) {
		this.directory = directory;
		this.jurisdiction = jurisdiction;
		this.selfInspections = selfInspections;
		this.issuedSignals = issuedSignals;
		this.cases = cases;
		this.inspections = inspections;
		this.clock = clock;
	}

	/** A year from 2000 to this year; anything else is refused in Chinese. */
	public int checkedYear(String year) {
		// the year turns in Beijing, not at the server's midnight
		int thisYear = LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE)).getYear();
		if (year == null || year.isBlank()) {
			return thisYear;
		}
		try {
			int y = Integer.parseInt(year.strip());
			if (y >= 2000 && y <= thisYear) {
				return y;
			}
		}
		catch (NumberFormatException e) {
			// refused below, with the text the user typed
		}
		throw Refused.because("coverage.bad-year", year.strip());
	}

	/** The regions a user reads: their own prefixes within the jurisdiction, or the whole jurisdiction. */
	public List<String> regionsFor(List<String> userPrefixes) {
		List<String> within = userPrefixes.stream().filter(p -> jurisdiction.regionPrefixes().stream().anyMatch(p::startsWith))
			.toList();
		return within.isEmpty() ? jurisdiction.regionPrefixes() : within;
	}

	public CoverageReport of(int year, List<String> regionPrefixes) {
		Set<String> selfInspected = new HashSet<>(selfInspections.reportedIn(year));
		Set<String> audited = new HashSet<>(issuedSignals.issuedIn(year));
		audited.addAll(cases.institutionsWithCaseOpenedIn(year));
		Set<String> inspected = new HashSet<>();
		inspections.recordedIn(year).forEach(r -> inspected.add(r.providerCode()));
		List<InstitutionCoverage> institutions = directory.providersIn(regionPrefixes, List.of(), List.of())
			.stream()
			.map(p -> new InstitutionCoverage(p.code(), p.name(), org.fundguard.inspections.Plan.typeLabel(p.type()), p.region(), selfInspected.contains(p.code()),
					audited.contains(p.code()), inspected.contains(p.code())))
			.sorted(Comparator.comparing(InstitutionCoverage::fullyCovered)
				.thenComparing(InstitutionCoverage::region)
				.thenComparing(InstitutionCoverage::code))
			.toList();
		Map<String, RegionCoverage> regions = new TreeMap<>();
		RegionCoverage total = new RegionCoverage("合计", 0, 0, 0, 0, 0);
		for (InstitutionCoverage i : institutions) {
			regions.merge(i.region(), new RegionCoverage(i.region(), 0, 0, 0, 0, 0).plus(i), (a, b) -> a.plus(i));
			total = total.plus(i);
		}
		return new CoverageReport(year, regionPrefixes, institutions, List.copyOf(regions.values()), total,
				OffsetDateTime.now(clock));
	}
}
