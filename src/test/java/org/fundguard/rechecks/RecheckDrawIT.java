package org.fundguard.rechecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.TaskService;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.inspections.DirectoryEntry;
import org.fundguard.inspections.DrawCommand;
import org.fundguard.inspections.InspectorPool;
import org.fundguard.inspections.PublishedDraw;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The yearly re-check draw on PostgreSQL: a past year's closed cases and recorded inspections are frozen with the
 * commitment, the draw samples ⌈N × 5 %⌉ of them, each item gets its re-check task exactly once, nobody re-checks what
 * he or she handled, and the published inputs verify on the server and with {@code fundguard draw verify}; a tampered
 * input fails both. An inspector then records an outcome through the task gateway.
 */
@IntegrationTest
class RecheckDrawIT {

	static final CurrentUser DIRECTOR = new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR));
	static final CurrentUser INSPECTOR = new CurrentUser("inspector1", "张三", Set.of(Role.INSPECTOR));

	@Autowired JdbcClient jdbc;
	@Autowired InspectorPool pool;
	@Autowired RecheckDraws draws;
	@Autowired Rechecks rechecks;
	@Autowired TaskGateway tasks;
	@Autowired TaskService taskService;

	@TempDir
	Path temp;

	@Test
	void closedCasesAndInspectionsAreDrawnOnceWithTheirTasksAndTheDrawVerifies() throws Exception {
		RecheckYear given = new RecheckYear(ThreadLocalRandom.current().nextInt(2001, 2021)).write(jdbc, pool);

		assertThatThrownBy(() -> draws.commit(given.year, INSPECTOR)).isInstanceOf(Refused.class);
		long drawId = draws.commit(given.year, DIRECTOR);
		assertThatThrownBy(() -> draws.commit(given.year, DIRECTOR)).isInstanceOf(Refused.class)
			.hasMessageContaining("已承诺");

		PublishedDraw committed = draws.published(drawId);
		List<String> codes = committed.directory().stream().map(DirectoryEntry::code).toList();
		assertThat(codes).containsAll(given.caseNumbers.stream().map(RecheckCandidates::caseCode).toList())
			.containsAll(given.inspectionIds.stream().map(RecheckCandidates::inspectionCode).toList())
			.doesNotContain(RecheckCandidates.caseCode("3703-" + given.year + "-R" + given.tag + "-" + (RecheckYear.CASES + 1)));
		assertThat(committed.seed()).isNull();
		assertThat(committed.result()).isNull();
		assertThat(RecheckDraws.json(committed)).doesNotContain(RecheckYear.PERSON_ID).doesNotContain("张三");

		List<Long> started = draws.draw(drawId, DIRECTOR);

		PublishedDraw published = draws.published(drawId);
		int n = codes.size();
		int expected = (n * 500 + 9999) / 10000;
		assertThat(published.result().institutions()).hasSize(expected);
		List<RecheckItem> items = rechecks.items(drawId);
		assertThat(items).hasSize(expected).extracting(RecheckItem::id).containsExactlyElementsOf(started);
		assertThat(published.verify().matches()).isTrue();

		// each item has exactly one open re-check task, and drawing or starting again adds none
		for (RecheckItem item : items) {
			assertThat(taskService.createTaskQuery().processInstanceBusinessKey(Rechecks.subject(item.id())).count()).isOne();
			assertThat(item.reviewers()).hasSize(2);
			List<String> handlers = committed.pool().stream()
				.filter(p -> p.conflicts().contains(item.itemCode()))
				.map(p -> p.id())
				.toList();
			assertThat(item.reviewers()).doesNotContainAnyElementsOf(handlers);
		}
		assertThatThrownBy(() -> draws.draw(drawId, DIRECTOR)).isInstanceOf(Refused.class).hasMessageContaining("不能重复抽取");
		assertThat(rechecks.startAll(drawId)).isEmpty();
		for (RecheckItem item : items) {
			assertThat(taskService.createTaskQuery().processInstanceBusinessKey(Rechecks.subject(item.id())).count()).isOne();
		}
		// the recorded handlers of this fixture's items are in conflict with them in the published pool
		String ownCase = RecheckCandidates.caseCode(given.caseNumbers.getFirst());
		assertThat(committed.pool().stream().filter(p -> p.id().equals(given.handlerOfCase(1))).findFirst().orElseThrow()
			.conflicts()).contains(ownCase);

		// fundguard draw verify: the downloaded inputs match, a tampered copy does not
		Path file = temp.resolve("recheck.json");
		Files.writeString(file, RecheckDraws.json(published));
		assertThat(cli(file)).contains("MATCH").doesNotContain("MISMATCH");
		ObjectNode tampered = (ObjectNode) RecheckDraws.JSON.readTree(file.toFile());
		((ArrayNode) tampered.get("directory")).remove(0);
		Path bad = temp.resolve("tampered.json");
		Files.writeString(bad, tampered.toString());
		assertThat(cli(bad)).contains("MISMATCH", "名录快照的哈希");
		assertThat(RecheckDraws.JSON.readValue(bad.toFile(), PublishedDraw.class).verify().matches()).isFalse();

		// an inspector offered the task records the outcome through the task gateway
		RecheckItem first = items.getFirst();
		WorkItem task = tasks.openOf(Rechecks.subject(first.id()), RecheckVariables.KEY).getFirst();
		CurrentUser worker = rechecks.reviewerUsers(first.id()).isEmpty() ? INSPECTOR
				: new CurrentUser(rechecks.reviewerUsers(first.id()).getFirst(), "复查员", Set.of(Role.INSPECTOR));
		assertThatThrownBy(() -> tasks.complete(task.id(), worker, Map.of("recheckOutcome", "CORRECTION")))
			.hasMessageContaining("必须填写复查发现的问题");
		tasks.complete(task.id(), worker, Map.of("recheckOutcome", "CORRECTION", "recheckNote", "认定金额少计"));
		assertThat(rechecks.item(first.id()).status()).isEqualTo("SIGN_OFF");
		WorkItem signOff = tasks.openOf(Rechecks.subject(first.id()), RecheckVariables.KEY).getFirst();
		assertThat(signOff.key()).isEqualTo("Task_SignOffRecheckCorrection");
		tasks.complete(signOff.id(), DIRECTOR, Map.of("signOffOpinion", "同意"));
		RecheckItem done = rechecks.item(first.id());
		assertThat(done.status()).isEqualTo("DONE");
		assertThat(done.outcome()).isEqualTo(RecheckOutcome.CORRECTION);
		assertThat(done.signedOffBy()).isEqualTo("director1");
	}

	@Test
	void aYearWithoutClosedCasesOrInspectionsIsRefusedInChinese() {
		assertThatThrownBy(() -> draws.commit(2000, DIRECTOR)).isInstanceOf(Refused.class).hasMessageContaining("无可复查的对象");
		assertThatThrownBy(() -> draws.commit(2999, DIRECTOR)).isInstanceOf(Refused.class).hasMessageContaining("年度 2999 无效");
	}

	private static String cli(Path file) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DrawCommand.run(new String[] { "verify", file.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}
}
