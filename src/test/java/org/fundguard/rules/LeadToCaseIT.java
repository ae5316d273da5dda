package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.CaseEvidence;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.CaseStatus;
import org.fundguard.cases.EvidenceLines;
import org.fundguard.cases.LeadCases;
import org.fundguard.cases.SubjectType;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.record.Actor;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A monitoring lead becomes an audit case whose evidence is the lead's signals and claim lines, with the filing
 * deadline counted from the lead; opening it again gives the same case; a run opens the leads at or above the score.
 */
@IntegrationTest
class LeadToCaseIT {

	@Autowired
	ClaimsLoader loader;

	@Autowired
	RuleEngine engine;

	@Autowired
	Leads leads;

	@Autowired
	LeadCases leadCases;

	@Autowired
	CaseEvidence evidence;

	@Autowired
	EvidenceLines lines;

	@TempDir
	Path temp;

	@Test
	void aLeadBecomesOneCaseWithItsSignalsAndClaimLinesAsEvidence() throws Exception {
		String p = "LC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		// a lead's id is its party and window: a month of its own, so that the lead is new on every run; before 2016
		// (the rule library's ITs use 2016-01..03) and so before 2016-11, where RuleQualityIT's fund rules look back
		// from its window (a settlement there gave a fund month a base of 0.90)
		LocalDate month = LocalDate.of(2000, 1, 1).plusMonths(new java.util.Random().nextInt(192));
		SmallExport export = new SmallExport(p).person("P1", 104, "")
			.visit("S1", "P1", "H37030300012", "11", month.plusDays(4).toString(), "E11.900", SmallExport.DRUG, "0.90");
		loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		Window window = new Window(month, month.plusMonths(1).minusDays(1));
		RunRecord run = engine.run(new RunRequest(List.of("price-over-ceiling"), window, List.of(), "analyst1", "UI"));
		Lead lead = leads.ofRun(run.id()).stream().filter(l -> l.partyKey().equals("H37030300012")).findFirst().orElseThrow();

		AuditCase c = leadCases.open(lead.id(), new Actor("director1", "director"));

		assertThat(c.source()).isEqualTo(CaseSource.LEAD);
		assertThat(c.sourceRef()).isEqualTo(lead.id());
		assertThat(c.subjectType()).isEqualTo(SubjectType.INSTITUTION);
		assertThat(c.subjectName()).isEqualTo("淄博市第二医院");
		assertThat(c.subjectRegion()).isEqualTo("370303");
		assertThat(c.status()).isEqualTo(CaseStatus.TRIAGE);
		assertThat(c.receivedAt().toInstant()).isEqualTo(lead.updatedAt().toInstant());
		assertThat(evidence.of(c.id())).extracting(CaseEvidence.Item::ref)
			.contains("price-over-ceiling|" + p + "S1|" + SmallExport.DRUG + "|" + window, p + "S1#1");
		var drill = lines.of(c, p + "S1");
		assertThat(drill.lines()).hasSize(1);
		assertThat(drill.settlement().path("person_id").asText()).doesNotContain(p + "P1").contains("****");
		assertThat(leadCases.open(lead.id(), new Actor("director1", "director")).number()).isEqualTo(c.number());
		assertThat(leadCases.openLeadsOfRun(run.id(), 0)).as("a lead that is a case already is not opened again")
			.extracting(AuditCase::sourceRef).doesNotContain(lead.id());
	}
}
