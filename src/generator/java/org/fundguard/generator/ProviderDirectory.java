package org.fundguard.generator;

import static org.fundguard.generator.Tier.CLINIC;
import static org.fundguard.generator.Tier.H0;
import static org.fundguard.generator.Tier.H1;
import static org.fundguard.generator.Tier.H2;
import static org.fundguard.generator.Tier.H3;
import static org.fundguard.generator.Tier.PHARMACY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The list of designated institutions (定点医药机构名录), sized to the population so that every peer group of the
 * jurisdiction keeps at least six active members (an injected outlier plus five peers, the rules' minimum group).
 */
final class ProviderDirectory {

	/** The bureau's jurisdiction the ground truth assumes: Zibo, by the region-code prefix of the provider. */
	static final String JURISDICTION = "3703";

	static final String HVMC_OUTLIER = "hvmc-outlier";
	static final String GENETIC_OUTLIER = "genetic-test-outlier";
	static final String OUT_OF_AREA_OUTLIER = "out-of-area-outlier";
	static final String ADMISSION_OUTLIER = "admission-rate-outlier";

	final List<Provider> providers;

	private ProviderDirectory(List<Provider> providers) {
		this.providers = List.copyOf(providers);
	}

	static ProviderDirectory build(long seed, int persons) {
		Builder b = new Builder(Seeds.random(seed, Seeds.DIRECTORY, 0));
		b.group(Prefecture.ZIBO, H3, 6 + persons / 60_000);
		b.group(Prefecture.ZIBO, H2, 7 + persons / 30_000);
		b.group(Prefecture.ZIBO, H1, 6 + persons / 25_000);
		b.group(Prefecture.ZIBO, H0, 6 + persons / 40_000);
		b.group(Prefecture.ZIBO, CLINIC, 8 + persons / 6_000);
		b.group(Prefecture.ZIBO, PHARMACY, 8 + persons / 3_000);
		b.group(Prefecture.LINYI, H3, 5 + persons / 80_000);
		b.group(Prefecture.LINYI, H2, 6 + persons / 40_000);
		b.group(Prefecture.LINYI, H1, 5 + persons / 30_000);
		b.group(Prefecture.LINYI, H0, 5 + persons / 50_000);
		b.group(Prefecture.LINYI, CLINIC, 6 + persons / 8_000);
		b.group(Prefecture.LINYI, PHARMACY, 6 + persons / 4_000);
		b.group(Prefecture.BEIJING, H3, 2);
		b.group(Prefecture.SHANGHAI, H3, 2);
		b.group(Prefecture.GUANGZHOU, H3, 1);
		b.group(Prefecture.NANJING, H3, 1);
		// institutions whose agreement is suspended or ended bill nothing in the period: they are in the directory
		// but below any settlement threshold
		b.inactive(Prefecture.ZIBO, H1, "suspended");
		b.inactive(Prefecture.ZIBO, CLINIC, "terminated");
		b.inactive(Prefecture.LINYI, PHARMACY, "terminated");
		b.outlier(H3, GENETIC_OUTLIER);
		b.outlier(H2, HVMC_OUTLIER);
		b.outlier(H1, OUT_OF_AREA_OUTLIER);
		b.outlier(H0, ADMISSION_OUTLIER);
		return new ProviderDirectory(b.all);
	}

	List<Provider> outliers() {
		return providers.stream().filter(p -> p.outlierRule != null).toList();
	}

	private static final class Builder {

		private final SplittableRandom rng;
		private final ProviderNames names;
		private final List<Provider> all = new ArrayList<>();
		private final Map<Tier, List<Provider>> zibo = new EnumMap<>(Tier.class);
		private final Map<String, Integer> nextSequence = new java.util.HashMap<>();

		Builder(SplittableRandom rng) {
			this.rng = rng;
			this.names = new ProviderNames(rng);
		}

		void group(Prefecture prefecture, Tier tier, int count) {
			// targets evenly spread over narrow ranges, shuffled: a smooth distribution without a natural outlier
			double[] volume = spread(count, 0.7, 1.3);
			double[] admission = spread(count, 0.5, 1.5);
			double[] outOfArea = spread(count, 0.5, 1.5);
			double[] genetic = switch (tier) {
				case H3 -> spread(count, 0.015, 0.045);
				case H2 -> spread(count, 0.006, 0.020);
				default -> new double[count];
			};
			double[] hvmc = switch (tier) {
				case H3 -> spread(count, 35_000, 85_000);
				case H2 -> spread(count, 10_000, 30_000);
				default -> new double[count];
			};
			for (int i = 0; i < count; i++) {
				Provider p = add(prefecture, tier, "active");
				p.volume = volume[i];
				p.inpatientWeight = tier.hospital() ? admission[i] : 0;
				p.outOfAreaWeight = outOfArea[i];
				p.geneticShare = genetic[i];
				p.hvmcPerInpatient = Math.round(hvmc[i]);
				p.dialysis = tier == H3 || tier == H2;
				p.pci = tier == H3 || tier == H2;
				p.hip = tier == H3;
				if (prefecture == Prefecture.ZIBO) {
					zibo.computeIfAbsent(tier, t -> new ArrayList<>()).add(p);
				}
			}
		}

		void inactive(Prefecture prefecture, Tier tier, String status) {
			add(prefecture, tier, status);
		}

		void outlier(Tier tier, String rule) {
			List<Provider> candidates = zibo.get(tier).stream().filter(p -> p.outlierRule == null).toList();
			Provider p = candidates.get(rng.nextInt(candidates.size()));
			p.outlierRule = rule;
			switch (rule) {
				case GENETIC_OUTLIER -> p.geneticShare = 0.25;
				case HVMC_OUTLIER -> p.hvmcPerInpatient = 150_000;
				case OUT_OF_AREA_OUTLIER -> p.outOfAreaWeight = 9;
				case ADMISSION_OUTLIER -> p.inpatientWeight = 6;
				default -> throw new IllegalArgumentException(rule);
			}
		}

		private Provider add(Prefecture prefecture, Tier tier, String status) {
			Prefecture.District district = prefecture.districts.get(rng.nextInt(prefecture.districts.size()));
			int sequence = nextSequence.merge(district.code(), 1 + rng.nextInt(25), Integer::sum);
			char letter = tier == PHARMACY ? 'P' : 'H';
			String code = letter + district.code() + String.format("%05d", sequence);
			int start = (int) LocalDate.of(2005, 1, 1).toEpochDay() + rng.nextInt(17 * 365);
			Provider p = new Provider(all.size(), code, names.name(tier, prefecture, district), tier, prefecture, district,
					status, start);
			all.add(p);
			return p;
		}

		private double[] spread(int n, double lo, double hi) {
			double[] v = new double[n];
			for (int i = 0; i < n; i++) {
				v[i] = n == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (n - 1);
			}
			for (int i = n - 1; i > 0; i--) {
				int j = rng.nextInt(i + 1);
				double t = v[i];
				v[i] = v[j];
				v[j] = t;
			}
			return v;
		}
	}
}
