package org.fundguard.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.errors.Refused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule library in the workbench (规则库), for analysts: the composed rules, a form per template with a dry run
 * before publishing, each rule's versions with who, when and what changed, export and import of definitions.
 */
@Controller
class RuleLibraryPage {

	private final RuleLibrary library;
	private final RuleLabels labels;
	private final Clock clock;

	RuleLibraryPage(RuleLibrary library, RuleLabels labels, Clock clock) {
		this.library = library;
		this.labels = labels;
		this.clock = clock;
	}

	@GetMapping("/rules/library")
	String list(Model model) {
		model.addAttribute("rules", library.composed());
		return "rules/library";
	}

	@GetMapping("/rules/library/new")
	String compose(@RequestParam(defaultValue = RuleTemplate.LINE_CONDITION) String template, Model model) {
		LocalDate today = LocalDate.now(clock);
		return form(model, RuleForm.blank(template, today.withDayOfMonth(1).minusMonths(12), today));
	}

	@GetMapping("/rules/library/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		LocalDate today = LocalDate.now(clock);
		JsonNode current = RuleLibrary.parse(library.version(id, null).definitionJson());
		return form(model, RuleForm.of(current, today.withDayOfMonth(1).minusMonths(12), today));
	}

	/** Dry-runs the form's rule, or publishes it; either way a refusal shows on the form as it was filled. */
	@PostMapping("/rules/library/compose")
	String submit(@ModelAttribute RuleForm form, @RequestParam(defaultValue = "dry-run") String action, Authentication auth,
			Model model) {
		try {
			JsonNode definition = form.definition();
			if ("publish".equals(action)) {
				RuleVersions.Version v = library.publish(definition, auth.getName(), form.note());
				return "redirect:/rules/library/" + v.ruleId();
			}
			model.addAttribute("dryRun", library.dryRun(definition, new Window(form.from(), form.to())));
		}
		catch (Refused e) {
			model.addAttribute("error", e.getMessage());
		}
		return form(model, form);
	}

	private String form(Model model, RuleForm form) {
		model.addAttribute("form", form);
		model.addAttribute("itemFields", TemplateFields.ITEM.values());
		model.addAttribute("conditionFields", TemplateFields.CONDITION.values());
		return "rules/compose";
	}

	@GetMapping("/rules/library/{id}")
	String rule(@PathVariable String id, Model model) {
		model.addAttribute("ruleId", id);
		model.addAttribute("ruleName", labels.name(id));
		model.addAttribute("history", library.history(id));
		return "rules/composed";
	}

	@GetMapping("/rules/library/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) Integer version) {
		RuleVersions.Version v = library.version(id, version);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(v.ruleId() + "-v" + v.version() + ".json").build().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(v.definitionJson().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/rules/library/import")
	String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String note,
			Authentication auth, RedirectAttributes redirect) {
		try {
			if (file == null || file.isEmpty()) {
				throw Refused.because("rules.library.import.empty");
			}
			String text = new String(file.getBytes(), StandardCharsets.UTF_8);
			String why = "导入自文件 " + file.getOriginalFilename() + (note == null || note.isBlank() ? "" : "：" + note.strip());
			RuleVersions.Version v = library.publish(RuleLibrary.parse(text), auth.getName(), why);
			return "redirect:/rules/library/" + v.ruleId();
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (IOException e) {
			redirect.addFlashAttribute("error", Refused.because("rules.library.import.empty").getMessage());
		}
		return "redirect:/rules/library";
	}
}
