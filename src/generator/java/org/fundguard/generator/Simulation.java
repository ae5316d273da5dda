package org.fundguard.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * One pass over the population: person by person, plan the care, route it, and (when billing) bill it, pay it
 * and hand everything to the sink. Memory holds one person's plan at a time plus accumulators per provider and per
 * fund-month, so it does not grow with --persons.
 * <p>
 * The generator runs three passes over the same seeds. PLAN only plans and routes, which fixes every provider's
 * volumes; BILL without files measures the funds' monthly expenditure; BILL with the files writes. Billing
 * decisions never change planning or routing, so all passes see the same persons, visits and providers.
 */
final class Simulation {

	enum Mode {
		PLAN, BILL
	}

	record Pass(ProviderTally tally, FundBook book, Injections injections, KnowledgeBaseInjections knowledgeBase,
			long persons, long settlements, long lines) {
	}

	private final GeneratorOptions options;
	private final ExportPeriod period;
	private final ProviderDirectory directory;
	private final PrintStream progress;

	Simulation(GeneratorOptions options, ExportPeriod period, ProviderDirectory directory, PrintStream progress) {
		this.options = options;
		this.period = period;
		this.directory = directory;
		this.progress = progress;
	}

	Pass run(Mode mode, ProviderTally planned, FundSteering steering, ExportSink sink)
			throws IOException {
		long seed = options.seed();
		Injections injections = new Injections();
		Population population = new Population(seed, options.persons(), period, injections);
		population.craft(new KnowledgeBaseEdgeCases(period, directory).cases());
		CarePlanner planner = new CarePlanner(period, new Routing(directory), injections);
		ProviderTally tally = new ProviderTally(directory.providers.size());
		FundBook book = new FundBook(period.months);
		ProcedurePlans plans = mode == Mode.BILL ? new ProcedurePlans(directory.providers, planned) : null;
		InpatientBilling inpatient = new InpatientBilling(plans, injections);
		OutpatientBilling outpatient = new OutpatientBilling(plans);
		LineInjections lineInjections = new LineInjections(injections);
		KnowledgeBaseInjections knowledgeBase = new KnowledgeBaseInjections();
		long settlements = 0;
		long lines = 0;
		long persons = 0;
		int previousVisits = 0;
		long step = Math.max(1, options.persons() / 10);
		for (Person p; (p = population.next()) != null;) {
			CarePlanner.CarePlan plan = p.craftedPlan;
			if (plan == null) {
				plan = planner.plan(p, Seeds.random(seed, Seeds.CARE, p.index));
				knowledgeBase.plan(p, plan.visits(), period);
			}
			sink.person(p);
			for (Visit v : plan.visits()) {
				v.settlementId = settlementId(v.provider, ++settlements);
				if (mode == Mode.PLAN) {
					tally.count(v, null);
					continue;
				}
				Claim c = new Claim(p, v, Seeds.random(seed, Seeds.CONTENT, settlements));
				int settleSecond = v.inpatient() ? c.time(9, 17) : v.type == Visit.MedType.PHARMACY ? c.time(8, 22)
						: c.time(9, 18);
				if (v.inpatient()) {
					inpatient.bill(c);
				}
				else {
					outpatient.bill(c, settleSecond);
				}
				lineInjections.apply(c);
				SettlementCheck.verify(c);
				knowledgeBase.lines(c, Seeds.random(seed, Seeds.KNOWLEDGE_BASE, settlements));
				tally.count(v, c.bill);
				long total = c.bill.total();
				int month = period.month(v.end);
				long paid = steering.apply(p.fund(), month, Reimbursement.fundShare(p, v, total), total);
				book.add(p.fund(), month, paid);
				lines += c.bill.lines.size();
				sink.settlement(c, paid, settleSecond, doctor(c));
				for (Claim.Truth t : c.truths) {
					sink.truth(t.rule(), t.key(), t.detail());
				}
				if (sink != ExportSink.NONE) {
					KnowledgeBaseTruths.settlement(c, period, sink);
				}
			}
			PersonTruths.emit(p, plan, previousVisits, period, sink);
			if (sink != ExportSink.NONE) {
				KnowledgeBaseTruths.person(p, plan.visits(), period, sink);
			}
			previousVisits = plan.visits().size();
			if (++persons % step == 0 && progress != null) {
				progress.print(" " + persons * 100 / options.persons() + "%");
			}
		}
		if (progress != null) {
			progress.println();
		}
		return new Pass(tally, book, injections, knowledgeBase, persons, settlements, lines);
	}

	private static String settlementId(Provider provider, long serial) {
		String digits = Long.toString(serial);
		StringBuilder sb = new StringBuilder(18).append(provider.medicalRegion());
		for (int i = digits.length(); i < 12; i++) {
			sb.append('0');
		}
		return sb.append(digits).toString();
	}

	/** The physician's code, stable per provider and department; pharmacies record none. */
	private static String doctor(Claim c) {
		Visit v = c.visit;
		if (v.type == Visit.MedType.PHARMACY) {
			return null;
		}
		SplittableRandom r = c.rng;
		int n = Math.floorMod(v.provider.index * 131 + v.diag.department.hashCode(), 997) * 100 + r.nextInt(4);
		return "D" + v.provider.region() + String.format("%05d", n);
	}
}
