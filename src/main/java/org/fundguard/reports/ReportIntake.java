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
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks a submitted form and its evidence and turns them into a report. Every problem is collected, in Chinese,
 * so the reporter fixes them all at once. Evidence is judged by its content, its image metadata removed, and it
 * gets a neutral name: a file called "张三的就诊记录.jpg" would otherwise name someone.
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
		List<String> problems = new ArrayList<>();
		SubjectKind kind = parse(SubjectKind.class, f.subjectKind());
		String subjectKey = null;
		String subjectName = text(f.subjectName());
		if (kind == null) {
			problems.add("请选择被举报对象的类型");
		}
		else if (kind == SubjectKind.INSTITUTION) {
			var provider = directory.find(text(f.providerCode()));
			if (provider.isEmpty()) {
				problems.add("请从名录中选择被举报的定点医药机构；名录中没有的，请选择“其他机构”并填写名称");
			}
			else {
				subjectKey = provider.get().code();
				subjectName = provider.get().name();
			}
		}
		else if (subjectName.isEmpty() || subjectName.length() > 100) {
			problems.add(kind == SubjectKind.PERSON ? "请填写被举报人的姓名或称呼（100 字以内）" : "请填写被举报机构的名称（100 字以内）");
		}
		ReportCategory category = parse(ReportCategory.class, f.category());
		if (category == null) {
			problems.add("请选择举报类别");
		}
		String description = text(f.description());
		if (description.length() < DESCRIPTION_MIN || description.length() > DESCRIPTION_MAX) {
			problems.add("请描述举报的具体问题（" + DESCRIPTION_MIN + "–" + DESCRIPTION_MAX + " 字）");
		}
		String happened = text(f.happened());
		if (happened.length() > 100) {
			problems.add("发生时间请在 100 字以内");
		}
		BigDecimal amount = amount(f.amount(), problems);
		ReporterIdentity identity = f.realName() ? identity(f, problems) : null;
		if (!Boolean.TRUE.equals(f.consent())) {
			problems.add("请阅读并同意《举报须知与隐私说明》");
		}
		List<Evidence> evidence = evidence(files, problems);
		if (!problems.isEmpty()) {
			throw new FormProblems(problems);
		}
		return new NewReport(kind, subjectKey, subjectName, category, description, happened.isEmpty() ? null : happened,
				amount, Boolean.TRUE.equals(f.wantsReward()), identity, evidence);
	}

	private static ReporterIdentity identity(ReportForm f, List<String> problems) {
		ReporterKind kind = parse(ReporterKind.class, f.reporterKind());
		String name = text(f.fullName());
		String id = text(f.idNumber()).toUpperCase(Locale.ROOT);
		String phone = text(f.phone()).replace(" ", "");
		if (kind == null) {
			problems.add("请选择以个人还是单位名义举报");
		}
		if (name.length() < 2 || name.length() > 50) {
			problems.add("实名举报请填写真实姓名（或单位名称）");
		}
		if (IdNumber.problem(id).isPresent()) {
			problems.add("身份证号码无效：请填写 18 位居民身份证号码（最后一位校验码可能是 X）");
		}
		if (!PHONE.matcher(phone).matches()) {
			problems.add("请填写有效的联系电话（手机号或带区号的固定电话）");
		}
		return new ReporterIdentity(kind == null ? ReporterKind.PERSON : kind, name, id, phone);
	}

	private static BigDecimal amount(String typed, List<String> problems) {
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
			problems.add("涉及金额请填写以元为单位的数字，最多两位小数，不清楚可留空");
			return null;
		}
	}

	private List<Evidence> evidence(List<MultipartFile> files, List<String> problems) {
		List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
		if (given.size() > limits.maxFiles()) {
			problems.add("证据文件最多 " + limits.maxFiles() + " 个");
			return List.of();
		}
		List<Evidence> evidence = new ArrayList<>();
		int n = 0;
		for (MultipartFile file : given) {
			n++;
			if (file.getSize() > limits.maxFileSize().toBytes()) {
				problems.add("第 " + n + " 个证据文件超过 " + limits.maxFileSize().toMegabytes() + " MB");
				continue;
			}
			byte[] content = bytes(file);
			DocumentType type = DocumentType.sniff(content).filter(limits.allowedTypes()::contains).orElse(null);
			if (type == null) {
				problems.add("第 " + n + " 个证据文件的类型不被接受：只接受照片（JPEG、PNG）、PDF 和纯文本，按文件内容判断");
				continue;
			}
			try {
				byte[] clean = ImageMetadata.strip(type, content);
				evidence.add(new Evidence("证据" + n + "." + type.extension(), type, clean));
			}
			catch (IllegalArgumentException broken) {
				problems.add("第 " + n + " 个证据文件已损坏，无法读取");
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

	/** The form's problems, all of them, for the reporter. */
	public static final class FormProblems extends RuntimeException {

		private final List<String> problems;

		FormProblems(List<String> problems) {
			super(String.join("；", problems));
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return problems;
		}
	}
}
