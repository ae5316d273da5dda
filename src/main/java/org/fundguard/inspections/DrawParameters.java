package org.fundguard.inspections;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.fundguard.errors.Refused;

/**
 * The plan's settings that decide a draw, frozen into the commitment: changing any of them after the commitment
 * changes the commitment hash, so a published draw cannot quietly use other ones.
 *
 * @param sampleCount the number of institutions to draw, or null when the sample is a ratio
 * @param sampleRatioBasisPoints the share to draw in basis points (1000 = 10%), or null when it is a count; the
 *     sample is then ⌈N × bp ÷ 10000⌉ of the N institutions in the frozen directory
 * @param stratifyBy none, or the directory field whose values form strata
 * @param riskWeighted whether institutions are drawn with their risk weight instead of weight 1
 * @param inspectorsPerInstitution team size (at least 2, Art. 29 of the regulations)
 * @param recuseSameRegion whether an inspector is also never drawn for an institution in the region of his or her unit
 * @param recuseSameCity cross-city joint inspection (跨市交叉互查): an inspector is never drawn for an institution of the
 *     city of his or her unit (city = the first 4 digits of the region code), and an inspector whose city is unknown
 *     is never drawn at all
 */
public record DrawParameters(Integer sampleCount, Integer sampleRatioBasisPoints, Stratification stratifyBy,
		boolean riskWeighted, int inspectorsPerInstitution, boolean recuseSameRegion, boolean recuseSameCity) {

	/** Parameters of a draw within one city bureau, without the cross-city recusal. */
	public DrawParameters(Integer sampleCount, Integer sampleRatioBasisPoints, Stratification stratifyBy,
			boolean riskWeighted, int inspectorsPerInstitution, boolean recuseSameRegion) {
		this(sampleCount, sampleRatioBasisPoints, stratifyBy, riskWeighted, inspectorsPerInstitution, recuseSameRegion, false);
	}

	public DrawParameters {
		if ((sampleCount == null) == (sampleRatioBasisPoints == null)) {
			throw Refused.because("inspections.draw.count-or-ratio");
		}
		if (sampleCount != null && sampleCount < 1) {
			throw Refused.because("inspections.draw.count-too-small");
		}
		if (sampleRatioBasisPoints != null && (sampleRatioBasisPoints < 1 || sampleRatioBasisPoints > 10000)) {
			throw Refused.because("inspections.draw.bad-ratio");
		}
		if (inspectorsPerInstitution < 2) {
			throw Refused.because("inspections.draw.team-too-small");
		}
		stratifyBy = stratifyBy == null ? Stratification.NONE : stratifyBy;
	}

	/** How many of {@code directorySize} institutions are drawn. */
	public int sampleSize(int directorySize) {
		if (sampleCount != null) {
			return Math.min(sampleCount, directorySize);
		}
		return (int) ((directorySize * (long) sampleRatioBasisPoints + 9999) / 10000);
	}

	/**
	 * The canonical line that goes into the commitment, e.g.
	 * {@code sample=ratio:1000;stratify=type;weighted=1;team=2;recuse-region=1}, with {@code ;recuse=city} appended for a
	 * cross-city draw only, so that every draw committed before the cross-city mode existed keeps its line and hash.
	 */
	public String canonical() {
		return "sample=" + (sampleCount != null ? "count:" + sampleCount : "ratio:" + sampleRatioBasisPoints)
				+ ";stratify=" + stratifyBy.id() + ";weighted=" + (riskWeighted ? 1 : 0) + ";team="
				+ inspectorsPerInstitution + ";recuse-region=" + (recuseSameRegion ? 1 : 0)
				+ (recuseSameCity ? ";recuse=city" : "");
	}

	/** The city of a region code: its first 4 digits (370303 → 3703); "" when the code is shorter. */
	public static String cityOf(String regionCode) {
		return regionCode == null || regionCode.length() < 4 ? "" : regionCode.substring(0, 4);
	}

	/** Strata of a stratified draw (分层抽取). */
	public enum Stratification {
		NONE("不分层"), TYPE("按机构类型"), LEVEL("按医院等级"), REGION("按区划");

		private final String label;

		Stratification(String label) {
			this.label = label;
		}

		@JsonValue
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		public String label() {
			return label;
		}

		@JsonCreator
		public static Stratification ofId(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT));
		}

		/** The stratum of an institution; "*" when the draw is not stratified, "-" for an empty value. */
		String stratumOf(DirectoryEntry e) {
			String value = switch (this) {
				case NONE -> "*";
				case TYPE -> e.type();
				case LEVEL -> e.level();
				case REGION -> e.region();
			};
			return value == null || value.isEmpty() ? "-" : value;
		}
	}
}
