package org.fundguard.reports;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;

import org.fundguard.documents.DocumentType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What a bureau sets for whistleblower reports (监督举报): deadlines, the reward table, and the portal's limits.
 * Defaults follow NHSA Decree 5 (2022) and the 举报奖励办法; regions change them here, never in code.
 *
 * @param acceptanceWorkingDays the acceptance decision (受理决定) is due this many working days after receipt
 * @param caseNoticeWorkingDays a real-name reporter hears within this many working days whether a case was filed
 * @param handlingWorkingDays the handling (办理) of an accepted report is due this many working days after acceptance
 * @param claimWindow an approved reward lapses when it is not claimed within this period
 */
@ConfigurationProperties("fundguard.reports")
public record ReportsProperties(Integer acceptanceWorkingDays, Integer caseNoticeWorkingDays,
		Integer handlingWorkingDays, Period claimWindow, Reward reward, Receipt receipt, Evidence evidence,
		Portal portal) {

	public ReportsProperties {
		acceptanceWorkingDays = acceptanceWorkingDays == null ? 15 : acceptanceWorkingDays;
		caseNoticeWorkingDays = caseNoticeWorkingDays == null ? 5 : caseNoticeWorkingDays;
		handlingWorkingDays = handlingWorkingDays == null ? 60 : handlingWorkingDays;
		claimWindow = claimWindow == null ? Period.ofMonths(2) : claimWindow;
		reward = reward == null ? new Reward(null, null, null) : reward;
		receipt = receipt == null ? new Receipt(null, null) : receipt;
		evidence = evidence == null ? new Evidence(null, null, null) : evidence;
		portal = portal == null ? new Portal(null, null, null, null, null) : portal;
	}

	/** Defaults everywhere: for tests and tools that build the module without Spring. */
	public static ReportsProperties defaults() {
		return new ReportsProperties(null, null, null, null, null, null, null, null);
	}

	/**
	 * The reward table: rates by bands of the verified loss, applied marginally (each rate to the part of the loss
	 * inside its band, like a tax table), then clamped.
	 *
	 * @param tiers bands in ascending order; the last has no upper bound
	 */
	public record Reward(List<Tier> tiers, BigDecimal minimum, BigDecimal maximum) {

		public Reward {
			tiers = tiers == null || tiers.isEmpty() ? List.of(new Tier(new BigDecimal("100000"), new BigDecimal("0.02")),
					new Tier(new BigDecimal("1000000"), new BigDecimal("0.015")), new Tier(null, new BigDecimal("0.01")))
					: List.copyOf(tiers);
			minimum = minimum == null ? new BigDecimal("200") : minimum;
			maximum = maximum == null ? new BigDecimal("200000") : maximum;
		}
	}

	/** @param upTo the band's upper bound in yuan, inclusive; null for the last band */
	public record Tier(BigDecimal upTo, BigDecimal rate) {
	}

	/**
	 * @param key HMAC key under which receipt codes are hashed; empty = a key file made once in the data folder
	 * @param length characters of a receipt code (5 bits each; at least 16)
	 */
	public record Receipt(String key, Integer length) {

		public Receipt {
			key = key == null ? "" : key;
			length = length == null ? 20 : length;
			if (length < 16) {
				throw new IllegalArgumentException("fundguard.reports.receipt.length: receipt codes have at least 16 characters");
			}
		}
	}

	/** Evidence files of one report: checked by content, never by the name the browser sends. */
	public record Evidence(DataSize maxFileSize, Integer maxFiles, List<DocumentType> allowedTypes) {

		public Evidence {
			maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
			maxFiles = maxFiles == null ? 5 : maxFiles;
			allowedTypes = allowedTypes == null || allowedTypes.isEmpty()
					? List.of(DocumentType.JPEG, DocumentType.PNG, DocumentType.PDF, DocumentType.TEXT)
					: List.copyOf(allowedTypes);
		}
	}

	/**
	 * @param maxRequestSize the largest request body the portal accepts (the whole form with its files)
	 * @param proofOfWorkBits leading zero bits the browser's hashcash stamp needs (each bit doubles its work)
	 * @param challengeValidity how long a form's proof-of-work challenge may be used
	 */
	public record Portal(DataSize maxRequestSize, RateLimit rateLimit, Integer proofOfWorkBits,
			Duration challengeValidity, Bulkhead bulkhead) {

		public Portal {
			bulkhead = bulkhead == null ? new Bulkhead(null, null, null) : bulkhead;
			maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(55) : maxRequestSize;
			rateLimit = rateLimit == null ? new RateLimit(null, null, null, null) : rateLimit;
			proofOfWorkBits = proofOfWorkBits == null ? 16 : proofOfWorkBits;
			challengeValidity = challengeValidity == null ? Duration.ofMinutes(60) : challengeValidity;
		}
	}

	/**
	 * Per-client limits, kept in memory only, under a key that changes every window.
	 *
	 * @param submissions reports one client may submit per window
	 * @param lookups receipt codes one client may enter per window (right or wrong)
	 */
	public record RateLimit(Boolean enabled, Duration window, Integer submissions, Integer lookups) {

		public RateLimit {
			enabled = enabled == null || enabled;
			window = window == null ? Duration.ofMinutes(10) : window;
			submissions = submissions == null ? 5 : submissions;
			lookups = lookups == null ? 20 : lookups;
		}
	}

	/**
	 * How many portal requests are worked on at once (default: four per processor), how many may wait for their
	 * turn, and how long; see {@code PortalBulkhead}.
	 */
	public record Bulkhead(Integer concurrentRequests, Integer maxWaiting, Duration maxWait) {

		public Bulkhead {
			concurrentRequests = concurrentRequests == null || concurrentRequests <= 0
					? 4 * Runtime.getRuntime().availableProcessors() : concurrentRequests;
			maxWaiting = maxWaiting == null ? 100 : maxWaiting;
			maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
		}
	}
}
