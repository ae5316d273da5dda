package org.fundguard.appeals;

import java.util.List;

import org.fundguard.appeals.SignalReviewVariables.Answer;
import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 疑点答复, the institution's page (phone-friendly): its issued signals with their evidence and working days left,
 * accept the selected ones at once, or appeal one with an explanation and files.
 */
@Controller
class InstitutionSignalsPage {

	private final InstitutionSignals signals;
	private final SignalViews views;

	InstitutionSignalsPage(InstitutionSignals signals, SignalViews views) {
		this.signals = signals;
		this.views = views;
	}

	@GetMapping("/institution/signals")
	String list(Authentication auth, Model model) {
		CurrentUser user = CurrentUser.from(auth);
		model.addAttribute("providerCode", user.providerCode());
		model.addAttribute("signals", views.of(signals.list(user)));
		return "appeals/institution-signals";
	}

	@GetMapping("/institution/signals/{id}")
	String one(@PathVariable String id, Authentication auth, Model model) {
		model.addAttribute("s", views.of(signals.get(CurrentUser.from(auth), id)));
		return "appeals/institution-signal";
	}

	/** Accepts (or appeals alike) every selected signal: all or none. */
	@PostMapping("/institution/signals/answer")
	String answerSelected(Authentication auth, @RequestParam(name = "ids", required = false) List<String> ids,
			@RequestParam String answer, @RequestParam(required = false) String explanation, RedirectAttributes redirect) {
		try {
			if (ids == null || ids.isEmpty()) {
				throw Refused.because("appeals.answer.none-selected");
			}
			int n = signals.answerAll(CurrentUser.from(auth), ids, answer(answer), explanation);
			redirect.addFlashAttribute("message", "已答复 " + n + " 条疑点");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/institution/signals";
	}

	/** Answers one signal; an appeal carries its explanation and files. */
	@PostMapping("/institution/signals/{id}/answer")
	String answerOne(@PathVariable String id, Authentication auth, @RequestParam String answer,
			@RequestParam(required = false) String explanation,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		try {
			signals.answer(CurrentUser.from(auth), id, answer(answer), explanation, List.of(),
					InstitutionSignalsApi.uploads(files));
			redirect.addFlashAttribute("message", "APPEAL".equals(answer) ? "申诉已提交，等待医保部门复核" : "已确认该疑点");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/institution/signals/" + org.springframework.web.util.UriUtils.encodePathSegment(id, "UTF-8");
		}
		return "redirect:/institution/signals";
	}

	@GetMapping("/institution/signals/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String documentId, Authentication auth) {
		StoredDocument d = signals.document(CurrentUser.from(auth), id, documentId);
		return Downloads.of(d, signals.content(d));
	}

	private static Answer answer(String value) {
		try {
			return Answer.valueOf(value);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw Refused.because("appeals.answer.required");
		}
	}
}
