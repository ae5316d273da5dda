package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.catalina.valves.AccessLogValve;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.VersionedIndices;
import org.fundguard.reports.portal.PortalPrivacy;
import org.fundguard.reports.portal.ProofOfWork;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal over real HTTP against the whole application: what an anonymous reporter leaves behind (nothing that
 * identifies), and the abuse limits. Each test sends from its own loopback address, so the per-client limits of
 * one test do not touch another.
 */
@IntegrationTest
class PortalIT {

	private static final String PROBE_UA = "FundGuardLeakProbe/7.7 (probe-ua-93c1e)";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Reports reports;

	@Autowired
	ReportMessages messages;

	@Autowired
	ReportProcessStarter starter;

	@Autowired
	ReceiptCodes codes;

	@Autowired
	ServletWebServerApplicationContext context;

	@Autowired
	VersionedIndices indices;

	@Autowired
	ClaimIndices claimIndices;

	@Autowired
	ElasticJson elastic;

	@Test
	void anAnonymousReportLeavesNoAddressNoBrowserAndNoReceiptCodeInTheDatabaseOrTheLogs() throws Exception {
		String address = "127.45.67.89";
		var reporter = new PortalClient(base(), address, PROBE_UA);
		byte[] photo = ImageMetadataTest.withJpegMetadata(ImageMetadataTest.jpeg());
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Level before = root.getLevel();
		// Spring Security at TRACE prints the anonymous token with its details, the client address among them
		Logger security = (Logger) LoggerFactory.getLogger("org.springframework.security");
		var logs = new ListAppender<ILoggingEvent>();
		logs.start();
		root.addAppender(logs);
		root.setLevel(Level.DEBUG);
		security.setLevel(Level.TRACE);
		String code;
		try {
			var response = reporter.submit(PortalClient.anonymousReport("该诊所虚构门诊记录，为未就诊的人员刷医保卡结算。"),
					Map.of("IMG_20261101_张三.jpg", photo));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			code = PortalClient.receiptCode(response);
			assertThat(reporter.enterCode(code).statusCode()).isEqualTo(302);
			assertThat(reporter.get("/portal/status/view").body()).contains("待受理审查");
			assertThat(reporter.reply("补充：收费员姓李。").statusCode()).isEqualTo(302);
			reporter.get("/portal/no-such-page");
			starter.startPending();
		}
		finally {
			root.setLevel(before);
			security.setLevel(null);
			root.detachAppender(logs);
		}

		List<String> lines = logs.list.stream().map(PortalIT::everything).toList();
		assertThat(lines).as("the log capture works at DEBUG").hasSizeGreaterThan(10)
			.anyMatch(l -> l.contains("RemoteIpAddress=" + PortalPrivacy.NOWHERE));
		assertThat(lines).noneMatch(l -> l.contains(address)).noneMatch(l -> l.contains("probe-ua-93c1e"))
			.noneMatch(l -> l.contains(code)).noneMatch(l -> l.contains(code.replace("-", "")));

		Report stored = reports.findByCode(code).orElseThrow();
		assertThat(stored.anonymous()).isTrue();
		assertThat(stored.processStarted()).isTrue();
		String kept = String.join("\n", rows("select * from report where id = " + stored.id()),
				rows("select * from report_evidence where report_id = " + stored.id()),
				rows("select * from report_message where report_id = " + stored.id()),
				rows("select * from report_identity where report_id = " + stored.id()),
				rows("select * from act_ru_variable where proc_inst_id_ in (select proc_inst_id_ from act_ru_execution "
						+ "where business_key_ = '" + stored.number() + "')"),
				rows("select * from act_hi_varinst where proc_inst_id_ in (select id_ from act_hi_procinst "
						+ "where business_key_ = '" + stored.number() + "')"));
		assertThat(kept).contains(stored.number(), "虚构门诊记录")
			.as("the reporter's message is sealed at rest").doesNotContain("补充：收费员姓李。")
			.doesNotContain(address, "probe-ua-93c1e", "Mozilla", code, code.replace("-", ""), "张三", "IMG_2026")
			.doesNotContain(ImageMetadataTest.SECRET.substring(0, 12));
		assertThat(rows("select * from report_identity where report_id = " + stored.id())).isEmpty();
		assertThat(messages.of(stored.id())).anyMatch(m -> m.body().equals("补充：收费员姓李。"));
		String hash = jdbc.queryForObject("select receipt_hash from report where id = ?", String.class, stored.id());
		assertThat(hash).as("only the keyed hash is kept").isEqualTo(codes.hash(code))
			.isNotEqualTo(java.util.HexFormat.of().formatHex(ProofOfWork.sha256(code.replace("-", ""))));
		assertThat(reports.evidence(stored.id())).singleElement()
			.satisfies(e -> assertThat(e.fileName()).isEqualTo("证据1.jpg"));
	}

	@Test
	void tomcatKeepsNoAccessLog() {
		var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
		assertThat(tomcat.getEngine().getPipeline().getValves()).noneMatch(AccessLogValve.class::isInstance);
		assertThat(tomcat.getHost().getPipeline().getValves()).noneMatch(AccessLogValve.class::isInstance);
	}

	@Test
	void guessingReceiptCodesIsCutOffAfterTheConfiguredNumberOfLookups() {
		var guesser = new PortalClient(base(), "127.45.67.90", null);
		var neighbour = new PortalClient(base(), "127.45.67.91", null);
		String code = PortalClient.receiptCode(neighbour.submit(PortalClient.anonymousReport("测试回执码查询频率限制的举报内容。"), Map.of()));

		for (int i = 0; i < 20; i++) {
			assertThat(guesser.enterCode("AAAA-BBBB-CCCC-DDDD-" + String.format("%04d", i)).statusCode()).isEqualTo(404);
		}
		var cutOff = guesser.enterCode(code);
		assertThat(cutOff.statusCode()).as("even the right code, once the allowance is used up").isEqualTo(429);
		assertThat(cutOff.body()).contains("查询过于频繁");
		assertThat(neighbour.enterCode(code).statusCode()).as("another client is not affected").isEqualTo(302);
	}

