package org.fundguard.generator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The law-enforcement inspector pool (执法检查人员名录库) of the Zibo bureau and its district branches, plus a
 * few Linyi colleagues: certificate numbers, some inactive, some with declared conflicts of interest (回避) with
 * institutions of their own district. Independent of the population size.
 */
final class InspectorPool {

	private record Unit(String name, String region, int size) {
	}

	private static final Unit[] UNITS = { new Unit("淄博市医疗保障局基金监管科", "370300", 6),
			new Unit("淄博市医疗保障服务中心稽核科", "370300", 4), new Unit("张店区医疗保障分局", "370303", 4),
			new Unit("淄川区医疗保障分局", "370302", 3), new Unit("博山区医疗保障分局", "370304", 3),
			new Unit("临淄区医疗保障分局", "370305", 3), new Unit("周村区医疗保障分局", "370306", 3),
			new Unit("桓台县医疗保障局", "370321", 3), new Unit("高青县医疗保障局", "370322", 2),
			new Unit("沂源县医疗保障局", "370323", 2), new Unit("临沂市医疗保障局基金监管科", "371300", 4),
			new Unit("兰山区医疗保障局", "371302", 2) };

	private InspectorPool() {
	}

	static long write(CsvFile f, ProviderDirectory directory, long seed) throws IOException {
		SplittableRandom rng = Seeds.random(seed, Seeds.INSPECTORS, 0);
		long serial = 0;
		for (Unit unit : UNITS) {
			String scope = unit.region.endsWith("00") ? unit.region.substring(0, 4) : unit.region;
			List<Provider> local = new ArrayList<>();
			for (Provider p : directory.providers) {
				if (p.region().startsWith(scope)) {
					local.add(p);
				}
			}
			for (int i = 1; i <= unit.size; i++) {
				serial++;
				String id = "JC" + unit.region + String.format("%03d", serial);
				String certificate = String.format("%s%02d%05d", unit.region, 18 + rng.nextInt(7), 100 + serial * 7);
				String conflicts = null;
				if (!local.isEmpty() && rng.nextDouble() < 0.15) {
					Provider a = local.get(rng.nextInt(local.size()));
					Provider b = local.get(rng.nextInt(local.size()));
					conflicts = a == b || rng.nextBoolean() ? a.code : a.code + ";" + b.code;
				}
				f.add(id).add(ChineseNames.name(1 + rng.nextInt(2), rng)).add(unit.name).add(unit.region).add(certificate)
					.add(rng.nextDouble() < 0.9 ? "1" : "0").add(conflicts)
					.end();
			}
		}
		return f.dataRows();
	}
}
