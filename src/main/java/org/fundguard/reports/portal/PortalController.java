package org.fundguard.reports.portal;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.fundguard.errors.Refused;
import org.fundguard.reports.NewReport;
import org.fundguard.reports.ProviderDirectory;
import org.fundguard.reports.ReportCategory;
import org.fundguard.reports.ReportClaims;
import org.fundguard.reports.ReportForm;
import org.fundguard.reports.ReportIntake;
import org.fundguard.reports.ReportMessages;
import org.fundguard.reports.ReporterKind;
import org.fundguard.reports.Reports;
import org.fundguard.reports.ReportsProperties;
import org.fundguard.reports.SubjectKind;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The public whistleblower portal (监督举报平台): no account, in Chinese, for phones as well. A report earns a
 * receipt code, shown once; with the code the reporter sees the status and talks with the handlers, and nothing
 * else. Nothing here reads the client's address or browser: {@link PortalPrivacy} has removed them already.
 */
@Controller
class PortalController {

	/** Session attribute: the report whose code was entered in this browser session (memory only, 30 minutes). */
	static final String SESSION_REPORT = "portal.report";

	private final ReportIntake intake;
	private final Reports reports;
	private final ReportMessages messages;
	private final ReportClaims claims;
	private final PortalClients clients;
	private final ProofOfWork proofOfWork;
	private final ProviderDirectory directory;
	private final ReportsProperties properties;
	private final PortalFormPage formPage;
	private final ReceiptPage receiptPage;

	PortalController(ReportIntake intake, Reports reports, ReportMessages messages, ReportClaims claims,
			PortalClients clients, ProofOfWork proofOfWork, ProviderDirectory directory, ReportsProperties properties,
			PortalFormPage formPage, ReceiptPage receiptPage) {
		this.intake = intake;
		this.reports = reports;
		this.messages = messages;
		this.claims = claims;
		this.clients = clients;
		this.proofOfWork = proofOfWork;
		this.directory = directory;
		this.properties = properties;
		this.formPage = formPage;
		this.receiptPage = receiptPage;
	}

	@GetMapping({ "/portal", "/portal/" })
	String home() {
		return "portal/home";
	}

	@GetMapping("/portal/report")
	View form(Model model) {
		form(model, ReportForm.empty(), List.of());
		return formPage.view();
	}

	@PostMapping("/portal/report")
	ModelAndView submit(@RequestParam(name = "evidence", required = false) List<MultipartFile> files, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		ReportForm form = ReportForm.from(request);
		if (form.website() != null && !form.website().isEmpty()) {
			// a robot filled in the hidden field: tell it nothing useful
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return new ModelAndView(form(model, form.forRedisplay(), List.of("提交未通过校验，请刷新页面后重新填写。")));
		}
		if (!proofOfWork.verify(form.challenge(), form.nonce())) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return new ModelAndView(form(model, form.forRedisplay(), List.of("安全校验未完成或已过期，请再次点击“提交举报”。")));
		}
		if (!clients.tryAcquire(PortalClients.Kind.SUBMISSION, clientKey(request))) {
			response.setStatus(429);
			return new ModelAndView(form(model, form.forRedisplay(), List.of("提交过于频繁，请稍后再试。")));
		}
		NewReport report;
		try {
			report = intake.check(form, files);
		}
		catch (ReportIntake.FormProblems problems) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return new ModelAndView(form(model, form.forRedisplay(), problems.problems()));
		}
		Reports.Receipt receipt = reports.submit(report);
		model.addAttribute("code", receipt.code());
		model.addAttribute("anonymous", report.anonymous());
		model.addAttribute("metadataRemoved", report.metadataRemoved());
		return new ModelAndView(receiptPage.view());
	}

	@GetMapping("/portal/status")
	String codeForm() {
		return "portal/status";
	}

	@PostMapping("/portal/status")
	String enterCode(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!clients.tryAcquire(PortalClients.Kind.LOOKUP, clientKey(request))) {
			response.setStatus(429);
			model.addAttribute("error", "查询过于频繁，请稍后再试。");
			return "portal/status";
		}
		var report = reports.findByCode(code);
		if (report.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("error", "回执码不正确，请核对后重新输入。");
			return "portal/status";
		}
		// a new session id once the code is accepted: a session id seen before cannot be used to read the report
		request.changeSessionId();
		request.getSession().setAttribute(SESSION_REPORT, report.get().id());
		return "redirect:/portal/status/view";
	}

	@GetMapping("/portal/status/view")
	String view(HttpSession session, Model model) {
		Long id = (Long) session.getAttribute(SESSION_REPORT);
		var report = id == null ? null : reports.find(id).orElse(null);
		if (report == null) {
			return "redirect:/portal/status";
		}
		model.addAttribute("view", ReporterView.of(report));
		model.addAttribute("messages", messages.of(report.id()));
		model.addAttribute("maxMessage", ReportMessages.MAX_LENGTH);
		return "portal/view";
	}

	@PostMapping("/portal/status/messages")
	String reply(@RequestParam(name = "body", required = false) String body, HttpSession session, Model model) {
		Long id = (Long) session.getAttribute(SESSION_REPORT);
		if (id == null) {
			return "redirect:/portal/status";
		}
		try {
			messages.fromReporter(id, body);
		}
		catch (Refused refused) {
			model.addAttribute("messageError", refused.getMessage());
			return view(session, model);
		}
		return "redirect:/portal/status/view#messages";
	}

	@PostMapping("/portal/status/claim")
	String claim(HttpSession session) {
		Long id = (Long) session.getAttribute(SESSION_REPORT);
		if (id == null) {
			return "redirect:/portal/status";
		}
		claims.claim(id);
		return "redirect:/portal/status/view";
	}

	@PostMapping("/portal/status/leave")
	String leave(HttpSession session) {
		session.invalidate();
		return "redirect:/portal";
	}

	@Operation(summary = "定点医药机构名录检索 / search the provider directory")
	@GetMapping(path = "/portal/providers", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<ProviderDirectory.Provider> providers(@RequestParam(name = "q", required = false) String q) {
		return directory.search(q);
	}

	private String form(Model model, ReportForm form, List<String> problems) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("categories", ReportCategory.values());
		model.addAttribute("subjectKinds", SubjectKind.values());
		model.addAttribute("reporterKinds", ReporterKind.values());
		model.addAttribute("challenge", proofOfWork.challenge());
		model.addAttribute("powBits", proofOfWork.bits());
		model.addAttribute("evidence", properties.evidence());
		model.addAttribute("evidenceTypes", String.join("、",
				Arrays.stream(properties.evidence().allowedTypes().toArray()).map(Object::toString).toList()));
		return PortalFormPage.VIEW;
	}

	private static String clientKey(HttpServletRequest request) {
		return (String) request.getAttribute(PortalClients.ATTRIBUTE);
	}
}
