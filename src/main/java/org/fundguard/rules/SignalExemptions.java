package org.fundguard.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signals found void (an appeal upheld): the next rule run that raises the same signal over the same evidence writes
 * it suppressed, counted as suppressed, so a void signal stays void. "Same evidence" is the signal's id (rule, subject,
 * window) and a hash of the fee lines and settlements it names: when the institution bills another line, the rule
 * raises the signal again, because the appeal was decided over other evidence. Unlike {@link Exemptions} (a subject
 * exempted from a rule for a while), this never expires.
 */
@Repository
public class SignalExemptions {

	private final JdbcClient jdbc;
	private final Clock clock;

	SignalExemptions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The evidence key of a signal: SHA-256 over its sorted line references and settlement ids. */
	public static String evidenceKey(List<String> lineRefs, List<String> settlementIds) {
		String text = String.join(",", new TreeSet<>(lineRefs)) + "|" + String.join(",", new TreeSet<>(settlementIds));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The evidence key of a signal as other modules read it. */
	public static String evidenceKey(Signal signal) {
		return evidenceKey(signal.lineRefs(), signal.settlementIds());
	}

	/** Exempts the signal over this evidence from later runs; a second call for the same pair changes nothing. */
	public void exempt(String signalId, String evidenceKey, String reason, String who) {
		if (isExempt(signalId, evidenceKey)) {
			return;
		}
		jdbc.sql("""
				insert into signal_exemption (signal_id, evidence_key, reason, created_by, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(signalId, evidenceKey, reason, who, OffsetDateTime.now(clock))
			.update();
	}

	public boolean isExempt(String signalId, String evidenceKey) {
		return jdbc.sql("select count(*) from signal_exemption where signal_id = ? and evidence_key = ?")
			.params(signalId, evidenceKey)
			.query(Long.class)
			.single() > 0;
	}

	/** Every exemption as "signal id#evidence key", read once per run. */
	Set<String> all() {
		return new HashSet<>(jdbc.sql("select signal_id, evidence_key from signal_exemption")
			.query((rs, n) -> key(rs.getString(1), rs.getString(2)))
			.list());
	}

	static String key(String signalId, String evidenceKey) {
		return signalId + "#" + evidenceKey;
	}
}
