package org.fundguard.appeals;

import java.util.Map;

import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bureau's page of one issued signal: the evidence, the institution's explanation and documents, and the review
 * of the appeal (its Camunda Form) for the reviewers it is offered to.
 */
@Controller
class AppealReviewPage {

	static final String REVIEW_TASK = "Task_ReviewAppeal";

	private final SignalReview review;
	private final InstitutionSignals signals;
	private final SignalViews views;
	private final TaskGateway tasks;

	AppealReviewPage(SignalReview review, InstitutionSignals signals, SignalViews views, TaskGateway tasks) {
		this.review = review;
		this.signals = signals;
		this.views = views;
		this.tasks = tasks;
	}

	@GetMapping("/appeals/signals/{id}")
	String page(@PathVariable String id, Authentication auth, Model model) {
		CurrentUser user = reader(auth);
		IssuedSignal s = review.get(id);
		model.addAttribute("s", views.of(s));
		model.addAttribute("issuedBy", s.issuedBy());
		WorkItem task = reviewTask(id);
		if (task != null && task.workableBy(user)) {
			model.addAttribute("task", task);
			model.addAttribute("form", tasks.form(task.id()));
		}
		return "appeals/appeal-review";
	}

	@PostMapping("/appeals/signals/{id}/review")
	String decide(@PathVariable String id, Authentication auth, @RequestParam Map<String, String> values,
			RedirectAttributes redirect) {
		CurrentUser user = reader(auth);
		WorkItem task = reviewTask(id);
		try {
			if (task == null) {
				throw Refused.conflict("appeals.signal.not-appealed", review.get(id).state().label());
			}
			tasks.complete(task.id(), user, values);
			redirect.addFlashAttribute("message", "复核结论已保存");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/appeals/signals/" + org.springframework.web.util.UriUtils.encodePathSegment(id, "UTF-8");
	}

	@GetMapping("/appeals/signals/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String documentId, Authentication auth) {
		reader(auth);
		StoredDocument d = signals.documentOf(review.get(id), documentId);
		return Downloads.of(d, signals.content(d));
	}

	private WorkItem reviewTask(String id) {
		return tasks.openWhere(SignalReviewVariables.ISSUED_SIGNAL_ID, id, SignalReviewVariables.KEY)
			.stream()
			.filter(t -> REVIEW_TASK.equals(t.key()))
			.findFirst()
			.orElse(null);
	}

	/** Analysts, inspectors and directors read issued signals and appeals. */
	private static CurrentUser reader(Authentication auth) {
		CurrentUser user = CurrentUser.from(auth);
		if (!(user.has(Role.ANALYST) || user.has(Role.INSPECTOR) || user.has(Role.DIRECTOR))) {
			throw Refused.forbidden("appeals.review.not-allowed");
		}
		return user;
	}
}
