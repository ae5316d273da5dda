package org.fundguard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.fundguard.appeals.IssuingForTests;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.notifications.outbox.WebhookSignature;
import org.fundguard.reports.ReportMessages;
import org.fundguard.reports.ReportsForTests;
import org.fundguard.rules.Signal;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications end to end against real PostgreSQL, Keycloak (the users sign in through the browser flow, which
 * remembers their email claim) and SMTP (GreenMail): a task's deadline reminder, its escalation, a reporter's message
 * and an issued signal each reach the right users in the bell and by mail and nobody else; an opted-out user gets no
 * mail; a webhook receives a body whose HMAC verifies; and a mail server that is down loses and doubles nothing.
 * Every wait is for a condition, with a generous bound.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIT {

	static final String SECRET = "it-webhook-secret";
	static final int SMTP_PORT = freePort();
	static final Duration BOUND = Duration.ofMinutes(3);
	static final ObjectMapper JSON = new ObjectMapper();
	static final List<String> USERS = List.of("inspector1", "inspector2", "jinan1", "director1", "handler1", "institution1",
			"institution2", "analyst1");

	static GreenMail smtp = newSmtp();
	/** Every message any GreenMail instance of this test received, kept across restarts. */
	static final List<MimeMessage> received = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("fundguard.mail.host", () -> "127.0.0.1");
		registry.add("fundguard.mail.port", () -> SMTP_PORT);
		registry.add("fundguard.mail.timeout", () -> "3s");
		registry.add("fundguard.notifications.poll-interval", () -> "300ms");
		registry.add("fundguard.notifications.first-retry", () -> "200ms");
		registry.add("fundguard.notifications.max-retry", () -> "1s");
		registry.add("fundguard.notifications.webhook-secret", () -> SECRET);
		// the test's receiver is on this machine: allowed by name, as a bureau would allow an inside receiver
		registry.add("fundguard.notifications.webhook-allowed-hosts", () -> "127.0.0.1");
		// the scan is called by the test itself
		registry.add("fundguard.notifications.scan-interval", () -> "1h");
	}

	@LocalServerPort int port;
	@Autowired Notifications notifications;
	@Autowired NotificationSettings settings;
	@Autowired TaskDeadlines deadlines;
	@Autowired RepositoryService repository;
	@Autowired RuntimeService runtime;
	@Autowired ApplicationContext context;
	@Autowired ReportMessages messages;
	@Autowired JdbcClient jdbc;
	@Autowired org.fundguard.reports.Retention retention;

	HttpServer webhook;
	final List<Map.Entry<byte[], String>> hooks = new CopyOnWriteArrayList<>();

	@BeforeAll
	void signInAndDeploy() throws IOException {
		for (String user : USERS) {
			WebSession.signIn("http://localhost:" + port, user, DemoUsers.PASSWORD);
			// the defaults (mail on, no webhook): RoleMatrixIT posts every form empty, an unticked mail box included
			jdbc.sql("delete from notification_setting where username = ?").param(user).update();
		}
		// a process of this test only: the scan is the same for every model's user tasks with a due date
		repository.createDeployment().name("notifications-it")
			.addModelInstance("notify-it.bpmn", Bpmn.createExecutableProcess("notify-it").name("通知测试流程")
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.userTask("Task_NotifyIt").name("${taskName}").camundaCandidateUsers("${candidates}")
				.camundaDueDate("${due}")
				.endEvent()
				.done())
			.deploy();
		webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		webhook.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			hooks.add(Map.entry(body, String.valueOf(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		webhook.start();
	}

	@AfterAll
	void stop() {
		jdbc.sql("delete from notification_setting where username in ('inspector2', 'director1')").update();
		webhook.stop(0);
		smtp.stop();
	}

	@Test
	void aDeadlineReminderReachesTheTasksCandidatesAndAnOptedOutUserGetsNoMail() throws Exception {
		settings.choose("inspector2", false, null);
		String name = "即将到期的测试任务 " + UUID.randomUUID().toString().substring(0, 8);
		String taskId = startTask(name, "inspector1,inspector2", OffsetDateTime.now().plusHours(1));

		deadlines.scan();
		deadlines.scan();

		String source = "task:" + taskId + ":REMINDER";
		assertThat(recipientsOf(source)).containsExactlyInAnyOrder("inspector1", "inspector2");
		assertThat(titleOf(source)).isEqualTo("即将到期：" + name);
		Map<String, String> mails = mailsOf(source);
		assertThat(mails.values()).as("inspector2 opted out of mail").containsExactly("inspector1@fundguard.example");
		assertThat(subjects(mails.keySet())).allMatch(s -> s.contains("即将到期：" + name));
		assertThat(notifications.of("inspector2", 200)).anyMatch(n -> n.title().equals("即将到期：" + name));
		assertThat(notifications.of("jinan1", 200)).noneMatch(n -> n.title().contains(name));
	}

	@Test
	void anEscalationReachesTheCandidateAndTheDirectorsAndItsWebhookVerifies() throws Exception {
		settings.choose("director1", true, "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
		String name = "已逾期的测试任务 " + UUID.randomUUID().toString().substring(0, 8);
		String taskId = startTask(name, "inspector1", OffsetDateTime.now().minusHours(1));

		deadlines.scan();
		deadlines.scan();

		String source = "task:" + taskId + ":ESCALATION";
		assertThat(recipientsOf(source)).containsExactlyInAnyOrder("inspector1", "director1");
		assertThat(jdbc.sql("select count(*) from notification where source_key = ?").param("task:" + taskId + ":REMINDER")
			.query(Integer.class).single()).as("overdue: escalated, not reminded").isZero();
		Map<String, String> mails = mailsOf(source);
		assertThat(mails.values()).containsExactlyInAnyOrder("inspector1@fundguard.example", "director1@fundguard.example");
		assertThat(subjects(mails.keySet())).allMatch(s -> s.contains("逾期督办：" + name));

		waitUntil(() -> hooks.stream().anyMatch(h -> new String(h.getKey(), StandardCharsets.UTF_8).contains(name)));
		var hook = hooks.stream().filter(h -> new String(h.getKey(), StandardCharsets.UTF_8).contains(name)).toList();
		assertThat(hook).hasSize(1);
		String directorsKey = WebhookSignature.keyFor(SECRET, "director1");
		assertThat(settings.webhookKey("director1")).isEqualTo(directorsKey);
		assertThat(WebhookSignature.verify(directorsKey, hook.getFirst().getKey(), hook.getFirst().getValue())).isTrue();
		assertThat(WebhookSignature.verify(WebhookSignature.keyFor(SECRET, "institution1"), hook.getFirst().getKey(),
				hook.getFirst().getValue())).as("another user's key cannot sign for the director").isFalse();
		assertThat(WebhookSignature.verify(SECRET, hook.getFirst().getKey(), hook.getFirst().getValue())).isFalse();
		assertThatThrownBy(() -> settings.choose("institution1", true, "http://localhost:9200/_bulk"))
			.as("an inside address not allowed by name").hasMessageContaining("公开地址");
		assertThatThrownBy(() -> settings.choose("institution1", true, "http://10.1.2.3/hook"))
			.hasMessageContaining("公开地址");
		JsonNode body = JSON.readTree(hook.getFirst().getKey());
		assertThat(body.get("类别").asText()).isEqualTo("逾期督办");
		assertThat(body.get("接收人").asText()).isEqualTo("director1");
		assertThat(body.get("标题").asText()).isEqualTo("逾期督办：" + name);
	}

	@Test
	void aReportersMessageReachesTheReportHandlersOnly() throws Exception {
		long reportId = newReport();
		messages.fromReporter(reportId, "补充情况：请核查");

		long messageId = jdbc.sql("select max(id) from report_message where report_id = ?").param(reportId)
			.query(Long.class).single();
		String source = "report-message:" + messageId;
		assertThat(recipientsOf(source)).containsExactly("handler1");
		Map<String, String> mails = mailsOf(source);
		assertThat(mails.values()).containsExactly("handler1@fundguard.example");
		assertThat(subjects(mails.keySet())).allMatch(s -> s.contains("有举报人新留言"));
		assertThat(bodies(mails.keySet())).noneMatch(b -> b.contains("补充情况"));
	}

	@Test
	void aPurgeDueWithinTheWarningDaysIsToldToTheReportHandlersOnceAndOnly() {
		long reportId = newReport();
		jdbc.sql("update report set status = 'CLOSED', closed_at = ? where id = ?")
			.params(OffsetDateTime.now().minusYears(5).plusDays(10), reportId).update();

		retention.warn();
		retention.warn();

		String source = "retention:CLOSED_ANONYMOUS:" + reportId;
		assertThat(recipientsOf(source)).as("told once, to the report handlers only").containsExactly("handler1");
		assertThat(titleOf(source)).contains("即将按保存期限清除").doesNotContain("通知测试的举报内容");
	}

	@Test
	void anIssuedSignalReachesItsInstitutionsUsersOnly() throws Exception {
		String leadId = issueSignal();

		String source = jdbc.sql("select distinct source_key from notification where source_key like ?")
			.param("signals-issued:" + leadId + ":%").query(String.class).single();
		assertThat(recipientsOf(source)).containsExactly("institution1");
		Map<String, String> mails = mailsOf(source);
		assertThat(mails.values()).containsExactly("institution1@fundguard.example");
		assertThat(bodies(mails.keySet())).allMatch(b -> b.contains("H37030200002") && b.contains("下发疑点 1 条"));
	}

	@Test
	void aMailServerDownForManyAttemptsLosesNothingAndSendsNothingTwice() throws Exception {
		long before = maxOutboxId();
		received.addAll(List.of(smtp.getReceivedMessages()));
		smtp.stop();
		for (int i = 0; i < 3; i++) {
			issueSignal();
			messages.fromReporter(newReport(), "停机期间的留言 " + i);
			notifications.tell(List.of("inspector1", "director1"), new Notice(NoticeKind.DEADLINE_REMINDER,
					"停机期间的通知 " + i, "邮件服务器停机期间产生的通知", null, "outage:" + UUID.randomUUID()));
		}
		List<Long> rows = jdbc.sql("select id from notification_outbox where id > ? and channel = 'MAIL'").param(before)
			.query(Long.class).list();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(12);
		waitUntil(() -> jdbc.sql("select min(attempts) from notification_outbox where id > ? and channel = 'MAIL'")
			.param(before).query(Integer.class).single() >= 3);
		assertThat(jdbc.sql("select count(*) from notification_outbox where id > ? and sent_at is not null and channel = 'MAIL'")
			.param(before).query(Integer.class).single()).isZero();

		smtp = newSmtp();
		waitUntil(() -> jdbc.sql("select count(*) from notification_outbox where id > ? and sent_at is null and channel = 'MAIL'")
			.param(before).query(Integer.class).single() == 0);

		Map<String, Long> byId = allReceived().stream().collect(Collectors.groupingBy(NotificationsIT::messageId,
				Collectors.counting()));
		for (long row : rows) {
			assertThat(byId.get("<notification-" + row + "@fundguard.ybj.example>")).as("outbox row %d", row).isEqualTo(1L);
		}
	}

	@Test
	void theApiShowsAndMarksOnlyTheCallersOwn() throws Exception {
		String mark = UUID.randomUUID().toString().substring(0, 8);
		notifications.tell(List.of("institution1"), new Notice(NoticeKind.SIGNAL_ISSUED, "接口测试通知 " + mark,
				"仅机构一可见", "/institution/signals", "api-it:" + mark));
		long id = jdbc.sql("select id from notification where source_key = ?").param("api-it:" + mark)
			.query(Long.class).single();
		String own = KeycloakTokens.accessToken("institution1");
		String other = KeycloakTokens.accessToken("institution2");

		var mine = Http.get(url("/api/notifications"), own);
		assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
		assertThat(mine.body()).contains("接口测试通知 " + mark, "疑点下发");
		assertThat(Http.get(url("/api/notifications"), other).body()).doesNotContain(mark);

		assertThat(Http.post(url("/api/notifications/" + id + "/read"), other, "").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select read_at from notification where id = ?").param(id)
			.query((rs, n) -> rs.getObject(1)).list().getFirst()).as("another institution marks nothing").isNull();
		var read = Http.post(url("/api/notifications/" + id + "/read"), own, "");
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(JSON.readTree(read.body()).path("notifications").findValues("id").stream()
			.filter(n -> n.asLong() == id).count()).isOne();
		assertThat(jdbc.sql("select read_at from notification where id = ?").param(id)
			.query((rs, n) -> rs.getObject(1)).list().getFirst()).isNotNull();
	}

	// --- helpers

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	String startTask(String name, String candidates, OffsetDateTime due) {
		String pi = runtime.startProcessInstanceByKey("notify-it", "NOTIFY-IT-" + UUID.randomUUID(),
				Map.of("taskName", name, "candidates", candidates, "due", Date.from(due.toInstant()))).getId();
		return jdbc.sql("select id_ from act_ru_task where proc_inst_id_ = ?").param(pi).query(String.class).single();
	}

	String issueSignal() {
		String leadId = UUID.randomUUID().toString();
		String subject = "IT-" + UUID.randomUUID();
		Signal signal = new Signal("price-over-ceiling", subject, "2026-10-01", "2026-10-31", new BigDecimal("66.00"),
				"单价超过限价", List.of(subject + ":1"), List.of(subject));
		IssuingForTests.issue(context, leadId, "H37030200002", List.of(signal),
				new CurrentUser("analyst1", "陈静", Set.of(Role.ANALYST)));
		return leadId;
	}

	long newReport() {
		return ReportsForTests.anonymousReport(context, "通知测试的举报内容");
	}

	List<String> recipientsOf(String source) {
		return jdbc.sql("select recipient from notification where source_key = ? order by recipient").param(source)
			.query(String.class).list();
	}

	String titleOf(String source) {
		return jdbc.sql("select distinct title from notification where source_key = ?").param(source).query(String.class)
			.single();
	}

	/** Waits until the source's mail rows are sent; their Message-IDs and the one address each mail reached. */
	Map<String, String> mailsOf(String source) throws Exception {
		List<Long> rows = jdbc.sql("""
				select o.id from notification_outbox o join notification n on n.id = o.notification_id
				where n.source_key = ? and o.channel = 'MAIL'""").param(source).query(Long.class).list();
		waitUntil(() -> rows.stream().allMatch(r -> jdbc.sql("select sent_at from notification_outbox where id = ?")
			.param(r).query((rs, n) -> rs.getObject(1)).list().getFirst() != null));
		Map<String, String> out = new HashMap<>();
		for (long row : rows) {
			String id = "<notification-" + row + "@fundguard.ybj.example>";
			List<MimeMessage> copies = allReceived().stream().filter(m -> id.equals(messageId(m))).toList();
			assertThat(copies).as("mail of outbox row %d", row).hasSize(1);
			assertThat(copies.getFirst().getAllRecipients()).hasSize(1);
			out.put(id, copies.getFirst().getAllRecipients()[0].toString());
		}
		// nobody else got a mail of this notification: every copy is one of the rows above
		return out;
	}

	List<String> subjects(Set<String> ids) {
		return allReceived().stream().filter(m -> ids.contains(messageId(m))).map(m -> {
			try {
				return m.getSubject();
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	List<String> bodies(Set<String> ids) {
		return allReceived().stream().filter(m -> ids.contains(messageId(m))).map(m -> {
			try {
				return m.getContent().toString();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static List<MimeMessage> allReceived() {
		List<MimeMessage> all = new ArrayList<>(received);
		all.addAll(List.of(smtp.getReceivedMessages()));
		return all;
	}

	static String messageId(MimeMessage m) {
		try {
			return m.getMessageID();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	long maxOutboxId() {
		return jdbc.sql("select coalesce(max(id), 0) from notification_outbox").query(Long.class).single();
	}

	static void waitUntil(BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + BOUND.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("condition not met within " + BOUND);
			}
			Thread.sleep(200);
		}
	}

	static GreenMail newSmtp() {
		GreenMail g = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		g.start();
		return g;
	}

	static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
