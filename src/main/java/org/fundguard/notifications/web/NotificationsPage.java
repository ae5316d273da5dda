package org.fundguard.notifications.web;

import org.fundguard.identity.CurrentUser;
import org.fundguard.notifications.NotificationSettings;
import org.fundguard.notifications.Notifications;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own notifications (通知) and channel choice (通知设置). Every signed-in user, staff or institution, sees
 * only his or her own: the queries name the user, so another user's id marks nothing.
 */
@Controller
class NotificationsPage {

	private static final int SHOWN = 200;

	private final Notifications notifications;
	private final NotificationSettings settings;

	NotificationsPage(Notifications notifications, NotificationSettings settings) {
		this.notifications = notifications;
		this.settings = settings;
	}

	@GetMapping("/notifications")
	String list(Authentication authentication, Model model) {
		CurrentUser user = CurrentUser.from(authentication);
		model.addAttribute("notifications", notifications.of(user.username(), SHOWN));
		model.addAttribute("unread", notifications.unread(user.username()));
		return "notifications/list";
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable long id, Authentication authentication) {
		notifications.markRead(CurrentUser.from(authentication).username(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(Authentication authentication) {
		notifications.markAllRead(CurrentUser.from(authentication).username());
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/settings")
	String settings(Authentication authentication, Model model) {
		String username = CurrentUser.from(authentication).username();
		model.addAttribute("choice", settings.of(username));
		model.addAttribute("webhookKey", settings.webhookKey(username));
		return "notifications/settings";
	}

	@PostMapping("/notifications/settings")
	String choose(@RequestParam(name = "email", defaultValue = "false") boolean email,
			@RequestParam(name = "webhookUrl", required = false) String webhookUrl, Authentication authentication,
			RedirectAttributes redirect) {
		settings.choose(CurrentUser.from(authentication).username(), email, webhookUrl);
		redirect.addFlashAttribute("message", "通知设置已保存。");
		return "redirect:/notifications/settings";
	}
}
