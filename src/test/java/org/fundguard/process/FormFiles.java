package org.fundguard.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every {@code .form} file is a Camunda Form that Camunda Modeler opens cleanly for Camunda 7 and that
 * {@link TaskForm} renders: form-js JSON with an {@code id} (the file's name, unique among the forms), {@code type}
 * {@code default}, a {@code schemaVersion} and the Camunda 7 execution platform; components of the types TaskForm
 * renders, each with an id or a key, unique ids and keys, a key on every input, text on a text block and options on a
 * choice.
 */
final class FormFiles {

	private static final String PLATFORM = "Camunda Platform";
	private static final Set<String> CHOICES = Set.of("select", "radio");

	private final ObjectMapper json = new ObjectMapper();

	List<String> check(Path folder) throws IOException {
		List<String> problems = new ArrayList<>();
		Map<String, String> fileOfId = new HashMap<>();
		List<Path> forms;
		try (Stream<Path> files = Files.walk(folder)) {
			forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
		}
		for (Path form : forms) {
			String name = form.getFileName().toString();
			JsonNode root;
			try {
				root = json.readTree(form.toFile());
			}
			catch (JsonProcessingException e) {
				problems.add(name + ": is not JSON: " + e.getOriginalMessage());
				continue;
			}
			String id = root.path("id").asText("");
			String other = id.isBlank() ? null : fileOfId.putIfAbsent(id, name);
			if (other != null) {
				problems.add(name + ": id " + id + " is also the id of " + other);
			}
			checkForm(name, id, root, problems);
			checkComponents(name, root, new HashSet<>(), new HashSet<>(), problems);
		}
		return problems;
	}

	private static void checkForm(String name, String id, JsonNode root, List<String> problems) {
		if (id.isBlank()) {
			problems.add(name + ": has no id");
		}
		else if (!name.equals(id + ".form")) {
			problems.add(name + ": id " + id + " is not the file's name");
		}
		if (!"default".equals(root.path("type").asText())) {
			problems.add(name + ": type should be default");
		}
		if (!root.path("schemaVersion").canConvertToInt() || root.path("schemaVersion").asInt() < 1) {
			problems.add(name + ": has no schemaVersion");
		}
		if (!PLATFORM.equals(root.path("executionPlatform").asText())
				|| !root.path("executionPlatformVersion").asText().startsWith("7.")) {
			problems.add(name + ": executionPlatform should be " + PLATFORM + " with an executionPlatformVersion 7.x");
		}
		if (!root.path("components").isArray()) {
			problems.add(name + ": has no components");
		}
	}

	private static void checkComponents(String name, JsonNode container, Set<String> ids, Set<String> keys,
			List<String> problems) {
		for (JsonNode c : container.path("components")) {
			String id = c.path("id").asText("");
			String key = c.path("key").asText("");
			String type = c.path("type").asText("");
			String where = name + ": component " + (id.isBlank() ? key : id);
			if (id.isBlank() && key.isBlank()) {
				problems.add(name + ": a " + type + " component has neither id nor key");
				continue;
			}
			if (!id.isBlank() && !ids.add(id)) {
				problems.add(where + ": id is used twice");
			}
			if (!key.isBlank() && !keys.add(key)) {
				problems.add(where + ": key " + key + " is used twice");
			}
			if (!TaskForm.TYPES.contains(type)) {
				problems.add(where + ": type " + type + " is not one TaskForm renders " + TaskForm.TYPES);
			}
			else if ("text".equals(type)) {
				if (c.path("text").asText("").isBlank()) {
					problems.add(where + ": text block without text");
				}
			}
			else if (key.isBlank()) {
				problems.add(where + ": " + type + " field without a key");
			}
			if (CHOICES.contains(type) && !hasOptions(c)) {
				problems.add(where + ": " + type + " without values (each a value and a label)");
			}
			checkComponents(name, c, ids, keys, problems);
		}
	}

	private static boolean hasOptions(JsonNode choice) {
		JsonNode values = choice.path("values");
		if (!values.isArray() || values.isEmpty()) {
			return false;
		}
		for (JsonNode v : values) {
			if (v.path("value").asText("").isBlank() || v.path("label").asText("").isBlank()) {
				return false;
			}
		}
		return true;
	}
}
