package org.fundguard.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads BPMN files the way the engine will run them and lists every name that points nowhere: a delegate
 * class or bean that does not exist, an expression identifier that is neither a bean nor a declared
 * process variable, a form that is not in {@code forms/}, or a process without historyTimeToLive. It walks
 * every attribute and text node, so an expression is checked wherever the modeler put it.
 */
final class BpmnGuard {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
	static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}");
	static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
	static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*:)");
	/** Names the engine itself puts into every expression's scope, and EL's keywords. */
	static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "authenticatedUserId",
			"variableScope", "dateTime", "now", "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt",
			"gt", "le", "ge", "div", "mod", "instanceof", "loopCounter", "nrOfInstances", "nrOfActiveInstances",
			"nrOfCompletedInstances");

	private final Predicate<String> beanExists;
	private final Set<String> processVariables;
	private final Path formsFolder;

	BpmnGuard(Predicate<String> beanExists, Set<String> processVariables, Path formsFolder) {
		this.beanExists = beanExists;
		this.processVariables = processVariables;
		this.formsFolder = formsFolder;
	}

	List<String> check(Path bpmnFolder) throws Exception {
		List<String> problems = new ArrayList<>();
		Set<String> formIds = formIds();
		try (Stream<Path> files = Files.walk(bpmnFolder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				check(file, formIds, problems);
			}
		}
		return problems;
	}

	private void check(Path file, Set<String> formIds, List<String> problems) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder().parse(file.toFile());
		String name = file.getFileName().toString();

		NodeList processes = document.getElementsByTagNameNS(BPMN_NS, "process");
		for (int i = 0; i < processes.getLength(); i++) {
			Element process = (Element) processes.item(i);
			if (process.getAttributeNS(CAMUNDA_NS, "historyTimeToLive").isBlank()) {
				problems.add(name + ": process " + process.getAttribute("id") + " has no historyTimeToLive");
			}
		}
		walk(document.getDocumentElement(), name, formIds, problems);
	}

	private void walk(Node node, String file, Set<String> formIds, List<String> problems) {
		if (node instanceof Element element) {
			String where = file + ": " + element.getLocalName() + " " + element.getAttribute("id");
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Node attribute = attributes.item(i);
				checkAttribute(attribute, where, formIds, problems);
			}
			for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
					checkExpressions(child.getNodeValue(), where, problems);
				}
				else {
					walk(child, file, formIds, problems);
				}
			}
		}
	}

	private void checkAttribute(Node attribute, String where, Set<String> formIds, List<String> problems) {
		String value = attribute.getNodeValue();
		if (CAMUNDA_NS.equals(attribute.getNamespaceURI())) {
			switch (attribute.getLocalName()) {
				case "class" -> checkClass(value, where, problems);
				case "formKey" -> checkFormKey(value, where, problems);
				case "formRef" -> {
					if (!formIds.contains(value)) {
						problems.add(where + ": form " + value + " is not in forms/");
					}
				}
				default -> {
				}
			}
		}
		checkExpressions(value, where, problems);
	}

	private void checkClass(String className, String where, List<String> problems) {
		try {
			Class.forName(className);
		}
		catch (ClassNotFoundException e) {
			problems.add(where + ": class " + className + " does not exist");
		}
	}

	private void checkFormKey(String formKey, String where, List<String> problems) {
		for (String prefix : List.of("camunda-forms:deployment:", "embedded:deployment:", "embedded:app:forms/",
				"camunda-forms:app:forms/")) {
			if (formKey.startsWith(prefix)) {
				String fileName = formKey.substring(prefix.length()).replaceFirst("^forms/", "");
				if (!Files.exists(formsFolder.resolve(fileName))) {
					problems.add(where + ": form file " + fileName + " is not in forms/");
				}
				return;
			}
		}
		problems.add(where + ": form key " + formKey + " does not point into forms/");
	}

	private void checkExpressions(String text, String where, List<String> problems) {
		if (text == null) {
			return;
		}
		Matcher expression = EXPRESSION.matcher(text);
		while (expression.find()) {
			String body = STRING_LITERAL.matcher(expression.group(1)).replaceAll("''");
			Matcher identifier = ROOT_IDENTIFIER.matcher(body);
			while (identifier.find()) {
				String id = identifier.group(1);
				if (!ENGINE_NAMES.contains(id) && !processVariables.contains(id) && !beanExists.test(id)) {
					problems.add(where + ": expression " + expression.group() + " names " + id
							+ ", which is neither a bean nor a process variable");
				}
			}
		}
	}

	private Set<String> formIds() throws IOException {
		Set<String> ids = new HashSet<>();
		if (!Files.isDirectory(formsFolder)) {
			return ids;
		}
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> files = Files.walk(formsFolder)) {
			for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				JsonNode id = json.readTree(form.toFile()).get("id");
				if (id != null) {
					ids.add(id.asText());
				}
			}
		}
		return ids;
	}
}
