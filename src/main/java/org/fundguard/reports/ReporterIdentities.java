package org.fundguard.reports;

import java.util.Optional;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The only reader of real-name reporters' identities, and only for the report-handler role: the access table
 * already keeps everyone else off the pages that call this, and this check keeps it so if a page is added later.
 */
@Service
class ReporterIdentities {

	private final JdbcClient jdbc;
	private final ReportSealing sealing;

	ReporterIdentities(JdbcClient jdbc, ReportSealing sealing) {
		this.jdbc = jdbc;
		this.sealing = sealing;
	}

	Optional<ReporterIdentity> of(long reportId, CurrentUser reader) {
		if (!reader.has(Role.REPORT_HANDLER)) {
			throw Refused.forbidden("reports.identity.handlers-only");
		}
		return jdbc.sql("select reporter_kind, full_name, id_number, phone, sealed from report_identity where report_id = ?")
			.param(reportId)
			.query((rs, n) -> rs.getBytes(5) != null
					? sealing.openIdentity(reportId, ReporterKind.valueOf(rs.getString(1)), rs.getBytes(5))
					: new ReporterIdentity(ReporterKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** Whether the reporter reports as a natural person: all the reward rules need to know, and no more. */
	Optional<ReporterKind> kindOf(long reportId) {
		return jdbc.sql("select reporter_kind from report_identity where report_id = ?")
			.param(reportId)
			.query((rs, n) -> ReporterKind.valueOf(rs.getString(1)))
			.optional();
	}
}
