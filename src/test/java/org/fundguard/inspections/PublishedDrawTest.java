package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A published draw verifies from its JSON alone, and any tampered input or result makes it fail, also from the CLI. */
class PublishedDrawTest {

	@TempDir
	Path temp;

	static PublishedDraw published() {
		List<DirectoryEntry> directory = DrawFixtures.directory(30);
		List<PoolEntry> pool = DrawFixtures.pool(8);
		DrawParameters parameters = DrawFixtures.ratio(1000);
		String seedHash = Canonical.seedHash(DrawFixtures.SEED);
		String dh = Canonical.directoryHash(directory);
		String ph = Canonical.poolHash(pool);
		return new PublishedDraw(Canonical.FORMAT, new PublishedDraw.Plan(1, "2026年度定点医药机构双随机检查", 2026, 1, 1),
				parameters, directory, pool,
				new PublishedDraw.Commitment(seedHash, dh, ph, Canonical.commitment(parameters, seedHash, dh, ph), "2026-06-01T09:00:00+08:00"),
				DrawFixtures.SEED, Draw.run(DrawFixtures.SEED, parameters, directory, pool), List.of());
	}

	@Test
	void theUntouchedPublicationVerifies() {
		assertThat(published().verify().matches()).isTrue();
		assertThat(published().verify().summary()).startsWith("验证通过");
	}

	@Test
	void aSeedThatDoesNotMatchTheCommitmentFails() {
		PublishedDraw p = published();
		PublishedDraw tampered = new PublishedDraw(p.format(), p.plan(), p.parameters(), p.directory(), p.pool(), p.commitment(),
				DrawFixtures.seed(9), p.result(), p.excluded());

		assertThat(tampered.verify().problems()).anyMatch(m -> m.contains("随机种子的哈希"))
			.anyMatch(m -> m.contains("重新抽取的检查对象或检查组与公布结果不符"));
	}

	@Test
	void aDirectoryEntryChangedAfterTheCommitmentFails() {
		PublishedDraw p = published();
		List<DirectoryEntry> directory = new ArrayList<>(p.directory());
		directory.removeFirst();

		PublishedDraw tampered = new PublishedDraw(p.format(), p.plan(), p.parameters(), directory, p.pool(), p.commitment(),
				p.seed(), p.result(), p.excluded());
		assertThat(tampered.verify().problems()).anyMatch(m -> m.startsWith("检查对象名录快照的哈希"));
	}

	@Test
	void aResultThatIsNotTheDrawFails() {
		PublishedDraw p = published();
		List<DrawResult.Drawn> institutions = new ArrayList<>(p.result().institutions());
		DrawResult.Drawn first = institutions.removeFirst();
		institutions.addFirst(new DrawResult.Drawn(1, "H37030200099", first.name(), first.stratum(), first.team()));

		PublishedDraw tampered = new PublishedDraw(p.format(), p.plan(), p.parameters(), p.directory(), p.pool(), p.commitment(),
				p.seed(), new DrawResult(institutions, p.result().skipped()), p.excluded());
		assertThat(tampered.verify().problems()).containsExactly("重新抽取的检查对象或检查组与公布结果不符");
	}

	@Test
	void theCommandVerifiesADownloadedFileAndRejectsATamperedOne() throws Exception {
		ObjectMapper json = new ObjectMapper();
		Path good = temp.resolve("draw.json");
		json.writeValue(good.toFile(), published());
		ObjectNode node = (ObjectNode) json.readTree(good.toFile());
		((ObjectNode) node.get("parameters")).put("sampleRatioBasisPoints", 2000);
		Path bad = temp.resolve("tampered.json");
		json.writeValue(bad.toFile(), node);

		var out = new ByteArrayOutputStream();
		assertThat(DrawCommand.run(new String[] { "verify", good.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("验证通过", "MATCH", "检查对象 30 家");

		out.reset();
		assertThat(DrawCommand.run(new String[] { "verify", bad.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("验证失败", "承诺值", "MISMATCH");

		assertThat(DrawCommand.run(new String[] { "verify" }, new PrintStream(out))).isEqualTo(2);
		Files.writeString(bad, "{not json");
		assertThat(DrawCommand.run(new String[] { "verify", bad.toString() }, new PrintStream(out))).isEqualTo(2);
	}
}
