package org.fundguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * With several nodes, every scheduled job is a decision (issue 21): it takes a ShedLock row and runs once across the
 * nodes, or it is work of each node on its own and named here, with the reason in its own comment. A new
 * {@code @Scheduled} method that is neither fails here until someone decides.
 */
class ScheduledWorkTest {

	/** Per node: each node's own in-memory state, or work made once by the database itself (README, 多节点部署). */
	private static final Set<String> PER_NODE = Set.of(
			"org.fundguard.checks.CheckCounts.flush", // its own counters, added to the table
			"org.fundguard.checks.CheckSnapshots.poll", // its own snapshot of the claims indices
			"org.fundguard.reports.ReportProcessStarter.startPending"); // once per report by its conditional claim

	@Test
	void everyScheduledJobIsLockedOrDeclaredPerNode() {
		Set<String> undecided = new TreeSet<>();
		Set<String> locked = new TreeSet<>();
		Set<String> perNode = new TreeSet<>();
		for (var type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.fundguard")) {
			for (JavaMethod m : type.getMethods()) {
				if (!m.isAnnotatedWith(Scheduled.class)) {
					continue;
				}
				String name = type.getName() + "." + m.getName();
				if (m.isAnnotatedWith(SchedulerLock.class)) {
					locked.add(name);
					assertThat(PER_NODE).as("%s is locked and declared per node", name).doesNotContain(name);
				}
				else if (PER_NODE.contains(name)) {
					perNode.add(name);
				}
				else {
					undecided.add(name);
				}
			}
		}
		assertThat(undecided).as("scheduled jobs neither locked nor declared per node").isEmpty();
		assertThat(perNode).as("the per-node list names only jobs that exist").isEqualTo(PER_NODE);
		assertThat(locked).contains("org.fundguard.rules.RulesSchedule.runCatalogue", "org.fundguard.record.DailyRoots.nightly",
				"org.fundguard.reports.Retention.nightly",
				"org.fundguard.dashboard.MonthlyReportSchedule.previousMonth");
	}

	/**
	 * A command ({@code fundguard load}, {@code rules}) runs with the profile {@code command} and must schedule nothing:
	 * that holds only while scheduling is switched on in one class that the profile leaves out.
	 */
	@Test
	void schedulingIsSwitchedOnOnceAndNotInCommands() {
		Set<String> enabling = new TreeSet<>();
		for (var type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.fundguard")) {
			if (type.isAnnotatedWith(EnableScheduling.class)) {
				enabling.add(type.getName());
				assertThat(type.getAnnotationOfType(Profile.class).value()).as("%s's profiles", type.getName())
					.containsExactly("!command");
			}
		}
		assertThat(enabling).containsExactly("org.fundguard.process.scheduling.OnceAcrossNodes");
	}

	/** Nor does a command read the checks' snapshot (every person and inpatient settlement) into its heap at start. */
	@Test
	void theChecksSnapshotIsNotReadInCommands() throws ClassNotFoundException {
		Profile profile = Class.forName("org.fundguard.checks.CheckSnapshotsAtStart").getAnnotation(Profile.class);
		assertThat(profile.value()).containsExactly("!command");
	}
}