	@Test
	void submissionsAreLimitedPerClient() {
		var flooder = new PortalClient(base(), "127.45.67.92", null);
		for (int i = 0; i < 5; i++) {
			assertThat(flooder.submit(PortalClient.anonymousReport("第 " + i + " 次提交，测试提交频率限制。"), Map.of()).statusCode())
				.isEqualTo(200);
		}
		var sixth = flooder.submit(PortalClient.anonymousReport("第 6 次提交，测试提交频率限制。"), Map.of());
		assertThat(sixth.statusCode()).isEqualTo(429);
		assertThat(sixth.body()).contains("提交过于频繁");
	}

	@Test
	void aFormWithoutItsCsrfTokenOrProofOfWorkOrWithTheRobotTrapFilledIsRefused() {
		var client = new PortalClient(base(), "127.45.67.93", null);
		long before = reports.count();

		var noCsrf = client.postForm("/portal/status", Map.of("code", "AAAA-BBBB-CCCC-DDDD-EEEE"));
		assertThat(noCsrf.statusCode()).isEqualTo(403);

		var fields = PortalClient.anonymousReport("没有完成安全校验的提交，应被拒绝。");
		fields.put("nonce", "not-a-solution");
		assertThat(client.submit(fields, Map.of()).statusCode()).isEqualTo(400);

		var robot = PortalClient.anonymousReport("机器人填写了隐藏字段，应被拒绝。");
		robot.put("website", "http://spam.example");
		assertThat(client.submit(robot, Map.of()).statusCode()).isEqualTo(400);
		assertThat(reports.count()).isEqualTo(before);
	}

	@Test
	void whatTheReporterTypedIsEscapedWhenTheFormComesBack() {
		var client = new PortalClient(base(), "127.45.67.94", null);
		var fields = PortalClient.anonymousReport("<script>alert('x')</script> 说明不足时表单回显");
		fields.remove("consent");

		var response = client.submit(fields, Map.of());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("请阅读并同意", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>alert");
	}

	@Test
	void evidenceIsJudgedByContentNotByName() {
		var client = new PortalClient(base(), "127.45.67.95", null);
		byte[] script = "MZ\u0000\u0001 not really a photo".getBytes(StandardCharsets.ISO_8859_1);

		var response = client.submit(PortalClient.anonymousReport("附件伪装成照片的可执行文件，应被拒绝。"),
				Map.of("photo.jpg", script));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("第 1 个证据文件的类型不被接受");
	}

	@Test
	void aBodyOverThePortalLimitOrWithoutALengthIsRefusedBeforeItIsRead() throws IOException {
		assertThat(rawPost("Content-Length: 999999999\r\n")).startsWith("HTTP/1.1 413");
		assertThat(rawPost("Transfer-Encoding: chunked\r\n")).startsWith("HTTP/1.1 411");
	}

	@Test
	void theDirectoryIsSearchedAndAReportNamesTheInstitutionAsTheDirectoryDoes() {
		String alias = indices.ensure("providers");
		elastic.send("PUT", "/" + alias + "/_doc/H37030099?refresh=true", """
				{"provider_code":"H37030099","provider_name":"淄博市门诊测试医院","provider_type":"hospital",
				 "region":"370302","level":"2","agreement_status":"active","load_id":"it"}""");
		assertThat(alias).isEqualTo(claimIndices.providers());
		var client = new PortalClient(base(), "127.45.67.96", null);

		assertThat(client.get("/portal/providers?q=" + java.net.URLEncoder.encode("门诊测试", StandardCharsets.UTF_8)).body())
			.contains("\"code\":\"H37030099\"", "淄博市门诊测试医院");

		var fields = PortalClient.anonymousReport("名录内机构的举报，名称以名录为准。");
		fields.put("subjectKind", "INSTITUTION");
		fields.put("providerCode", "H37030099");
		fields.put("subjectName", "浏览器送来的名称不算数");
		String code = PortalClient.receiptCode(client.submit(fields, Map.of()));

		Report stored = reports.findByCode(code).orElseThrow();
		assertThat(stored.subjectKey()).isEqualTo("H37030099");
		assertThat(stored.subjectName()).isEqualTo("淄博市门诊测试医院");
	}

	private String rawPost(String lengthHeader) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /portal/report HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
					+ lengthHeader + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] head = in.readNBytes(12);
			return new String(head, StandardCharsets.US_ASCII);
		}
	}

	private String rows(String sql) {
		List<String> rows = new ArrayList<>();
		jdbc.query(sql, (ResultSet rs) -> {
			int columns = rs.getMetaData().getColumnCount();
			StringBuilder row = new StringBuilder();
			for (int i = 1; i <= columns; i++) {
				row.append(text(rs, i)).append('|');
			}
			rows.add(row.toString());
		});
		return String.join("\n", rows);
	}

	private static String text(ResultSet rs, int i) throws SQLException {
		Object value = rs.getObject(i);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.ISO_8859_1) + new String(bytes, StandardCharsets.UTF_8);
		}
		return String.valueOf(value);
	}

	private static String everything(ILoggingEvent e) {
		var t = e.getThrowableProxy();
		return e.getFormattedMessage() + " " + e.getMDCPropertyMap() + " " + e.getKeyValuePairs()
				+ (t == null ? "" : " " + t.getMessage()) + " " + e.getLoggerName().toLowerCase(Locale.ROOT);
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}
}
