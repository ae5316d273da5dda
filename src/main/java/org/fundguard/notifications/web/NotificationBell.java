package org.fundguard.notifications.web;

import org.fundguard.identity.CurrentUser;
import org.fundguard.notifications.Notifications;
import org.springframework.stereotype.Component;

/**
 * The bell's unread count, asked by the page header itself ({@code @notificationBell}) so that only pages that show
 * the header pay for the query, not every API call or portal request.
 */
@Component("notificationBell")
public class NotificationBell {

	private final Notifications notifications;

	NotificationBell(Notifications notifications) {
		this.notifications = notifications;
	}

	public int unread(CurrentUser user) {
		return user == null ? 0 : notifications.unread(user.username());
	}
}
