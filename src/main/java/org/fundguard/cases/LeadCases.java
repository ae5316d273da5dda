package org.fundguard.cases;

import java.util.ArrayList;
import java.util.List;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.fundguard.rules.RuleLabels;
import org.fundguard.rules.RuleRunFinished;
import org.fundguard.rules.Signal;
import org.fundguard.rules.SignalSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monitoring leads become audit cases: one case per lead, opened by a director from the lead, or automatically after
 * each rules run for leads at or above {@code fundguard.cases.auto-open-min-risk-score}. The filing deadline counts
 * from the lead's time; the lead's signals and claim lines become the case's evidence.
 */
@Service
public class LeadCases {

	private static final Logger log = LoggerFactory.getLogger(LeadCases.class);

	private final Leads leads;
	private final SignalSearch signals;
	private final AuditCases cases;
	private final CaseEvidence evidence;
	private final ClaimsDirectory directory;
	private final CasesProperties properties;
	private final TransactionTemplate tx;
	private final RuleLabels labels;

	LeadCases(Leads leads, SignalSearch signals, AuditCases cases, CaseEvidence evidence, ClaimsDirectory directory,
			CasesProperties properties, TransactionTemplate tx, RuleLabels labels) {
		this.labels = labels;
		this.leads = leads;
		this.signals = signals;
		this.cases = cases;
		this.evidence = evidence;
		this.directory = directory;
		this.properties = properties;
		this.tx = tx;
	}

	/** Opens the case of a lead, or returns the case it already became. */
	@Transactional
	public AuditCase open(String leadId, Actor by) {
		return open(leadId, null, by);
	}

	/**
	 * Opens the case of a reviewed lead with only the signals its institution's review confirmed as evidence (their
	 * money is the case's amount), or returns the case it already became.
	 *
	 * @param evidenceSignalIds ids ({@link org.fundguard.rules.Signal#id()}) of the signals to take; null takes all
	 */
	@Transactional
	public AuditCase open(String leadId, java.util.Set<String> evidenceSignalIds, Actor by) {
		var existing = evidence.caseOfLead(leadId).flatMap(cases::find);
		if (existing.isPresent()) {
			return existing.get();
		}
		Lead lead = leads.find(leadId).orElseThrow(() -> Refused.because("cases.lead.not-found", leadId));
		Subject s = subjectOf(lead);
		List<Signal> taken = signals.evidenceOf(lead.id());
		java.math.BigDecimal amount = lead.money();
		String summary = "智能监控线索：规则 " + labels.names(lead.rules()) + "，信号 " + lead.signals() + " 条";
		if (evidenceSignalIds != null) {
			taken = taken.stream().filter(sig -> evidenceSignalIds.contains(sig.id())).toList();
			amount = taken.stream().map(Signal::money).filter(java.util.Objects::nonNull)
				.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
			summary += "（机构复核确认 " + taken.size() + " 条）";
		}
		AuditCase c = cases.open(new NewCase(s.type(), lead.partyKey(), s.name(), s.region(), CaseSource.LEAD, lead.id(),
				amount, summary + "，监测期间 " + lead.from() + " 至 " + lead.to() + "，风险分 " + lead.riskScore(),
				lead.updatedAt(), by));
		evidence.linkLead(c.id(), lead, labels.names(lead.rules()), taken, by);
		return c;
	}

	@EventListener
	void runFinished(RuleRunFinished run) {
		if (properties.autoOpenMinRiskScore() == null) {
			return;
		}
		List<AuditCase> opened = openLeadsOfRun(run.runId(), properties.autoOpenMinRiskScore());
		log.info("rules run {}: {} audit case(s) opened from leads with risk score >= {}", run.runId(), opened.size(),
				properties.autoOpenMinRiskScore());
	}

	/** Opens a case for each lead of the run at or above the score that is not a case yet (fund leads excepted). */
	public List<AuditCase> openLeadsOfRun(String runId, double minRiskScore) {
		List<AuditCase> opened = new ArrayList<>();
		for (Lead lead : leads.ofRun(runId)) {
			if (lead.riskScore() < minRiskScore || "fund".equals(lead.partyType()) || evidence.caseOfLead(lead.id()).isPresent()) {
				continue;
			}
			try {
				// each lead in its own transaction: one that fails does not undo the others
				opened.add(tx.execute(status -> open(lead.id(), Actor.SYSTEM)));
			}
			catch (RuntimeException e) {
				log.warn("lead {} could not become a case", lead.id(), e);
			}
		}
		return opened;
	}

	private record Subject(SubjectType type, String name, String region) {
	}

	/** Who answers for the lead: the provider (name and region from its directory) or the person (masked name). */
	private Subject subjectOf(Lead lead) {
		return switch (lead.partyType()) {
			case "provider" -> directory.provider(lead.partyKey())
				.map(p -> new Subject(SubjectType.INSTITUTION, p.name() == null ? lead.partyKey() : p.name(), p.region()))
				.orElse(new Subject(SubjectType.INSTITUTION, lead.partyKey(), null));
			case "person" -> directory.person(lead.partyKey())
				.map(p -> new Subject(SubjectType.PERSON, p.maskedName() == null ? "参保人" : p.maskedName(), p.insuredRegion()))
				.orElse(new Subject(SubjectType.PERSON, "参保人", null));
			default -> throw Refused.because("cases.lead.fund-lead", lead.partyKey());
		};
	}
}
