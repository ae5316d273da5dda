package org.fundguard.leads;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fundguard.appeals.IssuedSignals;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.LeadCases;
import org.fundguard.errors.Refused;
import org.fundguard.focus.FocusedInspections;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.record.Actor;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analysts' bulk actions on leads (directors may take them too): issue the signals to the institution, void with a
 * reason, open an audit case, close a settled lead. Each lead is done in its own transaction and answers for itself:
 * done, or refused with the Chinese reason, so one refused lead does not hold back the others.
 */
@Service
public class LeadActions {

	/** At most this many leads per request: a page's worth, so one request stays short. */
	static final int MAX_LEADS = 200;

	public enum Action {
		/** 下发机构 */
		ISSUE,
		/** 作废（须写明原因） */
		VOID,
		/** 登记稽核案件 */
		OPEN_CASE,
		/** 结案 */
		CLOSE,
		/** 开展重点检查（基金运行类线索） */
		OPEN_FOCUS
	}

	/** What became of one lead: done, or refused with the reason. */
	public record Outcome(String leadId, boolean done, String message) {
	}

	private final Leads leads;
	private final LeadStates states;
	private final LeadCases leadCases;
	private final ObjectProvider<IssuedSignals> issued;
	private final FocusedInspections focus;
	private final TransactionTemplate tx;

	LeadActions(Leads leads, LeadStates states, LeadCases leadCases, ObjectProvider<IssuedSignals> issued,
			FocusedInspections focus, PlatformTransactionManager transactions) {
		this.leads = leads;
		this.states = states;
		this.leadCases = leadCases;
		this.issued = issued;
		this.focus = focus;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Whether this user may take the bulk actions: analysts and directors. */
	public static boolean mayAct(CurrentUser user) {
		return user.has(Role.ANALYST) || user.has(Role.DIRECTOR);
	}

	public List<Outcome> apply(Action action, List<String> leadIds, String reason, CurrentUser user) {
		if (!mayAct(user)) {
			throw Refused.forbidden("leads.actions.forbidden");
		}
		if (action == null) {
			throw Refused.because("leads.actions.unknown");
		}
		Set<String> ids = new LinkedHashSet<>(leadIds == null ? List.of() : leadIds);
		ids.removeIf(id -> id == null || id.isBlank());
		if (ids.isEmpty()) {
			throw Refused.because("leads.actions.none-chosen");
		}
		if (ids.size() > MAX_LEADS) {
			throw Refused.because("leads.actions.too-many", MAX_LEADS);
		}
		if (action == Action.VOID && (reason == null || reason.isBlank())) {
			throw Refused.because("leads.void.reason-required");
		}
		Actor actor = new Actor(user.username(), user.has(Role.ANALYST) ? Role.ANALYST.id() : Role.DIRECTOR.id());
		List<Outcome> out = new ArrayList<>();
		for (String id : ids) {
			try {
				String done = tx.execute(status -> one(action, id, reason, user, actor));
				out.add(new Outcome(id, true, done));
			}
			catch (Refused e) {
				out.add(new Outcome(id, false, e.getMessage()));
			}
		}
		return out;
	}

	private String one(Action action, String leadId, String reason, CurrentUser user, Actor actor) {
		Lead lead = leads.find(leadId).orElseThrow(() -> Refused.notFound("leads.lead.not-found", leadId));
		LeadState now = states.of(leadId);
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		return switch (action) {
			case ISSUE -> issue(lead, now, user, actor, why);
			case VOID -> {
				if (now == LeadState.VOID) {
					throw Refused.conflict("leads.state.already", now.label());
				}
				if (now != LeadState.OPEN && now.mayMoveTo(LeadState.VOID)) {
					throw Refused.conflict("leads.void.in-review", now.label());
				}
				states.move(leadId, LeadState.VOID, actor, why);
				yield "已作废";
			}
			case OPEN_CASE -> openCase(lead, now, actor, why);
			case OPEN_FOCUS -> {
				// a fund has no institution to answer and is no case's party: its lead opens a focused inspection
				FocusedInspections.Opening o = focus.open(lead.id(), user);
				yield (o.opened() ? "已开展重点检查 第 " : "已有重点检查 第 ") + o.id() + " 号";
			}
			case CLOSE -> {
				if (now == LeadState.CLOSED) {
					throw Refused.conflict("leads.state.already", now.label());
				}
				states.move(leadId, LeadState.CLOSED, actor, why == null ? "处置完毕，结案" : why);
				yield "已结案";
			}
		};
	}

	private String issue(Lead lead, LeadState now, CurrentUser user, Actor actor, String why) {
		if (now != LeadState.OPEN) {
			throw Refused.conflict("leads.issue.not-open", now.label());
		}
		if (!"provider".equals(lead.partyType())) {
			throw Refused.because("leads.issue.not-provider");
		}
		IssuedSignals signals = issued.getIfAvailable();
		if (signals == null) {
			throw Refused.because("leads.issue.unavailable");
		}
		int n = signals.issue(lead.id(), user);
		if (n == 0) {
			throw Refused.conflict("leads.issue.nothing");
		}
		states.move(lead.id(), LeadState.ISSUED, actor, "下发机构疑点 " + n + " 条" + (why == null ? "" : "；" + why));
		return "已下发 " + n + " 条疑点";
	}

	private String openCase(Lead lead, LeadState now, Actor actor, String why) {
		if (!now.mayMoveTo(LeadState.CASE_OPENED)) {
			throw Refused.conflict("leads.state.illegal", now.label(), LeadState.CASE_OPENED.label());
		}
		IssuedSignals signals = issued.getIfAvailable();
		// a reviewed lead takes only what the review confirmed; an unreviewed one all its signals
		Set<String> evidence = now.settled() && signals != null ? signals.confirmedSignalIds(lead.id()) : null;
		AuditCase c = leadCases.open(lead.id(), evidence, actor);
		states.move(lead.id(), LeadState.CASE_OPENED, actor,
				"登记稽核案件 " + c.number() + (why == null ? "" : "；" + why));
		return "已登记案件 " + c.number();
	}
}
