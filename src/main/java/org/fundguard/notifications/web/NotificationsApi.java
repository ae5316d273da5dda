package org.fundguard.notifications.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.fundguard.identity.CurrentUser;
import org.fundguard.notifications.Notifications;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications as JSON (a phone or an institution's system reads its bell). */
@RestController
@RequestMapping("/api/notifications")
class NotificationsApi {

	private final Notifications notifications;

	NotificationsApi(Notifications notifications) {
		this.notifications = notifications;
	}

	/** The unread count and the newest notifications, with the kind's Chinese name. */
	record Bell(int unread, List<Item> notifications) {
	}

	record Item(long id, String kind, String kindLabel, String title, String body, String link,
			java.time.OffsetDateTime createdAt, boolean read) {
	}

	@Operation(summary = "我的通知（未读数与最近 100 条）/ the caller's unread count and newest notifications")
	@GetMapping
	Bell mine(Authentication authentication) {
		String user = CurrentUser.from(authentication).username();
		return new Bell(notifications.unread(user), notifications.of(user, 100).stream()
			.map(n -> new Item(n.id(), n.kind().name(), n.kind().label(), n.title(), n.body(), n.link(),
					n.createdAt().atZoneSameInstant(org.fundguard.calendar.Deadlines.BUREAU_ZONE).toOffsetDateTime(),
					n.read()))
			.toList());
	}

	@Operation(summary = "将我的一条通知标为已读 / mark one of the caller's notifications read")
	@PostMapping("/{id}/read")
	Bell read(@PathVariable long id, Authentication authentication) {
		notifications.markRead(CurrentUser.from(authentication).username(), id);
		return mine(authentication);
	}
}
