package org.fundguard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: the bell in the staff header shows the unread count, opens the list in Chinese, and marking one read
 * lowers the count; the settings page keeps the choice to receive no mail.
 */
@IntegrationTest
class NotificationsBrowserIT {

	@LocalServerPort int port;
	@Autowired Notifications notifications;
	@Autowired NotificationSettings settings;

	@Test
	void theBellCountsUnreadAndTheListMarksRead() {
		notifications.markAllRead("inspector2");
		String mark = UUID.randomUUID().toString().substring(0, 8);
		notifications.tell(List.of("inspector2"), new Notice(NoticeKind.DEADLINE_REMINDER, "即将到期：浏览器测试任务 " + mark,
				"任务将于明日到期，请及时办理。", "/", "browser-it:1:" + mark));
		notifications.tell(List.of("inspector2"), new Notice(NoticeKind.ESCALATION, "逾期督办：浏览器测试任务 " + mark,
				"任务已逾期，请尽快办理。", null, "browser-it:2:" + mark));
		// someone else's notification is not counted in inspector2's bell
		notifications.tell(List.of("inspector1"), new Notice(NoticeKind.ESCALATION, "他人的通知 " + mark, "不应出现",
				null, "browser-it:3:" + mark));

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/");
			browser.signInAtKeycloak("inspector2", DemoUsers.PASSWORD);
			WebElement badge = browser.waitFor(By.id("notification-unread"));
			assertThat(badge.getText()).isEqualTo("2");

			browser.driver().findElement(By.id("notification-bell")).click();
			browser.waitForUrl("http://localhost:" + port + "/notifications");
			assertThat(browser.driver().getTitle()).startsWith("通知");
			String page = browser.driver().findElement(By.tagName("main")).getText();
			assertThat(page).contains("未读 2 条", "截止提醒", "逾期督办", "即将到期：浏览器测试任务 " + mark, "全部标为已读")
				.doesNotContain("他人的通知");
			browser.screenshot("notifications-list");

			browser.driver().findElement(By.xpath("//tr[td[contains(., '逾期督办：浏览器测试任务 " + mark
					+ "')]]//button[contains(@class, 'mark-read')]")).click();
			browser.waitForText("未读 1 条");
			assertThat(browser.waitFor(By.id("notification-unread")).getText()).isEqualTo("1");

			browser.driver().findElement(By.id("settings-link")).click();
			WebElement email = browser.waitFor(By.id("email-enabled"));
			if (email.isSelected()) {
				email.click();
			}
			browser.driver().findElement(By.id("save-settings")).click();
			browser.waitForText("通知设置已保存");
			assertThat(browser.waitFor(By.id("email-enabled")).isSelected()).isFalse();
			assertThat(settings.of("inspector2").email()).isFalse();
		}
		finally {
			settings.choose("inspector2", true, null);
		}
	}
}
