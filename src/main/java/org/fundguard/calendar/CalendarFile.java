package org.fundguard.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.fundguard.errors.Refused;

/**
 * The calendar's file format (docs/calendar-import.md): CSV in UTF-8, one special day a row as
 * {@code kind,date,name,notice}, blank lines and {@code #} comments ignored, an optional header row. The shipped seed
 * adds {@code year,<year>,<status>,<notice>} rows that declare its years. A file is read whole before anything is
 * used, and its first bad cell refuses it naming the file, the row and the column, so nothing is imported partially.
 */
public final class CalendarFile {

	/** The shipped seed of a fresh installation. */
	public static final String SEED = "calendar/china-public-holidays.csv";

	static final int NAME_MAX = 50;
	static final int NOTICE_MAX = 200;
	private static final String[] COLUMNS = { "kind", "date", "name", "notice" };

	private final String fileName;
	private final boolean yearRows;
	private final Map<Integer, CalendarYear> declared = new HashMap<>();
	private final List<CalendarDay> days = new ArrayList<>();
	private final Map<LocalDate, Long> rowOf = new HashMap<>();

	private CalendarFile(String fileName, boolean yearRows) {
		this.fileName = fileName;
		this.yearRows = yearRows;
	}

	/** The special days of one year from an administrator's file; refused at its first bad cell. */
	public static List<CalendarDay> readYear(String fileName, byte[] content, int year) {
		CalendarFile file = new CalendarFile(fileName == null || fileName.isBlank() ? "（未命名）" : fileName, false);
		file.read(content);
		for (CalendarDay d : file.days) {
			if (d.date().getYear() != year) {
				throw file.refused("calendar.file.other-year", file.rowOf.get(d.date()), 2, d.date(), year);
			}
		}
		if (file.days.isEmpty()) {
			throw Refused.because("calendar.file.empty", file.fileName);
		}
		return List.copyOf(file.days);
	}

	/** The shipped seed, declared years and all. */
	public static List<CalendarYear> readSeed(InputStream in) {
		CalendarFile file = new CalendarFile(SEED, true);
		try (in) {
			file.read(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (CalendarDay d : file.days) {
			if (!file.declared.containsKey(d.date().getYear())) {
				throw new IllegalStateException(SEED + ": " + d.date() + " lies in a year the file does not declare");
			}
		}
		return file.declared.values().stream()
			.map(y -> new CalendarYear(y.year(), y.status(), y.notice(),
					file.days.stream().filter(d -> d.date().getYear() == y.year()).toList()))
			.toList();
	}

	/** The seed as a calendar source, for a calendar without a database. */
	public static CalendarSource seed() {
		InputStream in = CalendarFile.class.getClassLoader().getResourceAsStream(SEED);
		if (in == null) {
			throw new IllegalStateException("missing working calendar seed " + SEED);
		}
		CalendarDays days = new CalendarDays(readSeed(in));
		return () -> days;
	}

	private void read(byte[] content) {
		String text = decode(content);
		try (CSVReader csv = new CSVReader(new StringReader(text))) {
			long row = 0;
			String[] cells;
			while (true) {
				long before = csv.getLinesRead();
				try {
					cells = csv.readNext();
				}
				catch (CsvException e) {
					throw Refused.because("calendar.file.unreadable", fileName, before + 1);
				}
				if (cells == null) {
					break;
				}
				row = before + 1;
				if (cells.length == 0 || cells.length == 1 && cells[0].isBlank() || cells[0].strip().startsWith("#")) {
					continue;
				}
				line(row, cells);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void line(long row, String[] cells) {
		if (cells.length != 4) {
			throw refused("calendar.file.columns", row, Math.min(cells.length, 4) + 1, cells.length);
		}
		String kind = cells[0].strip();
		if (kind.equalsIgnoreCase(COLUMNS[0]) && cells[1].strip().equalsIgnoreCase(COLUMNS[1])) {
			return;
		}
		if (yearRows && "year".equals(kind)) {
			int year = Integer.parseInt(cells[1].strip());
			declared.put(year, new CalendarYear(year, status(row, cells[2]), cells[3].strip(), List.of()));
			return;
		}
		DayKind k = DayKind.of(kind);
		if (k == null) {
			throw refused("calendar.file.kind", row, 1, kind);
		}
		LocalDate date;
		try {
			date = LocalDate.parse(cells[1].strip());
		}
		catch (DateTimeParseException e) {
			throw refused("calendar.file.date", row, 2, cells[1].strip());
		}
		Long earlier = rowOf.putIfAbsent(date, row);
		if (earlier != null) {
			throw refused("calendar.file.duplicate", row, 2, date, earlier);
		}
		if (k == DayKind.WORKDAY && !weekend(date)) {
			throw refused("calendar.file.workday-not-weekend", row, 2, date);
		}
		String name = cells[2].strip();
		if (name.isEmpty() || name.length() > NAME_MAX) {
			throw refused("calendar.file.name", row, 3, NAME_MAX);
		}
		String notice = cells[3].strip();
		if (notice.isEmpty() || notice.length() > NOTICE_MAX) {
			throw refused("calendar.file.notice", row, 4, NOTICE_MAX);
		}
		days.add(new CalendarDay(date, k, name, notice));
	}

	private YearStatus status(long row, String cell) {
		YearStatus s = YearStatus.of(cell);
		if (s == null) {
			throw new IllegalStateException(fileName + " row " + row + ": unknown year status " + cell);
		}
		return s;
	}

	static boolean weekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	/** A refusal naming the file, the row and the column (number and name) before the key's own arguments. */
	private Refused refused(String key, long row, int column, Object... more) {
		Object[] args = new Object[4 + more.length];
		args[0] = fileName;
		args[1] = row;
		args[2] = column;
		args[3] = column <= 4 ? COLUMNS[column - 1] : "";
		System.arraycopy(more, 0, args, 4, more.length);
		return Refused.because(key, args);
	}

	private String decode(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException e) {
			throw Refused.because("calendar.file.not-utf8", fileName);
		}
	}
}
