package org.fundguard.rechecks;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.calendar.Deadlines;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.inspections.Canonical;
import org.fundguard.inspections.DirectoryEntry;
import org.fundguard.inspections.Draw;
import org.fundguard.inspections.DrawParameters;
import org.fundguard.inspections.DrawResult;
import org.fundguard.inspections.DrawStopped;
import org.fundguard.inspections.PoolEntry;
import org.fundguard.inspections.PublishedDraw;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commit, then draw: the yearly re-check draw with the random inspections' verifiable scheme (format
 * {@value Canonical#FORMAT}, {@link Draw}). {@link #commit} freezes the year's candidates and the inspectors, makes a
 * secret seed with a CSPRNG and stores the commitment, public at once; {@link #draw} runs the draw, stores the items
 * with their reviewers, reveals the seed and starts one re-check per item, all in one transaction.
 */
@Service
public class RecheckDraws {

	private static final SecureRandom RANDOM = new SecureRandom();
	static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
	private static final String COLUMNS = """
			id, draw_year, status, parameters, seed_hash, directory_hash, pool_hash, commitment, committed_by, committed_at,
			drawn_at""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final RecheckCandidates candidates;
	private final RechecksProperties properties;
	private final Rechecks rechecks;

	RecheckDraws(JdbcClient jdbc, Clock clock, RecheckCandidates candidates, RechecksProperties properties,
			Rechecks rechecks) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.candidates = candidates;
		this.properties = properties;
		this.rechecks = rechecks;
	}

	DrawParameters parameters() {
		return new DrawParameters(properties.sampleCount(), properties.sampleCount() == null ? properties.sampleRatioBasisPoints()
				: null, DrawParameters.Stratification.TYPE, false, properties.reviewersPerItem(), false);
	}

	/** Freezes the year's closed cases, recorded inspections and inspectors and publishes the commitment of a seed. */
	@Transactional
	public long commit(int year, CurrentUser user) {
		if (!user.has(Role.DIRECTOR)) {
			throw Refused.forbidden("rechecks.draw.director-only");
		}
		// the year turns in Beijing, not at the server's midnight
		int thisYear = LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE)).getYear();
		if (year < 2000 || year > thisYear) {
			throw Refused.because("rechecks.draw.bad-year", year);
		}
		if (current(year).filter(d -> !d.drawn()).isPresent()) {
			throw Refused.conflict("rechecks.draw.already-committed", year);
		}
		RecheckCandidates.Frozen frozen = candidates.freeze(year);
		if (frozen.directory().isEmpty()) {
			throw Refused.because("rechecks.draw.nothing-to-draw", year);
		}
		DrawParameters parameters = parameters();
		byte[] seedBytes = new byte[32];
		RANDOM.nextBytes(seedBytes);
		String seed = HexFormat.of().formatHex(seedBytes);
		String seedHash = Canonical.seedHash(seed);
		String directoryHash = Canonical.directoryHash(frozen.directory());
		String poolHash = Canonical.poolHash(frozen.pool());
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into recheck_draw (draw_year, status, parameters, seed, seed_hash, directory_hash, pool_hash,
					commitment, directory_snapshot, pool_snapshot, committed_by, committed_at, open_year)
					values (?, 'COMMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(year, json(parameters), seed, seedHash, directoryHash, poolHash,
						Canonical.commitment(parameters, seedHash, directoryHash, poolHash), json(frozen.directory()),
						json(frozen.pool()), user.username(), now(), year)
				.update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw Refused.conflict("rechecks.draw.already-committed", year);
		}
		return keys.getKey().longValue();
	}

	/**
	 * Draws from the committed inputs, stores the items and starts their re-checks. A draw that cannot be made (too few
	 * inspectors left after recusal) stores nothing and stays committed.
	 */
	@Transactional
	public List<Long> draw(long drawId, CurrentUser user) {
		if (!user.has(Role.DIRECTOR)) {
			throw Refused.forbidden("rechecks.draw.director-only");
		}
		RecheckDraw draw = get(drawId);
		if (draw.drawn()) {
			throw Refused.conflict("rechecks.draw.already-drawn", draw.year());
		}
		int claimed = jdbc.sql("update recheck_draw set status = 'DRAWING' where id = ? and status = 'COMMITTED'")
			.param(drawId)
			.update();
		if (claimed == 0) {
			throw Refused.conflict("rechecks.draw.already-drawn", draw.year());
		}
		PublishedDraw inputs = inputsOf(drawId, draw, false);
		DrawResult result;
		try {
			result = Draw.run(seedOf(drawId), inputs.parameters(), inputs.directory(), inputs.pool());
		}
		catch (DrawStopped stopped) {
			// the transaction rolls back: the commitment stays, nothing of the draw is kept
			throw Refused.conflict("rechecks.draw.not-enough-inspectors");
		}
		var due = rechecks.dueFromNow();
		for (DrawResult.Drawn d : result.institutions()) {
			DirectoryEntry entry = inputs.directory().stream().filter(e -> e.code().equals(d.code())).findFirst().orElseThrow();
			boolean isCase = d.code().startsWith("CASE-");
			rechecks.add(drawId, d.seq(), isCase ? "CASE" : "INSPECTION", d.code(),
					isCase ? d.code().substring("CASE-".length()) : null,
					isCase ? null : Long.valueOf(d.code().substring("INSP-".length())), entry.name(), entry.region(),
					d.team(), due);
		}
		jdbc.sql("update recheck_draw set status = 'DRAWN', drawn_at = ?, result = ?, open_year = null where id = ?")
			.params(now(), json(result), drawId)
			.update();
		return rechecks.startAll(drawId);
	}

	public List<RecheckDraw> all() {
		return jdbc.sql("select " + COLUMNS + " from recheck_draw order by draw_year desc, id desc").query(RecheckDraws::row).list();
	}

	public Optional<RecheckDraw> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from recheck_draw where id = ?").param(id).query(RecheckDraws::row).optional();
	}

	public RecheckDraw get(long id) {
		return find(id).orElseThrow(() -> Refused.notFound("rechecks.draw.not-found", id));
	}

	Optional<RecheckDraw> current(int year) {
		return jdbc.sql("select " + COLUMNS + " from recheck_draw where draw_year = ? order by id desc")
			.param(year)
			.query(RecheckDraws::row)
			.list()
			.stream()
			.findFirst();
	}

	/** The draw's public inputs (公开抽取依据): the seed and the result only once drawn. */
	public PublishedDraw published(long drawId) {
		RecheckDraw draw = get(drawId);
		return inputsOf(drawId, draw, draw.drawn());
	}

	private PublishedDraw inputsOf(long drawId, RecheckDraw draw, boolean revealed) {
		String[] row = jdbc.sql("select directory_snapshot, pool_snapshot, result from recheck_draw where id = ?")
			.param(drawId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		List<DirectoryEntry> directory = read(row[0], new TypeReference<>() { });
		List<PoolEntry> pool = read(row[1], new TypeReference<>() { });
		DrawResult result = revealed && row[2] != null ? read(row[2], new TypeReference<>() { }) : null;
		return new PublishedDraw(Canonical.FORMAT, new PublishedDraw.Plan(drawId, draw.name(), draw.year(), drawId, 1),
				read(draw.parameters(), new TypeReference<>() { }), directory, pool,
				new PublishedDraw.Commitment(draw.seedHash(), draw.directoryHash(), draw.poolHash(), draw.commitment(),
						draw.committedAt().toString()),
				revealed ? seedOf(drawId) : null, result, List.of());
	}

	private String seedOf(long drawId) {
		return jdbc.sql("select seed from recheck_draw where id = ?").param(drawId).query(String.class).single();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	static <T> T read(String text, TypeReference<T> type) {
		try {
			return JSON.readValue(text, type);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static RecheckDraw row(ResultSet rs, int n) throws SQLException {
		return new RecheckDraw(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
				rs.getObject(11, OffsetDateTime.class));
	}
}
