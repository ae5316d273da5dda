package org.fundguard.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.fundguard.claims.IdNumber;
import org.fundguard.documents.DocumentType;
import org.fundguard.errors.Messages;
import org.fundguard.errors.Refused;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks a submitted form and its evidence and turns them into a report. Every problem is collected (each a message
 * of the bundle, shown in Chinese), so the reporter fixes them all at once. Evidence is judged by its content, its
 * image metadata removed, and it gets a neutral name: a file called "张三的就诊记录.jpg" would otherwise name someone.
 */
@Service
public class ReportIntake {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
	static final int DESCRIPTION_MIN = 10;
	static final int DESCRIPTION_MAX = 5000;

	private final ReportsProperties.Evidence limits;
	private final ProviderDirectory directory;

	ReportIntake(ReportsProperties properties, ProviderDirectory directory) {
		this.limits = properties.evidence();
		this.directory = directory;
	}

	public NewReport check(ReportForm f, List<MultipartFile> files) {
		List<Problem> problems = new ArrayList<>();
		SubjectKind kind = parse(SubjectKind.class, f.subjectKind());
		String subjectKey = null;
		String subjectName = text(f.subjectName());
		if (kind == null) {
			problems.add(new Problem("reports.portal.subject-kind"));
		}
		else if (kind == SubjectKind.INSTITUTION) {
			var provider = directory.find(text(f.providerCode()));
			if (provider.isEmpty()) {
				problems.add(new Problem("reports.portal.provider-unknown"));
			}
			else {
				subjectKey = provider.get().code();
				subjectName = provider.get().name();
			}
		}
		else if (subjectName.isEmpty() || subjectName.length() > 100) {
			problems.add(new Problem(kind == SubjectKind.PERSON ? "reports.portal.person-name" : "reports.portal.institution-name"));
		}
		ReportCategory category = parse(ReportCategory.class, f.category());
		if (category == null) {
			problems.add(new Problem("reports.portal.category"));
		}
		String description = text(f.description());
		if (description.length() < DESCRIPTION_MIN || description.length() > DESCRIPTION_MAX) {
			problems.add(new Problem("reports.portal.description", DESCRIPTION_MIN, DESCRIPTION_MAX));
		}
		String happened = text(f.happened());
		if (happened.length() > 100) {
			problems.add(new Problem("reports.portal.happened-too-long"));
		}
		BigDecimal amount = amount(f.amount(), problems);
		ReporterIdentity identity = f.realName() ? identity(f, problems) : null;
		if (!Boolean.TRUE.equals(f.consent())) {
			problems.add(new Problem("reports.portal.consent"));
		}
		List<Evidence> evidence = evidence(files, problems);
		if (!problems.isEmpty()) {
			throw new FormProblems(problems);
		}
		return new NewReport(kind, subjectKey, subjectName, category, description, happened.isEmpty() ? null : happened,
				amount, Boolean.TRUE.equals(f.wantsReward()), identity, evidence);
	}

	private static ReporterIdentity identity(ReportForm f, List<Problem> problems) {
		ReporterKind kind = parse(ReporterKind.class, f.reporterKind());
		String name = text(f.fullName());
		String id = text(f.idNumber()).toUpperCase(Locale.ROOT);
		String phone = text(f.phone()).replace(" ", "");
		if (kind == null) {
			problems.add(new Problem("reports.portal.reporter-kind"));
		}
		if (name.length() < 2 || name.length() > 50) {
			problems.add(new Problem("reports.portal.full-name"));
		}
		if (IdNumber.problem(id).isPresent()) {
			problems.add(new Problem("reports.portal.id-number"));
		}
		if (!PHONE.matcher(phone).matches()) {
			problems.add(new Problem("reports.portal.phone"));
		}
		return new ReporterIdentity(kind == null ? ReporterKind.PERSON : kind, name, id, phone);
	}

	private static BigDecimal amount(String typed, List<Problem> problems) {
		String a = text(typed).replace(",", "").replace("，", "").replace("¥", "").replace("元", "");
		if (a.isEmpty()) {
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(a);
			if (amount.signum() < 0 || amount.compareTo(new BigDecimal("1000000000000")) > 0 || amount.scale() > 2) {
				throw new NumberFormatException();
			}
			return amount;
		}
		catch (NumberFormatException e) {
			problems.add(new Problem("reports.portal.amount"));
			return null;
		}
	}

	private List<Evidence> evidence(List<MultipartFile> files, List<Problem> problems) {
		List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
		if (given.size() > limits.maxFiles()) {
			problems.add(new Problem("reports.portal.too-many-files", limits.maxFiles()));
			return List.of();
		}
		List<Evidence> evidence = new ArrayList<>();
		int n = 0;
		for (MultipartFile file : given) {
			n++;
			if (file.getSize() > limits.maxFileSize().toBytes()) {
				problems.add(new Problem("reports.portal.file-too-large", n, limits.maxFileSize().toMegabytes()));
				continue;
			}
			byte[] content = bytes(file);
			DocumentType type = DocumentType.sniff(content).filter(limits.allowedTypes()::contains).orElse(null);
			if (type == null) {
				problems.add(new Problem("reports.portal.file-type", n));
				continue;
			}
			try {
				FileMetadata.Stripped clean = FileMetadata.strip(type, content);
				evidence.add(new Evidence("证据" + n + "." + type.extension(), type, clean.content(), clean.removed()));
			}
			catch (IllegalArgumentException broken) {
				problems.add(new Problem("reports.portal.file-broken", n));
			}
		}
		return evidence;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name) {
		try {
			return name == null ? null : Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String text(String s) {
		return s == null ? "" : s.strip();
	}

	/** One thing wrong with the form: a message key of the bundle with its arguments. */
	record Problem(String key, Object... args) {

		String chinese() {
			return Messages.chinese(key, args);
		}

		String english() {
			return Messages.english(key, args);
		}
	}

	/**
	 * The form's problems, all of them, for the reporter: a refusal like any other, which the portal shows on its
	 * own form, one line a problem.
	 */
	public static final class FormProblems extends Refused {

		private final transient List<Problem> problems;

		FormProblems(List<Problem> problems) {
			super(Reason.INVALID, "reports.portal.form-problems", null,
					String.join("；", problems.stream().map(Problem::chinese).toList()));
			this.problems = List.copyOf(problems);
		}

		/** The problems in Chinese, in the order of the form. */
		public List<String> problems() {
			return problems.stream().map(Problem::chinese).toList();
		}

		@Override
		public String english() {
			return Messages.english(key(), String.join("; ", problems.stream().map(Problem::english).toList()));
		}
	}
}
