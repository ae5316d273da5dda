package org.fundguard.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily root as the public and a database administrator meet it: a published decision's case gets an inclusion
 * proof from the public endpoint that checks offline, and a rewrite of that case's history, even one that recomputes
 * every chain hash, the leaves and the stored root, disagrees with the root that was published.
 */
@IntegrationTest
class DailyRootsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnforcementRecord record;

	@Autowired
	DailyRoots roots;

	@TempDir
	Path dir;

	@Autowired
	org.springframework.core.env.Environment env;

	@Test
	void aPublishedRootProvesTheRecordOfflineAndARewriteOfHistoryDisagreesWithIt() throws Exception {
		long published = decision(OffsetDateTime.now());
		long unpublished = decision(null);
		long caseId = caseOf(published);
		Actor inspector = new Actor("inspector1", "inspector");
		record.append(caseId, inspector, "立案", "决定立案");
		record.append(caseId, inspector, "调查", "调取住院病历 12 份");
		record.append(caseId, inspector, "告知", "送达行政处罚事先告知书");
		record.append(caseOf(unpublished), inspector, "立案", "决定立案");
		LocalDate day = LocalDate.of(2090, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30000));

		DailyRoot root = roots.compute(day);
		assertThat(roots.compute(day)).as("computed once").isEqualTo(root);
		assertThat(Http.get(url("/public/record-roots"), null).body()).contains(root.rootHash());

		var proof = Http.get(url("/public/record-roots/" + day + "/proof?decision=" + published), null);
		assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
		assertThat(proof.body()).contains("\"length\":3", "\"rootHash\":\"" + root.rootHash() + "\"");
		Path file = Files.writeString(dir.resolve("proof.json"), proof.body());
		assertThat(offline(file, root.rootHash())).isZero();
		assertThat(offline(file, "0".repeat(64))).as("another root").isEqualTo(1);
		assertThat(Http.get(url("/public/record-roots/" + day + "/proof?decision=" + unpublished), null).statusCode())
			.as("no proof for an unpublished decision's case").isEqualTo(404);
		assertThat(problemsOf(caseId, day, root.rootHash())).isEmpty();

		// a database administrator rewrites entry 2 and every hash after it, consistently
		org.fundguard.support.FullDatabaseAccess admin = org.fundguard.support.FullDatabaseAccess.open(env);
		JdbcClient dba = admin.jdbc();
		String newHead = rewrite(dba, caseId, 2, "未调取病历");
		assertThat(record.verify(caseId).intact()).as("the chain alone cannot tell").isTrue();
		assertThat(problemsOf(caseId, day, root.rootHash())).singleElement().asString().contains("历史被改写");

		// ... and then the day's leaf and stored root as well: only the published root still tells
		dba.sql("update record_root_leaf set head_hash = ? where root_day = ? and case_id = ?").params(newHead, day, caseId).update();
		List<byte[]> leaves = jdbc.sql("select case_id, length, head_hash from record_root_leaf where root_day = ? order by leaf_index")
			.param(day)
			.query((rs, n) -> MerkleTree.leafHash(RootProof.leafData(rs.getLong(1), rs.getInt(2), rs.getString(3))))
			.list();
		dba.sql("update record_root set root_hash = ? where root_day = ?").params(MerkleTree.hex(MerkleTree.root(leaves)), day).update();
		admin.close();
		assertThat(roots.check(day, root.rootHash())).anyMatch(p -> p.contains("与已公布的"));
		Path rewritten = Files.writeString(dir.resolve("rewritten.json"),
				Http.get(url("/public/record-roots/" + day + "/proof?decision=" + published), null).body());
		assertThat(offline(rewritten, root.rootHash())).as("a fresh proof against the root kept from the public page").isEqualTo(1);
	}

	private List<String> problemsOf(long caseId, LocalDate day, String publishedRoot) {
		// other tests break other cases' chains on purpose: only this case's lines and the root's own are ours
		return roots.check(day, publishedRoot).stream().filter(p -> p.contains("#" + caseId + "：") || !p.contains("#")).toList();
	}

	/** Rewrites entry {@code seq}'s detail and recomputes the chain from there on, as only full database access can. */
	private String rewrite(JdbcClient dba, long caseId, int seq, String detail) {
		List<RecordEntry> entries = record.entries(caseId);
		String previous = entries.get(seq - 2).hash();
		for (RecordEntry e : entries.subList(seq - 1, entries.size())) {
			String text = e.seq() == seq ? detail : e.detail();
			String hash = ChainHash.of(e.caseId(), e.seq(), e.recordedAt(), e.actorId(), e.actorRole(), e.action(), text,
					e.documentHashes(), previous);
			dba.sql("update enforcement_record set detail = ?, previous_hash = ?, hash = ? where case_id = ? and seq = ?")
				.params(text, previous, hash, caseId, e.seq())
				.update();
			previous = hash;
		}
		dba.sql("update enforcement_record_head set head_hash = ? where case_id = ?").params(previous, caseId).update();
		return previous;
	}

	private static int offline(Path proof, String expectedRoot) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		return RootProofCommand.run(new String[] { "verify", "--root", proof.toString(), "--expect", expectedRoot },
				new PrintStream(out, true, StandardCharsets.UTF_8));
	}

	private long decision(OffsetDateTime published) {
		String number = "IT-" + UUID.randomUUID().toString().substring(0, 12);
		jdbc.sql("""
				insert into audit_case (case_number, subject_type, subject_key, subject_name, source, amount, summary, status,
				  received_at, opened_at, opened_by)
				values (?, 'INSTITUTION', 'H37030299999', '根哈希测试医院', 'LEAD', 1000, '根哈希测试', 'CLOSED', ?, ?, 'it')
				""").params(number, OffsetDateTime.now(), OffsetDateTime.now()).update();
		long caseId = jdbc.sql("select id from audit_case where case_number = ?").param(number).query(Long.class).single();
		jdbc.sql("""
				insert into penalty_case (case_id, case_number, status, party_type, party_key, party_name, requested_by,
				  requested_at, article, recovery, fine, measure, decision_number, decided_at, decided_by, published_at)
				values (?, ?, 'CLOSED', 'INSTITUTION', 'H37030299999', '根哈希测试医院', 'it', ?, '38', 1000, 2000, 'NONE', ?, ?, 'it', ?)
				""").params(caseId, number, OffsetDateTime.now(), "淄医保罚〔2026〕" + number, OffsetDateTime.now(), published).update();
		return jdbc.sql("select id from penalty_case where case_id = ?").param(caseId).query(Long.class).single();
	}

	private long caseOf(long penaltyId) {
		return jdbc.sql("select case_id from penalty_case where id = ?").param(penaltyId).query(Long.class).single();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
