package org.fundguard.cases;

import java.util.List;

import org.fundguard.calendar.DateOutsideCalendar;
import org.fundguard.record.EnforcementRecord;
import org.springframework.stereotype.Service;

/** Assembles the case file a viewer may see; the access check happens here, before anything is read. */
@Service
public class CaseFiles {

	private final CaseAccess access;
	private final AuditCases cases;
	private final CaseTeam team;
	private final CaseEvidence evidence;
	private final CaseDocuments documents;
	private final CaseNotes notes;
	private final CaseDeadlines deadlines;
	private final CaseTransfers transfers;
	private final EnforcementRecord record;
	private final Officers officers;
	private final CaseWork work;

	CaseFiles(CaseAccess access, AuditCases cases, CaseTeam team, CaseEvidence evidence, CaseDocuments documents,
			CaseNotes notes, CaseDeadlines deadlines, CaseTransfers transfers, EnforcementRecord record, Officers officers,
			CaseWork work) {
		this.access = access;
		this.cases = cases;
		this.team = team;
		this.evidence = evidence;
		this.documents = documents;
		this.notes = notes;
		this.deadlines = deadlines;
		this.transfers = transfers;
		this.record = record;
		this.officers = officers;
		this.work = work;
	}

	public CaseFile of(CaseViewer viewer, String number) {
		AuditCase c = access.visible(viewer, number);
		List<CaseFile.DeadlineView> due = deadlines.of(c.id()).stream().map(d -> {
			try {
				return new CaseFile.DeadlineView(d, deadlines.workingDaysLeft(d));
			}
			catch (DateOutsideCalendar e) {
				return new CaseFile.DeadlineView(d, null);
			}
		}).toList();
		List<CaseFile.TimelineEntry> timeline = record.entries(c.id())
			.stream()
			.map(e -> new CaseFile.TimelineEntry(e, officers.nameOf(e.actorId())))
			.toList();
		return new CaseFile(c, cases.findings(c.id()).orElse(null), team.assignees(c.id()), evidence.leadsOf(c.id()),
				evidence.of(c.id()), documents.of(c.id()), notes.of(c.id()), due, transfers.of(c.id()), timeline,
				record.verify(c.id()), work.of(c, viewer));
	}

	/** Directors and the case's own inspectors add notes and documents; others who may see the case only read. */
	public boolean mayContribute(CaseViewer viewer, AuditCase c) {
		return viewer.has(org.fundguard.identity.Role.DIRECTOR) || team.isAssigned(c.id(), viewer.username());
	}
}
