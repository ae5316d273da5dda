package org.fundguard.inspections;

import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspector pool in the workbench: everyone working inspections reads it; directors and administrators switch an
 * inspector on or off and record declared conflicts (the access table only lets them post here).
 */
@Controller
class PoolPage {

	private final InspectorPool pool;

	PoolPage(InspectorPool pool) {
		this.pool = pool;
	}

	@GetMapping("/inspections/pool")
	String pool(Authentication auth, Model model) {
		CurrentUser user = CurrentUser.from(auth);
		model.addAttribute("inspectors", pool.all());
		model.addAttribute("changes", pool.changes());
		model.addAttribute("mayEdit", user.has(Role.DIRECTOR) || user.has(Role.ADMIN));
		return "inspections/pool";
	}

	@PostMapping("/inspections/pool/{id}/active")
	String active(@PathVariable String id, @RequestParam boolean active, @RequestParam(defaultValue = "") String reason,
			Authentication auth, RedirectAttributes redirect) {
		try {
			pool.setActive(id, active, reason, auth.getName());
			redirect.addFlashAttribute("notice", "已更新 " + id + " 的在岗状态");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/inspections/pool";
	}

	@PostMapping("/inspections/pool/{id}/conflicts")
	String conflicts(@PathVariable String id, @RequestParam(defaultValue = "") String conflicts,
			@RequestParam(defaultValue = "") String reason, Authentication auth, RedirectAttributes redirect) {
		try {
			pool.declareConflicts(id, List.of(conflicts.split("[,，;；\\s]+")), reason, auth.getName());
			redirect.addFlashAttribute("notice", "已更新 " + id + " 申报的回避机构");
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/inspections/pool";
	}
}
