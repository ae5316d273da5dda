package org.fundguard.institutions;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state of each provider's service agreement, as decided by cases and penalties. Loads stamp it onto the
 * provider directory and random draws leave out providers whose agreement is suspended or terminated.
 */
@Service
public class ProviderAgreements {

	private final JdbcClient jdbc;

	ProviderAgreements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public AgreementMeasure suspend(String providerCode, LocalDate from, LocalDate until, String reason,
			String caseNumber, Actor decidedBy) {
		if (from == null || until == null || until.isBefore(from)) {
			throw Refused.because("institutions.suspension.period");
		}
		return insert(providerCode, AgreementMeasure.Kind.SUSPENDED, from, until, reason, caseNumber, decidedBy);
	}

	@Transactional
	public AgreementMeasure terminate(String providerCode, LocalDate from, String reason, String caseNumber,
			Actor decidedBy) {
		return insert(providerCode, AgreementMeasure.Kind.TERMINATED, from, null, reason, caseNumber, decidedBy);
	}

	/** The measures in force for a provider on a day (empty = the agreement is in force). */
	public List<AgreementMeasure> inForce(String providerCode, LocalDate day) {
		return measures(providerCode).stream().filter(m -> m.appliesOn(day)).toList();
	}

	/** "在协议" / "暂停协议" / "解除协议" on that day, as stamped onto the provider directory. */
	public String statusOn(String providerCode, LocalDate day) {
		List<AgreementMeasure> measures = inForce(providerCode, day);
		if (measures.stream().anyMatch(m -> m.kind() == AgreementMeasure.Kind.TERMINATED)) {
			return "terminated";
		}
		return measures.isEmpty() ? "active" : "suspended";
	}

	/** Providers whose agreement is suspended or terminated on that day. */
	public Set<String> restrictedOn(LocalDate day) {
		Set<String> codes = new TreeSet<>();
		jdbc.sql("select id, provider_code, kind, from_date, until_date, reason, case_number, decided_by from provider_agreement_measure")
			.query(ProviderAgreements::row)
			.list()
			.stream()
			.filter(m -> m.appliesOn(day))
			.forEach(m -> codes.add(m.providerCode()));
		return codes;
	}

	public List<AgreementMeasure> measures(String providerCode) {
		return jdbc.sql("""
				select id, provider_code, kind, from_date, until_date, reason, case_number, decided_by
				from provider_agreement_measure where provider_code = ? order by id""")
			.param(providerCode)
			.query(ProviderAgreements::row)
			.list();
	}

	private AgreementMeasure insert(String providerCode, AgreementMeasure.Kind kind, LocalDate from, LocalDate until,
			String reason, String caseNumber, Actor decidedBy) {
		jdbc.sql("""
				insert into provider_agreement_measure (provider_code, kind, from_date, until_date, reason, case_number,
				decided_by) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(providerCode, kind.name(), from, until, reason, caseNumber, decidedBy.userId())
			.update();
		return measures(providerCode).getLast();
	}

	private static AgreementMeasure row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AgreementMeasure(rs.getLong(1), rs.getString(2), AgreementMeasure.Kind.valueOf(rs.getString(3)),
				rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
				rs.getString(8));
	}
}
