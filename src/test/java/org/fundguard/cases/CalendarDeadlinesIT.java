package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.fundguard.calendar.CalendarDay;
import org.fundguard.calendar.CalendarFile;
import org.fundguard.cases.CaseDeadlines.Kind;
import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The working calendar kept in the running application, against the real Keycloak: only an administrator changes it;
 * a year imported with a make-up Saturday moves a running case's filing deadline, its overdue timer and its task's
 * due date, and says so in the change log; a deadline already passed stays; a bad file names file, row and column and
 * changes nothing; a deadline counted over the provisional 2027 says so on the case page.
 */
@IntegrationTest
class CalendarDeadlinesIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	AuditCases cases;

	@Autowired
	CaseDeadlines deadlines;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@AfterEach
	void shippedTwentyTwentySevenAgain() throws Exception {
		String seed = CalendarFile.seed().current().daysOf(2027).stream().map(CalendarDeadlinesIT::row)
			.collect(Collectors.joining("\n", "kind,date,name,notice\n", "\n"));
		HttpResponse<String> restored = importYear("admin1", 2027, "provisional", "《全国年节及纪念日放假办法》（2025年修订）",
				"2027-seed.csv", seed);
		assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
	}

	@Test
	void onlyAnAdministratorReadsOrChangesTheCalendar() throws Exception {
		for (String user : List.of("director1", "inspector1", "analyst1", "reviewer1")) {
			assertThat(send(user, HttpRequest.newBuilder(uri("/api/calendar")).GET()).statusCode()).as(user).isEqualTo(403);
			HttpResponse<String> put = setDay(user, "2027-01-09", "workday", "测试调休", "国办发明电〔2026〕测试");
			assertThat(put.statusCode()).as(user).isEqualTo(403);
			assertThat(importYear(user, 2027, "official", "测试", "2027.csv", "workday,2027-01-09,调休,测试\n").statusCode())
				.as(user).isEqualTo(403);
		}
		assertThat(send(null, HttpRequest.newBuilder(uri("/api/calendar")).GET()).statusCode()).isEqualTo(401);
		HttpResponse<String> years = send("admin1", HttpRequest.newBuilder(uri("/api/calendar")).GET());
		assertThat(years.statusCode()).isEqualTo(200);
		assertThat(years.body()).contains("{\"year\":2026,\"status\":\"official\",\"notice\":\"国办发明电〔2025〕7号\"",
				"{\"year\":2027,\"status\":\"provisional\"");
	}

	@Test
	void importingAYearWithAMakeUpSaturdayMovesARunningCasesFilingDeadlineItsTimerAndItsTaskAndLogsIt() throws Exception {
		// a lead of Thursday 2026-12-31: 15 working days over the statutory 2027 end with Friday 2027-01-22
		AuditCase c = open(OffsetDateTime.parse("2026-12-31T10:00+08:00"));
		Instant provisional = Instant.parse("2027-01-22T16:00:00Z");
		assertThat(deadlines.find(c.id(), Kind.FILING).dueAt().toInstant()).isEqualTo(provisional);
		assertThat(overdueTimer(c).toInstant()).isEqualTo(provisional);

		String year = send("admin1", HttpRequest.newBuilder(uri("/api/calendar/2027")).GET()).body();
		HttpResponse<String> bad = importYear("admin1", 2027, "official", "国办发明电〔2026〕测试", "2027-bad.csv",
				"kind,date,name,notice\nholiday,2027-01-01,元旦,国办发明电〔2026〕测试\nworkday,2027-01-09,春节调休,\n");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(bad.body()).get("detail").asText())
			.isEqualTo("日历文件 2027-bad.csv 第 3 行第 4 列（notice）：须注明所依据的通知（不超过 200 个字），未导入任何内容");
		assertThat(send("admin1", HttpRequest.newBuilder(uri("/api/calendar/2027")).GET()).body())
			.as("nothing of the bad file was imported").isEqualTo(year);

		String official = CalendarFile.seed().current().daysOf(2027).stream().map(CalendarDeadlinesIT::row)
			.collect(Collectors.joining("\n", "kind,date,name,notice\n", "\nworkday,2027-01-09,元旦调休,国办发明电〔2026〕测试\n"));
		HttpResponse<String> imported = importYear("admin1", 2027, "official", "国办发明电〔2026〕测试", "2027.csv", official);

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		Instant moved = Instant.parse("2027-01-21T16:00:00Z");
		assertThat(deadlines.find(c.id(), Kind.FILING).dueAt().toInstant()).isEqualTo(moved);
		assertThat(overdueTimer(c).toInstant()).isEqualTo(moved);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c.number()).singleResult().getDueDate().toInstant())
			.isEqualTo(moved);
		JsonNode change = JSON.readTree(imported.body());
		assertThat(change.get("changedBy").asText()).isEqualTo("admin1");
		assertThat(change.get("detail").asText()).contains("导入 2027 年日历", "2027-01-09 调休上班", "国办发明电〔2026〕测试");
		assertThat(change.get("recomputations").toString()).contains("案件 " + c.number(), "立案审查期限",
				"稽核案件 " + c.number(), "定时器“立案审查已超期”", "任务“立案审查”截止时间");
	}

	@Test
	void aDeadlineThatHasPassedIsLeftAloneWhenItsYearChanges() throws Exception {
		// a lead of Monday 2026-11-02: its filing deadline ended with 2026-11-23, before today
		AuditCase c = open(OffsetDateTime.parse("2026-11-02T10:00+08:00"));
		Instant passed = deadlines.find(c.id(), Kind.FILING).dueAt().toInstant();
		assertThat(passed).isEqualTo(Instant.parse("2026-11-23T16:00:00Z")).isBefore(Instant.now());

		HttpResponse<String> set = setDay("admin1", "2026-11-14", "workday", "测试调休", "测试通知");
		try {
			assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
			assertThat(deadlines.find(c.id(), Kind.FILING).dueAt().toInstant()).isEqualTo(passed);
			assertThat(set.body()).doesNotContain(c.number());
		}
		finally {
			HttpResponse<String> removed = send("admin1", HttpRequest.newBuilder(
					uri("/api/calendar/days/2026-11-14?notice=" + URLEncoder.encode("测试结束", StandardCharsets.UTF_8))).DELETE());
			assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		}
	}

	@Test
	void aDeadlineCountedOverTheProvisionalYearSaysSoOnTheCasePageAndTheCalendarPageShowsTheYearProvisional()
			throws Exception {
		AuditCase provisional = open(OffsetDateTime.parse("2026-12-31T10:00+08:00"));
		AuditCase official = open(OffsetDateTime.now().minusDays(1));

		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/cases/" + provisional.number());
			browser.signInAtKeycloak("director1", DemoUsers.PASSWORD);
			String lines = browser.waitFor(By.id("deadlines")).getText();
			assertThat(lines).contains("立案审查", "2027-01-2", "暂按法定节假日计算");
			browser.screenshot("calendar-1-provisional-deadline");
			browser.open("http://localhost:" + port + "/cases/" + official.number());
			assertThat(browser.waitFor(By.id("deadlines")).getText()).contains("立案审查").doesNotContain("暂按法定节假日计算");
		}
		try (Browser browser = new Browser()) {
			browser.open("http://localhost:" + port + "/calendar?year=2027");
			browser.signInAtKeycloak("admin1", DemoUsers.PASSWORD);
			assertThat(browser.waitFor(By.cssSelector("#years tr[data-year='2027']")).getText())
				.contains("暂定", "暂按法定节假日计算");
			assertThat(browser.driver().findElement(By.id("changes")).getText()).contains("安装时导入随附日历");
			browser.screenshot("calendar-2-admin-page");
		}
		// the task API says it too, so that a client can show the note beside the date
		JsonNode mine = JSON.readTree(send("director1", HttpRequest.newBuilder(uri("/api/tasks/mine")).GET()).body());
		assertThat(dueProvisional(mine, provisional)).isTrue();
		assertThat(dueProvisional(mine, official)).isFalse();
	}

	private static boolean dueProvisional(JsonNode tasks, AuditCase c) {
		for (JsonNode t : tasks) {
			if (t.toString().contains(c.number())) {
				return t.get("dueProvisional").asBoolean();
			}
		}
		throw new AssertionError("director1 has no task of case " + c.number() + ": " + tasks);
	}

	private AuditCase open(OffsetDateTime received) {
		return cases.open(new NewCase(SubjectType.INSTITUTION, CaseFixtures.uniqueProvider("370303"), "日历测试医院", "370303",
				CaseSource.MANUAL, "calendar-" + UUID.randomUUID(), new BigDecimal("1000.00"), "日历测试案件", received,
				CaseFixtures.DIRECTOR));
	}

	private Date overdueTimer(AuditCase c) {
		String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.number()).singleResult().getId();
		return management.createJobQuery().processInstanceId(instance).timers().list().stream()
			.filter(j -> "Event_FilingOverdue".equals(management.createJobDefinitionQuery()
				.jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId()))
			.findFirst().orElseThrow().getDuedate();
	}

	private static String row(CalendarDay d) {
		return String.join(",", d.kind().code(), d.date().toString(), d.name(), d.notice());
	}

	private HttpResponse<String> setDay(String user, String date, String kind, String name, String notice)
			throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(java.util.Map.of("kind", kind, "name", name, "notice", notice));
		return send(user, HttpRequest.newBuilder(uri("/api/calendar/days/" + date)).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> importYear(String user, int year, String status, String notice, String fileName,
			String content) throws IOException, InterruptedException {
		String boundary = "fundguard" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : List.of(new String[] { "status", status }, new String[] { "notice", notice })) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content.getBytes(StandardCharsets.UTF_8));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(user, HttpRequest.newBuilder(uri("/api/calendar/" + year + "/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpResponse<String> send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
		if (user != null) {
			request.header("Authorization", "Bearer " + KeycloakTokens.accessToken(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
