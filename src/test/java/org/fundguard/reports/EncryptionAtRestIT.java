package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.fundguard.claims.TinyExport;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.documents.DocumentStore;
import org.fundguard.documents.StoredDocument;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.sealing.KeysCommand;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Encryption at rest, read from below the application: after a real-name report with evidence and a message came in
 * through the portal, and a case document was stored, no table of the database holds the reporter's name, identity
 * number or phone number, or a byte sequence of the evidence or of the case document (whose content the database now
 * keeps, table document_content), nor the rejects report of a load whose rejected person row holds the same name and
 * identity number (table claims_load_rejects), and no file is left in the old document folder to hold it; the bureau
 * still reads them all through the application, before and after the master key is rotated and the old key retired.
 */
@IntegrationTest
class EncryptionAtRestIT {

	private static final CurrentUser HANDLER = new CurrentUser("handler1", "孙丽", Set.of(Role.REPORT_HANDLER));

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Reports reports;

	@Autowired
	ReporterIdentities identities;

	@Autowired
	ReportMessages messages;

	@Autowired
	DocumentStore documents;

	@Autowired
	KeysCommand keys;

	@Autowired
	org.fundguard.sealing.Sealer sealer;

	@Autowired
	ReportSealing sealing;

	@Autowired
	ClaimsLoader loader;

	@Value("${fundguard.data-dir}")
	Path dataDir;

	@Test
	void noTableOrFileHoldsWhatTheReporterGaveAndARotationKeepsItReadable() throws Exception {
		int n = ThreadLocalRandom.current().nextInt(1000, 9999);
		String name = "端木青禾" + "甲乙丙丁戊己庚辛壬癸".charAt(n % 10);
		String idNumber = withCheckDigit("3703021985061" + n);
		String phone = "137" + n + String.format("%04d", (n * 7) % 10000);
		var reporter = new PortalClient("http://127.0.0.1:" + port, "127.88." + (n % 250) + "." + (n % 200 + 1), "EncryptionProbe/1.0");
		Map<String, String> form = new LinkedHashMap<>(PortalClient.anonymousReport("该药店串换药品，把保健品按医保药品结算。"));
		form.put("identityMode", "realName");
		form.put("reporterKind", "PERSON");
		form.put("fullName", name);
		form.put("idNumber", idNumber);
		form.put("phone", phone);
		byte[] photo = ImageMetadataTest.jpeg();
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("收据.jpg", photo);
		files.put("说明.pdf", pdfWithAuthor());
		var submitted = reporter.submit(form, files);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.body()).as("the reporter is told what was removed from the files")
			.contains("证据2.pdf：已移除作者、创建程序");
		assertThat(reporter.enterCode(PortalClient.receiptCode(submitted)).statusCode()).isEqualTo(302);
		String message = "补充说明：收费员姓" + name.charAt(0) + "，电话 " + phone + " 可联系我";
		assertThat(reporter.reply(message).statusCode()).isEqualTo(302);
		long reportId = reports.list(50).stream().filter(r -> identities.of(r.id(), HANDLER)
			.map(i -> i.idNumber().equals(idNumber)).orElse(false)).findFirst().orElseThrow().id();
		var stored = reports.evidence(reportId).get(0);
		byte[] evidence = reports.evidenceContent(reportId, stored.id()).orElseThrow();
		byte[] pdf = ("%PDF-1.4\n% 现场检查笔录 FG-SEALED-" + n + "\n%%EOF").getBytes(StandardCharsets.UTF_8);
		StoredDocument document = documents.store("现场检查笔录.pdf", pdf, "inspector1");
		String load = loadWithARejectedPerson(n, name, idNumber);

		List<byte[]> needles = List.of(name.getBytes(StandardCharsets.UTF_8), idNumber.getBytes(StandardCharsets.US_ASCII),
				phone.getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(evidence, evidence.length / 2, evidence.length / 2 + 24),
				("FG-SEALED-" + n).getBytes(StandardCharsets.US_ASCII));
		List<String> found = plaintextInDatabase(needles);
		found.addAll(plaintextInDocumentFiles(needles));
		System.out.println("plaintext found in the database and document files: " + found.size() + " " + found);
		assertThat(found).isEmpty();
		assertReadable(reportId, name, idNumber, phone, message, evidence, document, pdf);
		assertRejectsReadable(load, name, idNumber);

