package org.fundguard.inspections;

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
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.errors.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commit, draw, reveal: the verifiable draw of a plan. {@link #commit} freezes the directory and the pool, makes a
 * secret seed with a CSPRNG and stores the commitment, which is public at once. {@link #draw} computes the whole
 * draw first and then writes the inspections and teams in one transaction, so a draw that stops keeps nothing.
 * {@link #reveal} publishes the seed, after which anyone can re-run the draw.
 */
@Service
public class PlanDraws {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final ObjectMapper JSON = DrawCommand.reader();

	private final JdbcClient jdbc;
	private final Clock clock;
	private final InspectionPlans plans;
	private final InspectionDirectory directory;
	private final InspectorPool pool;
	private final InspectionsProperties properties;

	PlanDraws(JdbcClient jdbc, Clock clock, InspectionPlans plans, InspectionDirectory directory, InspectorPool pool,
			InspectionsProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.plans = plans;
		this.directory = directory;
		this.pool = pool;
		this.properties = properties;
	}

	/** Freezes the inputs and publishes the commitment of a new seed. */
	@Transactional
	public DrawRecord commit(long planId) {
		Plan plan = plans.get(planId);
		if (plan.status() != PlanStatus.APPROVED) {
			throw Refused.conflict("inspections.draw.plan-not-approved", plan.status().label());
		}
		InspectionDirectory.Snapshot snapshot = directory.freeze(plan.draft(), LocalDate.now(clock));
		List<PoolEntry> inspectors = pool.activeSnapshot();
		DrawParameters parameters = plan.draft().parameters(properties.recuseSameRegion());
		byte[] seedBytes = new byte[32];
		RANDOM.nextBytes(seedBytes);
		String seed = HexFormat.of().formatHex(seedBytes);
		String seedHash = Canonical.seedHash(seed);
		String directoryHash = Canonical.directoryHash(snapshot.entries());
		String poolHash = Canonical.poolHash(inspectors);
		int attempt = jdbc.sql("select coalesce(max(attempt), 0) + 1 from inspection_draw where plan_id = ?")
			.param(planId)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into inspection_draw (plan_id, attempt, status, parameters, seed, seed_hash, directory_hash, pool_hash,
				commitment, directory_snapshot, pool_snapshot, excluded, committed_at)
				values (?, ?, 'COMMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(planId, attempt, parameters.canonical(), seed, seedHash, directoryHash, poolHash,
					Canonical.commitment(parameters, seedHash, directoryHash, poolHash), json(snapshot.entries()),
					json(inspectors), json(snapshot.excluded()), now())
			.update();
		plans.setStatus(planId, PlanStatus.COMMITTED);
		return current(planId).orElseThrow();
	}

	/**
	 * Draws from the committed inputs and stores the inspections with their teams. When the draw cannot be made it
	 * writes nothing of it, voids the commitment ({@link #voidDraw}) and throws {@link DrawStopped} saying why.
	 */
	@Transactional(noRollbackFor = DrawStopped.class)
	public List<Long> draw(long planId) {
		DrawRecord record = current(planId).filter(d -> d.status().equals("COMMITTED"))
			.orElseThrow(() -> Refused.conflict("inspections.draw.nothing-committed"));
		PublishedDraw inputs = published(record.id());
		DrawResult result;
		try {
			if (inputs.directory().isEmpty()) {
				throw new DrawStopped("inspections.draw.nothing-to-draw");
			}
			result = Draw.run(seedOf(record.id()), inputs.parameters(), inputs.directory(), inputs.pool());
		}
		catch (DrawStopped stopped) {
			voidDraw(planId, stopped.getMessage());
			throw stopped;
		}
		java.util.Map<String, DirectoryEntry> byCode = new java.util.HashMap<>();
		inputs.directory().forEach(e -> byCode.put(e.code(), e));
		for (DrawResult.Drawn d : result.institutions()) {
			DirectoryEntry e = byCode.get(d.code());
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("""
					insert into inspection (plan_id, draw_id, seq, provider_code, provider_name, provider_type, provider_level,
					provider_region, stratum, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAWN')""")
				.params(planId, record.id(), d.seq(), e.code(), e.name(), e.type(), e.level(), e.region(), d.stratum())
				.update(keys, "id");
			long inspectionId = keys.getKey().longValue();
			for (int i = 0; i < d.team().size(); i++) {
				jdbc.sql("insert into inspection_team_member (inspection_id, seq, inspector_id) values (?, ?, ?)")
					.params(inspectionId, i + 1, d.team().get(i))
					.update();
			}
		}
		jdbc.sql("update inspection_draw set status = 'DRAWN', drawn_at = ?, result = ? where id = ?")
			.params(now(), json(result), record.id())
			.update();
		return jdbc.sql("select id from inspection where draw_id = ? order by seq").param(record.id()).query(Long.class).list();
	}

	/** Marks the plan's open commitment void with the reason, and reveals its seed: nothing is left secret. */
	@Transactional
	public void voidDraw(long planId, String reason) {
		current(planId).filter(d -> d.status().equals("COMMITTED")).ifPresent(d -> jdbc
			.sql("update inspection_draw set status = 'VOID', failure = ?, revealed_at = ? where id = ?")
			.params(reason, now(), d.id())
			.update());
		plans.setStatus(planId, PlanStatus.DRAW_STOPPED);
	}

	/**
	 * Publishes the plan with its draw and the draw's seed.
	 *
	 * @return the ids of the plan's inspections, one per drawn institution in the draw's order
	 */
	@Transactional
	public List<Long> publish(long planId) {
		reveal(planId);
		plans.setStatus(planId, PlanStatus.PUBLISHED);
		return jdbc.sql("select id from inspection where plan_id = ? order by seq").param(planId).query(Long.class).list();
	}

	/** Publishes the seed of the plan's draw. */
	@Transactional
	public void reveal(long planId) {
		jdbc.sql("update inspection_draw set revealed_at = ? where plan_id = ? and status = 'DRAWN' and revealed_at is null")
			.params(now(), planId)
			.update();
	}

	/** The latest commitment of the plan. */
	public Optional<DrawRecord> current(long planId) {
		return attempts(planId).stream().reduce((a, b) -> b);
	}

	public List<DrawRecord> attempts(long planId) {
		return jdbc.sql("""
				select id, plan_id, attempt, status, parameters, seed_hash, directory_hash, pool_hash, commitment,
				committed_at, drawn_at, revealed_at, failure from inspection_draw where plan_id = ? order by attempt""")
			.param(planId)
			.query(PlanDraws::row)
			.list();
	}

	public Optional<DrawRecord> find(long drawId) {
		return jdbc.sql("""
				select id, plan_id, attempt, status, parameters, seed_hash, directory_hash, pool_hash, commitment,
				committed_at, drawn_at, revealed_at, failure from inspection_draw where id = ?""")
			.param(drawId)
			.query(PlanDraws::row)
			.optional();
	}

	/** The published inputs of a draw: the seed and the result only once revealed. */
	public PublishedDraw published(long drawId) {
		DrawRecord d = find(drawId).orElseThrow(() -> Refused.notFound("inspections.draw.not-found", drawId));
		Plan plan = plans.get(d.planId());
		var row = jdbc.sql("select directory_snapshot, pool_snapshot, excluded, result from inspection_draw where id = ?")
			.param(drawId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.single();
		DrawResult result = d.revealed() && row[3] != null ? read(row[3], new TypeReference<>() { }) : null;
		return new PublishedDraw(Canonical.FORMAT,
				new PublishedDraw.Plan(plan.id(), plan.name(), plan.draft().year(), d.id(), d.attempt()),
				parametersOf(d.parameters()), read(row[0], new TypeReference<>() { }), read(row[1], new TypeReference<>() { }),
				new PublishedDraw.Commitment(d.seedHash(), d.directoryHash(), d.poolHash(), d.commitment(),
						d.committedAt().toString()),
				d.revealed() ? seedOf(drawId) : null, result, read(row[2], new TypeReference<>() { }));
	}

	/** An inspector passed over in the plan's draw, with the city of his or her unit, as the staff's plan page lists it. */
	public record Recusal(String institution, String inspector, String city, String reason) {
	}

	/**
	 * The recusals of the plan's drawn attempt, for the bureau's own page (the public sees them once the seed is
	 * revealed, on the draw's proof page).
	 */
	public List<Recusal> recusals(long planId) {
		return attempts(planId).stream().filter(d -> d.status().equals("DRAWN")).reduce((a, b) -> b).map(d -> {
			var row = jdbc.sql("select pool_snapshot, result from inspection_draw where id = ?")
				.param(d.id())
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.single();
			if (row[0] == null || row[1] == null) {
				return List.<Recusal>of(); // a draw recorded without its result (rows written by hand, as in tests)
			}
			java.util.Map<String, String> regions = new java.util.HashMap<>();
			List<PoolEntry> snapshot = read(row[0], new TypeReference<>() { });
			snapshot.forEach(p -> regions.put(p.id(), p.region()));
			DrawResult result = read(row[1], new TypeReference<>() { });
			return result.skipped()
				.stream()
				.map(s -> new Recusal(s.institution(), s.inspector(), Cities.label(regions.get(s.inspector())), s.reason().label()))
				.toList();
		}).orElse(List.of());
	}

	private String seedOf(long drawId) {
		return jdbc.sql("select seed from inspection_draw where id = ?").param(drawId).query(String.class).single();
	}

	/** Parses the canonical parameter line back; it is the stored truth of what was committed. */
	static DrawParameters parametersOf(String canonical) {
		java.util.Map<String, String> p = new java.util.HashMap<>();
		for (String part : canonical.split(";")) {
			p.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
		}
		String sample = p.get("sample");
		boolean count = sample.startsWith("count:");
		int value = Integer.parseInt(sample.substring(sample.indexOf(':') + 1));
		return new DrawParameters(count ? value : null, count ? null : value,
				DrawParameters.Stratification.ofId(p.get("stratify")), p.get("weighted").equals("1"),
				Integer.parseInt(p.get("team")), p.get("recuse-region").equals("1"), "city".equals(p.get("recuse")));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static <T> T read(String text, TypeReference<T> type) {
		try {
			return JSON.readValue(text, type);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static DrawRecord row(ResultSet rs, int n) throws SQLException {
		return new DrawRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
				rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class), rs.getString(13));
	}
}
