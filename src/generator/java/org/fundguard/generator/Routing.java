package org.fundguard.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends each visit to a provider of the chosen peer group. Instead of drawing the provider at random, it uses
 * stride scheduling per cell (inpatient or not, insured here or elsewhere): the provider with the lowest
 * (visits so far + 1) / weight gets the visit. Each provider's count in each cell then stays within one visit of
 * its weighted share at all times, so its admission share and out-of-area share come out as designed instead of
 * wandering with binomial noise, which at demo sizes would make accidental robust-z outliers.
 */
final class Routing {

	private static final int CELLS = 4;

	/** [prefecture][tier] */
	private final Group[][] groups;

	Routing(ProviderDirectory directory) {
		groups = new Group[Prefecture.values().length][Tier.values().length];
		for (Provider p : directory.providers) {
			if (p.routable()) {
				Group g = groups[p.prefecture.ordinal()][p.tier.ordinal()];
				if (g == null) {
					g = groups[p.prefecture.ordinal()][p.tier.ordinal()] = new Group();
				}
				g.members.add(p);
			}
		}
		for (Group[] row : groups) {
			for (Group g : row) {
				if (g != null) {
					g.freeze();
				}
			}
		}
	}

	/** The provider of the group that is furthest behind its share of this kind of visit, never {@code avoid}. */
	Provider route(Prefecture where, Tier tier, boolean inpatient, boolean outOfArea, Provider avoid) {
		Group g = groups[where.ordinal()][tier.ordinal()];
		if (g == null) {
			return null;
		}
		int cell = cell(inpatient, outOfArea);
		int best = -1;
		double bestKey = Double.MAX_VALUE;
		for (int i = 0; i < g.size; i++) {
			double w = g.weight[i][cell];
			if (w <= 0 || g.providers[i] == avoid) {
				continue;
			}
			double key = (g.count[i][cell] + 1) / w;
			if (key < bestKey) {
				bestKey = key;
				best = i;
			}
		}
		if (best < 0) {
			return null;
		}
		g.count[best][cell]++;
		return g.providers[best];
	}

	/** Counts a visit whose provider was fixed by the story (a readmission to the same hospital). */
	void count(Provider p, boolean inpatient, boolean outOfArea) {
		Group g = groups[p.prefecture.ordinal()][p.tier.ordinal()];
		for (int i = 0; i < g.size; i++) {
			if (g.providers[i] == p) {
				g.count[i][cell(inpatient, outOfArea)]++;
				return;
			}
		}
		throw new IllegalStateException("not routable: " + p.code);
	}

	private static int cell(boolean inpatient, boolean outOfArea) {
		return (inpatient ? 2 : 0) + (outOfArea ? 1 : 0);
	}

	private static final class Group {

		final List<Provider> members = new ArrayList<>();
		Provider[] providers;
		double[][] weight;
		long[][] count;
		int size;

		void freeze() {
			size = members.size();
			providers = members.toArray(Provider[]::new);
			weight = new double[size][CELLS];
			count = new long[size][CELLS];
			for (int i = 0; i < size; i++) {
				Provider p = providers[i];
				for (int c = 0; c < CELLS; c++) {
					boolean inpatient = c >= 2;
					boolean outOfArea = (c & 1) == 1;
					weight[i][c] = p.volume * (inpatient ? p.inpatientWeight : 1) * (outOfArea ? p.outOfAreaWeight : 1);
				}
			}
		}
	}
}
