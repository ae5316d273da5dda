package org.fundguard.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One BPMN file read as XML, for the checks that look at the model's shape rather than at what the engine makes of
 * it: ids, forms, glue expressions, diagram. Problems are reported as {@code "<file>: <element> <id>: <what>"}.
 */
record BpmnModel(String name, Document document) {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
	static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
	static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
	static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	static BpmnModel read(Path file) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return new BpmnModel(file.getFileName().toString(), factory.newDocumentBuilder().parse(file.toFile()));
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot read " + file, e);
		}
	}

	/** Every {@code .bpmn} file under the folder, by name. */
	static List<BpmnModel> readAll(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().map(BpmnModel::read).toList();
		}
	}

	/** The model's elements in document order, depth first. */
	List<Element> elements() {
		List<Element> all = new ArrayList<>();
		collect(document.getDocumentElement(), all);
		return all;
	}

	List<Element> elements(String namespace, String localName) {
		return elements().stream()
			.filter(e -> namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()))
			.toList();
	}

	/** How a problem names an element: its type and the id of it or of its nearest ancestor that has one. */
	String where(Element element) {
		return name + ": " + element.getLocalName() + " " + nearestId(element);
	}

	static String nearestId(Element element) {
		for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
			if (!e.getAttribute("id").isEmpty()) {
				return e.getAttribute("id");
			}
		}
		return "";
	}

	/** The {@code bpmn:process} an element lies in, or null (messages, errors, the diagram). */
	static Element processOf(Element element) {
		for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
			if (BPMN.equals(e.getNamespaceURI()) && "process".equals(e.getLocalName())) {
				return e;
			}
		}
		return null;
	}

	static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				children.add(e);
			}
		}
		return children;
	}

	private static void collect(Element element, List<Element> all) {
		all.add(element);
		for (Element child : children(element)) {
			collect(child, all);
		}
	}
}
