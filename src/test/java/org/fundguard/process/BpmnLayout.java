package org.fundguard.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.w3c.dom.Element;

/**
 * Reads a model's diagram (BPMNDI) the way a person reads it in Camunda Modeler and reports what makes it unreadable:
 * a flow node or sequence flow that is not drawn, shapes on top of each other, a label on a shape or on another label,
 * an edge that does not start and end on the border of its source and target or that runs through a shape or a label,
 * a boundary event off its host's border, a node outside the expanded sub-process it belongs to. A boundary event
 * overlaps its host and an expanded sub-process its contents by design; those pairs are not reported.
 */
final class BpmnLayout {

	/** How far (pixels) a point may lie from a border and still be on it. */
	private static final double TOLERANCE = 3;

	private static final Set<String> TASKS = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
			"scriptTask", "businessRuleTask", "manualTask", "callActivity");
	private static final Set<String> EVENTS = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
			"intermediateThrowEvent", "boundaryEvent");
	private static final Set<String> CONTAINERS = Set.of("subProcess", "transaction", "adHocSubProcess");

	record Point(double x, double y) {
	}

	record Box(double x, double y, double width, double height) {

		double centerX() {
			return x + width / 2;
		}

		double centerY() {
			return y + height / 2;
		}

		boolean overlaps(Box o) {
			return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
		}

		boolean contains(Point p) {
			return p.x >= x && p.x <= x + width && p.y >= y && p.y <= y + height;
		}
	}

	/** A flow node as drawn: its BPMN element, the shape's bounds, the label's as bpmn-js places it. */
	private record Node(Element element, Box box, Box label, boolean expanded) {

		String id() {
			return element.getAttribute("id");
		}

		String type() {
			return element.getLocalName();
		}
	}

	private record Edge(Element element, List<Point> waypoints, Box label) {
	}

	List<String> check(List<BpmnModel> models) {
		List<String> problems = new ArrayList<>();
		for (BpmnModel model : models) {
			check(model, problems);
		}
		return problems;
	}

	private void check(BpmnModel model, List<String> problems) {
		Map<String, Element> elements = new HashMap<>();
		for (Element e : model.elements()) {
			if (BpmnModel.BPMN.equals(e.getNamespaceURI()) && !e.getAttribute("id").isEmpty()) {
				elements.put(e.getAttribute("id"), e);
			}
		}
		Map<String, Node> nodes = new LinkedHashMap<>();
		for (Element shape : model.elements(BpmnModel.BPMNDI, "BPMNShape")) {
			Element element = elements.get(shape.getAttribute("bpmnElement"));
			if (element == null) {
				problems.add(model.name() + ": shape " + shape.getAttribute("id") + " draws no element of the model");
				continue;
			}
			Box box = bounds(shape);
			String name = element.getAttribute("name");
			Box label = EVENTS.contains(element.getLocalName()) || element.getLocalName().endsWith("Gateway")
					? name.isBlank() ? null : BpmnLabels.ofShape(name, box, labelBounds(shape)) : null;
			nodes.put(element.getAttribute("id"), new Node(element, box, label,
					CONTAINERS.contains(element.getLocalName()) && !"false".equals(shape.getAttribute("isExpanded"))));
		}
		Map<String, Edge> edges = new LinkedHashMap<>();
		for (Element edge : model.elements(BpmnModel.BPMNDI, "BPMNEdge")) {
			Element element = elements.get(edge.getAttribute("bpmnElement"));
			if (element == null) {
				problems.add(model.name() + ": edge " + edge.getAttribute("id") + " draws no element of the model");
				continue;
			}
			List<Point> waypoints = BpmnModel.children(edge)
				.stream()
				.filter(w -> "waypoint".equals(w.getLocalName()))
				.map(w -> new Point(number(w, "x"), number(w, "y")))
				.toList();
			String name = element.getAttribute("name");
			Box label = name.isBlank() || waypoints.size() < 2 ? null
					: BpmnLabels.ofEdge(name, waypoints, labelBounds(edge));
			edges.put(element.getAttribute("id"), new Edge(element, waypoints, label));
		}
		for (Element e : elements.values().stream().sorted(BpmnLayout::inDocumentOrder).toList()) {
			if (isFlowNode(e) && !nodes.containsKey(e.getAttribute("id"))) {
				problems.add(model.where(e) + ": has no shape in the diagram");
			}
			if ("sequenceFlow".equals(e.getLocalName()) && !edges.containsKey(e.getAttribute("id"))) {
				problems.add(model.where(e) + ": has no edge in the diagram");
			}
		}
		List<Node> drawn = new ArrayList<>(nodes.values());
		Map<String, Box> labels = labels(drawn, edges.values());
		checkShapes(model, drawn, nodes, problems);
		checkLabels(model, drawn, labels, elements, problems);
		for (Edge edge : edges.values()) {
			checkEdge(model, edge, nodes, drawn, labels, problems);
		}
	}

	/** The labels as drawn, by the id of the element they name. */
	private static Map<String, Box> labels(List<Node> drawn, Iterable<Edge> edges) {
		Map<String, Box> labels = new LinkedHashMap<>();
		for (Node n : drawn) {
			if (n.label() != null) {
				labels.put(n.id(), n.label());
			}
		}
		for (Edge e : edges) {
			if (e.label() != null) {
				labels.put(e.element().getAttribute("id"), e.label());
			}
		}
		return labels;
	}

	private void checkShapes(BpmnModel model, List<Node> drawn, Map<String, Node> nodes, List<String> problems) {
		for (int i = 0; i < drawn.size(); i++) {
			Node a = drawn.get(i);
			if ("boundaryEvent".equals(a.type())) {
				Node host = nodes.get(a.element().getAttribute("attachedToRef"));
				if (host != null && !onRectangle(new Point(a.box().centerX(), a.box().centerY()), host.box())) {
					problems.add(model.where(a.element()) + ": does not sit on the border of " + host.id());
				}
			}
			for (Node container : drawn) {
				if (container.expanded() && inside(a.element(), container.element()) && !"boundaryEvent".equals(a.type())
						&& !within(a.box(), container.box())) {
					problems.add(model.where(a.element()) + ": lies outside its sub-process " + container.id());
				}
			}
			for (Node b : drawn.subList(i + 1, drawn.size())) {
				if (a.box().overlaps(b.box()) && !attached(a, b) && !attached(b, a) && !encloses(a, b)
						&& !encloses(b, a)) {
					problems.add(model.name() + ": shapes " + a.id() + " and " + b.id() + " overlap");
				}
			}
		}
	}

	private void checkLabels(BpmnModel model, List<Node> drawn, Map<String, Box> labels, Map<String, Element> owners,
			List<String> problems) {
		List<String> ids = new ArrayList<>(labels.keySet());
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			Box label = labels.get(id);
			for (Node shape : drawn) {
				boolean container = shape.expanded() && inside(owners.get(id), shape.element());
				if (!shape.id().equals(id) && !container && label.overlaps(shape.box())) {
					problems.add(model.name() + ": the label of " + id + " lies on the shape " + shape.id());
				}
			}
			for (String other : ids.subList(i + 1, ids.size())) {
				if (label.overlaps(labels.get(other))) {
					problems.add(model.name() + ": the labels of " + id + " and " + other + " overlap");
				}
			}
		}
	}

	private void checkEdge(BpmnModel model, Edge edge, Map<String, Node> nodes, List<Node> drawn,
			Map<String, Box> labels, List<String> problems) {
		String where = model.where(edge.element());
		List<Point> points = edge.waypoints();
		if (points.size() < 2) {
			problems.add(where + ": the edge has fewer than two waypoints");
			return;
		}
		Node source = nodes.get(edge.element().getAttribute("sourceRef"));
		Node target = nodes.get(edge.element().getAttribute("targetRef"));
		if (source != null && !onBorder(points.get(0), source)) {
			problems.add(where + ": the edge does not start on the border of " + source.id());
		}
		if (target != null && !onBorder(points.get(points.size() - 1), target)) {
			problems.add(where + ": the edge does not end on the border of " + target.id());
		}
		for (Node shape : drawn) {
			boolean own = shape == source || shape == target
					|| shape.expanded() && inside(edge.element(), shape.element());
			if (!own && crosses(points, p -> inside(p, shape, -TOLERANCE))) {
				problems.add(where + ": the edge runs through " + shape.id());
			}
		}
		String id = edge.element().getAttribute("id");
		labels.forEach((owner, label) -> {
			Box inner = new Box(label.x() + 1, label.y() + 1, label.width() - 2, label.height() - 2);
			if (!owner.equals(id) && crosses(points, inner::contains)) {
				problems.add(where + ": the edge runs through the label of " + owner);
			}
		});
	}

	/** Whether any point of the path lies in the area. */
	private static boolean crosses(List<Point> points, Predicate<Point> area) {
		for (int i = 1; i < points.size(); i++) {
			Point a = points.get(i - 1);
			Point b = points.get(i);
			double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
			int steps = Math.max(1, (int) Math.ceil(length / 2));
			for (int s = 0; s <= steps; s++) {
				Point p = new Point(a.x() + (b.x() - a.x()) * s / steps, a.y() + (b.y() - a.y()) * s / steps);
				if (area.test(p)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean onBorder(Point p, Node shape) {
		return inside(p, shape, TOLERANCE) && !inside(p, shape, -TOLERANCE);
	}

	/** Whether the point lies within the shape's outline (circle, diamond or rectangle) grown by margin. */
	private static boolean inside(Point p, Node shape, double margin) {
		Box b = shape.box();
		double dx = Math.abs(p.x() - b.centerX());
		double dy = Math.abs(p.y() - b.centerY());
		if (EVENTS.contains(shape.type())) {
			return Math.hypot(dx, dy) <= b.width() / 2 + margin;
		}
		if (shape.type().endsWith("Gateway")) {
			// |dx|/a + |dy|/b <= 1 for the diamond, the margin taken along its edges' normal
			double a = b.width() / 2;
			double h = b.height() / 2;
			return (dx * h + dy * a) / Math.hypot(a, h) <= a * h / Math.hypot(a, h) + margin;
		}
		return dx <= b.width() / 2 + margin && dy <= b.height() / 2 + margin;
	}

	private static boolean within(Box inner, Box outer) {
		return inner.x() >= outer.x() - TOLERANCE && inner.y() >= outer.y() - TOLERANCE
				&& inner.x() + inner.width() <= outer.x() + outer.width() + TOLERANCE
				&& inner.y() + inner.height() <= outer.y() + outer.height() + TOLERANCE;
	}

	private static boolean onRectangle(Point p, Box b) {
		boolean withinX = p.x() >= b.x() - TOLERANCE && p.x() <= b.x() + b.width() + TOLERANCE;
		boolean withinY = p.y() >= b.y() - TOLERANCE && p.y() <= b.y() + b.height() + TOLERANCE;
		boolean onVertical = Math.abs(p.x() - b.x()) <= TOLERANCE || Math.abs(p.x() - b.x() - b.width()) <= TOLERANCE;
		boolean onHorizontal = Math.abs(p.y() - b.y()) <= TOLERANCE
				|| Math.abs(p.y() - b.y() - b.height()) <= TOLERANCE;
		return withinX && withinY && (onVertical || onHorizontal);
	}

	private static boolean attached(Node event, Node host) {
		return "boundaryEvent".equals(event.type()) && host.id().equals(event.element().getAttribute("attachedToRef"));
	}

	private static boolean encloses(Node container, Node node) {
		return container.expanded() && inside(node.element(), container.element());
	}

	private static boolean inside(Element element, Element container) {
		for (org.w3c.dom.Node n = element.getParentNode(); n != null; n = n.getParentNode()) {
			if (n == container) {
				return true;
			}
		}
		return false;
	}

	private static boolean isFlowNode(Element e) {
		String type = e.getLocalName();
		return BpmnModel.BPMN.equals(e.getNamespaceURI()) && (TASKS.contains(type) || EVENTS.contains(type)
				|| CONTAINERS.contains(type) || type.endsWith("Gateway"));
	}

	private static int inDocumentOrder(Element a, Element b) {
		short position = a.compareDocumentPosition(b);
		return (position & org.w3c.dom.Node.DOCUMENT_POSITION_FOLLOWING) != 0 ? -1 : a == b ? 0 : 1;
	}

	private static Box bounds(Element diagramElement) {
		for (Element child : BpmnModel.children(diagramElement)) {
			if ("Bounds".equals(child.getLocalName())) {
				return new Box(number(child, "x"), number(child, "y"), number(child, "width"),
						number(child, "height"));
			}
		}
		throw new IllegalStateException(diagramElement.getAttribute("id") + " has no bounds");
	}

	private static Box labelBounds(Element diagramElement) {
		for (Element child : BpmnModel.children(diagramElement)) {
			if ("BPMNLabel".equals(child.getLocalName())) {
				return bounds(child);
			}
		}
		return null;
	}

	private static double number(Element element, String attribute) {
		return Double.parseDouble(element.getAttribute(attribute));
	}
}
