package org.fundguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * The module documentation in {@code docs/modules/} is what Spring Modulith's Documenter writes for the code as it is:
 * the component diagram of all modules, one diagram and one canvas per module (its API, beans, events, properties).
 * Regenerate it after a change of structure with
 * {@code mvn test -Dtest=ModuleDocumentationTest -Dfundguard.docs.update=true} and commit the result; this test fails
 * while the committed files differ from the code. The overview picture ({@code modules.svg}, shown in
 * {@code docs/architecture.md}) is rendered from {@code business-modules.puml} and carries that source's SHA-256.
 */
class ModuleDocumentationTest {

	static final Path DOCS = Path.of("docs/modules");
	static final Path WRITTEN = Path.of("target/modulith-docs-check");
	static final String PICTURE = "modules.svg";
	/** The business modules alone: every one of them may use the shared kernel, which would only crowd the picture. */
	static final String BUSINESS = "business-modules.puml";

	@Test
	void theCommittedModuleDocumentationIsWhatTheCodeSays() throws IOException {
		deleteTree(WRITTEN);
		new Documenter(ModularityTest.MODULES, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		Path business = Path.of(WRITTEN + "-business");
		new Documenter(ModularityTest.MODULES, Documenter.Options.defaults().withOutputFolder(business.toString()))
			.writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
				.withExclusions(ModularityTest.MODULES.getSharedModules()::contains));
		Files.move(business.resolve("components.puml"), WRITTEN.resolve(BUSINESS));
		Map<String, String> written = read(WRITTEN);
		assertThat(written).containsKey("components.puml");

		if (Boolean.getBoolean("fundguard.docs.update")) {
			deleteTree(DOCS);
			Files.createDirectories(DOCS);
			for (var file : written.entrySet()) {
				Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
			}
			Files.writeString(DOCS.resolve(PICTURE), picture(written.get(BUSINESS)));
		}

		Map<String, String> committed = read(DOCS);
		String picture = committed.remove(PICTURE);
		assertThat(committed).as("docs/modules/ is out of date: run mvn test -Dtest=ModuleDocumentationTest "
				+ "-Dfundguard.docs.update=true and commit the result").isEqualTo(written);
		assertThat(picture).as("docs/modules/%s is rendered from %s", PICTURE, BUSINESS)
			.contains(sourceMark(written.get(BUSINESS)));
	}

	/** The overview as SVG, laid out by PlantUML's own Smetana engine (no Graphviz on the build machines). */
	static String picture(String puml) throws IOException {
		String source = puml.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
		var out = new ByteArrayOutputStream();
		new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
		String svg = out.toString(StandardCharsets.UTF_8);
		return svg.replaceFirst("(<svg[^>]*>)", "$1<!--" + sourceMark(puml) + "-->");
	}

	static String sourceMark(String puml) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(puml.getBytes(StandardCharsets.UTF_8));
			return "source " + BUSINESS + " sha256 " + HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The Documenter writes a diagram's relations in hash order, which changes from run to run; sorted, the same code
	 * gives the same file.
	 */
	static String stable(String text) {
		List<String> lines = new ArrayList<>(text.lines().toList());
		List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
		int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("Rel(")).findFirst().orElse(""));
		if (first < 0) {
			return text;
		}
		lines.removeIf(l -> l.startsWith("Rel("));
		lines.addAll(first, relations);
		return String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
	}

	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> list = Files.list(folder)) {
			for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
				files.put(file.getFileName().toString(), stable(Files.readString(file)));
			}
		}
		return files;
	}

	private static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> all = Files.walk(folder)) {
			for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