		assertThat(run("rotate")).contains("旧密钥包裹 / under old keys 0");
		assertReadable(reportId, name, idNumber, phone, message, evidence, document, pdf);
		assertRejectsReadable(load, name, idNumber);
		assertThat(run("retire")).contains("已删除旧主密钥");
		assertReadable(reportId, name, idNumber, phone, message, evidence, document, pdf);
		assertRejectsReadable(load, name, idNumber);
		assertThat(plaintextInDatabase(needles)).isEmpty();
	}

	/**
	 * Sealed message bodies are bound to their own row and author: swapped between two messages of one report, or with
	 * the author changed, they no longer open, rather than putting one party's words in the other's mouth.
	 */
	@Test
	void aSealedMessageMovedToAnotherMessageOfTheSameReportOrAuthorDoesNotOpen() {
		var reporter = new PortalClient("http://127.0.0.1:" + port, "127.89.7.9", "EncryptionProbe/2.0");
		var submitted = reporter.submit(PortalClient.anonymousReport("该诊所虚记诊疗项目，请核查。"), Map.of());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		long reportId = reports.list(1).get(0).id();
		messages.fromReporter(reportId, "举报人的话：请尽快核查");
		messages.fromHandler(reportId, "handler1", "受理人员的话：已收到");
		List<Long> ids = jdbc.queryForList("select id from report_message where report_id = ? order by id", Long.class, reportId);
		assertThat(messages.of(reportId)).extracting(ReportMessage::body)
			.containsExactly("举报人的话：请尽快核查", "受理人员的话：已收到");

		long reporterMessage = ids.get(ids.size() - 2);
		long handlerMessage = ids.get(ids.size() - 1);
		byte[] a = jdbc.queryForObject("select sealed_body from report_message where id = ?", byte[].class, reporterMessage);
		byte[] b = jdbc.queryForObject("select sealed_body from report_message where id = ?", byte[].class, handlerMessage);
		jdbc.update("update report_message set sealed_body = ? where id = ?", b, reporterMessage);
		jdbc.update("update report_message set sealed_body = ? where id = ?", a, handlerMessage);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> messages.of(reportId))
			.as("swapped bodies of two messages of one report")
			.isInstanceOf(org.fundguard.sealing.Sealer.SealBroken.class);

		jdbc.update("update report_message set sealed_body = ? where id = ?", a, reporterMessage);
		jdbc.update("update report_message set sealed_body = ? where id = ?", b, handlerMessage);
		jdbc.update("update report_message set author = 'HANDLER' where id = ?", reporterMessage);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> messages.of(reportId))
			.as("a reporter's message given to the handler")
			.isInstanceOf(org.fundguard.sealing.Sealer.SealBroken.class);
		jdbc.update("update report_message set author = 'REPORTER' where id = ?", reporterMessage);
		assertThat(messages.of(reportId)).extracting(ReportMessage::body)
			.containsExactly("举报人的话：请尽快核查", "受理人员的话：已收到");
	}

	/** A message sealed before messages were bound to their row (context: the report alone) is re-bound at start. */
	@Test
	void aMessageSealedUnderItsReportAloneIsReboundAndStillReads() {
		var reporter = new PortalClient("http://127.0.0.1:" + port, "127.89.7.10", "EncryptionProbe/3.0");
		var submitted = reporter.submit(PortalClient.anonymousReport("该药店以药换物，请核查。"), Map.of());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		long reportId = reports.list(1).get(0).id();
		messages.fromReporter(reportId, "早先封存的消息");
		long id = jdbc.queryForObject("select max(id) from report_message where report_id = ?", Long.class, reportId);
		jdbc.update("update report_message set sealed_body = ? where id = ?",
				sealer.sealText("早先封存的消息", "report_message:" + reportId), id);

		sealing.sealEarlierRows();

		assertThat(messages.of(reportId)).extracting(ReportMessage::body).containsExactly("早先封存的消息");
	}

	private void assertReadable(long reportId, String name, String idNumber, String phone, String message, byte[] evidence,
			StoredDocument document, byte[] pdf) {
		var who = identities.of(reportId, HANDLER).orElseThrow();
		assertThat(List.of(who.fullName(), who.idNumber(), who.phone())).containsExactly(name, idNumber, phone);
		assertThat(messages.of(reportId)).anyMatch(m -> m.body().equals(message));
		assertThat(reports.evidenceContent(reportId, reports.evidence(reportId).get(0).id()).orElseThrow()).isEqualTo(evidence);
		assertThat(documents.content(document)).isEqualTo(pdf);
	}

	/** A load whose person row, with this name and identity number, is rejected for its birth date. */
	private String loadWithARejectedPerson(int n, String name, String idNumber) throws Exception {
		Path folder = new TinyExport("E" + n + "-").set("persons.csv", 0, "name", name)
			.set("persons.csv", 0, "id_number", idNumber)
			.set("persons.csv", 0, "birth_date", "1985-13-01")
			.writeTo(Files.createTempDirectory("fundguard-sealed-rejects"));
		LoadRecord load = loader.load(folder, "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED_WITH_REJECTS");
		return load.id();
	}

	private void assertRejectsReadable(String load, String name, String idNumber) throws Exception {
		try (var report = loader.rejects(load).orElseThrow()) {
			assertThat(new String(report.readAllBytes(), StandardCharsets.UTF_8)).contains("persons.csv,2,2,", name, idNumber);
		}
	}

	private String run(String what) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = keys.run(new String[] { what }, new PrintStream(out, true, StandardCharsets.UTF_8));
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(code).as(text).isZero();
		return text;
	}

	/** Every column of every row of every table of the application's schema, text and binary alike. */
	private List<String> plaintextInDatabase(List<byte[]> needles) throws Exception {
		List<String> found = new ArrayList<>();
		try (var connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			List<String> names = new ArrayList<>();
			while (tables.next()) {
				names.add(tables.getString("TABLE_NAME"));
			}
			for (String table : names) {
				try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
					int columns = rows.getMetaData().getColumnCount();
					while (rows.next()) {
						for (int c = 1; c <= columns; c++) {
							int type = rows.getMetaData().getColumnType(c);
							byte[] value = switch (type) {
								case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rows.getBytes(c);
								default -> {
									String s = rows.getString(c);
									yield s == null ? null : s.getBytes(StandardCharsets.UTF_8);
								}
							};
							for (int i = 0; value != null && i < needles.size(); i++) {
								if (indexOf(value, needles.get(i)) >= 0) {
									found.add(table + "." + rows.getMetaData().getColumnName(c) + " holds needle " + i);
								}
							}
						}
					}
				}
			}
		}
		return found;
	}

	/** Documents live in the database since issue 21; the folder a node once kept them in holds none of them. */
	private List<String> plaintextInDocumentFiles(List<byte[]> needles) throws Exception {
		List<String> found = new ArrayList<>();
		if (!Files.isDirectory(dataDir.resolve("documents"))) {
			return found;
		}
		try (var files = Files.walk(dataDir.resolve("documents"))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				byte[] bytes = Files.readAllBytes(f);
				for (int i = 0; i < needles.size(); i++) {
					if (indexOf(bytes, needles.get(i)) >= 0) {
						found.add(f + " holds needle " + i);
					}
				}
			}
		}
		return found;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] pdfWithAuthor() throws Exception {
		try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
			doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			doc.getDocumentInformation().setAuthor("王举报");
			doc.getDocumentInformation().setCreator("WPS Office");
			doc.save(out);
			return out.toByteArray();
		}
	}

	/** GB 11643: the check digit of the first 17 digits. */
	private static String withCheckDigit(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}
}
