package org.fundguard;

import java.util.Arrays;

import org.fundguard.cases.RecordCommand;
import org.fundguard.claims.LoadCommand;
import org.fundguard.rules.RulesCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * FundGuard 医保基金监管平台: claims monitoring, audit cases and enforcement for a healthcare security bureau.
 * Without arguments it is the web application; with a command ({@code load}, {@code rules}, {@code draw}, {@code record},
 * {@code keys}, {@code otp}) it does that
 * one job and exits, which is how the launcher's commands run. The demo-data generator is not part of this jar: it is
 * its own source set ({@code src/generator/java}), packaged as {@code target/fundguard-generator.jar}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "FundGuard", sharedModules = { "calendar", "database", "documents", "elastic", "errors", "identity",
		"process", "record", "sealing" })
public class FundGuardApplication {

	public static void main(String[] args) {
		if (args.length > 0 && !args[0].startsWith("-")) {
			System.exit(command(args[0], Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(FundGuardApplication.class, args);
	}

	private static int command(String name, String[] args) {
		return switch (name) {
			case "load" -> {
				try (ConfigurableApplicationContext context = commandContext()) {
					yield context.getBean(LoadCommand.class).run(args, System.out);
				}
			}
			case "rules" -> {
				try (ConfigurableApplicationContext context = commandContext()) {
					yield context.getBean(RulesCommand.class).run(args, System.out);
				}
			}
			// re-runs a published draw from its JSON alone: no database, no services
			case "draw" -> org.fundguard.inspections.DrawCommand.run(args, System.out);
			// an inclusion proof is checked from its file alone, like a draw
			case "record" -> {
				if (org.fundguard.record.RootProofCommand.handles(args)) {
					yield org.fundguard.record.RootProofCommand.run(args, System.out);
				}
				try (ConfigurableApplicationContext context = commandContext()) {
					yield context.getBean(RecordCommand.class).run(args, System.out);
				}
			}
			// a demo user's current two-factor code, from the realm file alone
			case "otp" -> org.fundguard.identity.DemoOtpCommand.run(args, System.out);
			case "keys" -> {
				try (ConfigurableApplicationContext context = commandContext()) {
					yield context.getBean(org.fundguard.sealing.KeysCommand.class).run(args, System.out);
				}
			}
			default -> {
				System.err.println("未知命令 / unknown command: " + name + " (load, rules, draw, record, keys, otp)");
				yield 2;
			}
		};
	}

	private static ConfigurableApplicationContext commandContext() {
		return commandApplication().run();
	}

	/**
	 * The application without its web server, job executor or scheduled work: a command must not serve, run processes
	 * or do the nodes' periodic jobs.
	 */
	static SpringApplicationBuilder commandApplication() {
		return new SpringApplicationBuilder(FundGuardApplication.class).web(WebApplicationType.NONE)
			.profiles("command") // nothing is scheduled in it (process.scheduling.OnceAcrossNodes)
			.properties("camunda.bpm.job-execution.enabled=false", "spring.main.banner-mode=off",
					"spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
							+ "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
					"logging.level.root=WARN", "logging.level.org.fundguard=WARN");
	}
}
