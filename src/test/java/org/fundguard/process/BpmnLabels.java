package org.fundguard.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Where bpmn-js (and so Camunda Modeler and Cockpit) draws the external label of an event, a gateway or a sequence
 * flow, worked out as its {@code LabelUtil} and {@code TextRenderer} do: centred on the label bounds of the diagram
 * (or below the shape, or beside the middle of the edge when there are none), text wrapped into lines of at most 90
 * pixels of 11-pixel type. Text width is estimated per character (a Chinese character is one em wide), which is what a
 * layout check needs: whether the words would sit on top of something.
 */
final class BpmnLabels {

	static final double WIDTH = 90;
	private static final double DEFAULT_HEIGHT = 20;
	private static final double FLOW_INDENT = 15;
	private static final double FONT_SIZE = 11;
	private static final double LINE_HEIGHT = FONT_SIZE * 1.2;

	private BpmnLabels() {
	}

	/** The label of a shape: below it unless the diagram gives label bounds. */
	static BpmnLayout.Box ofShape(String text, BpmnLayout.Box shape, BpmnLayout.Box diagramLabel) {
		if (diagramLabel != null) {
			return ofDiagramBounds(text, diagramLabel);
		}
		return around(text, shape.centerX(), shape.y() + shape.height() + DEFAULT_HEIGHT / 2);
	}

	/** The label of an edge: beside the middle of its waypoints unless the diagram gives label bounds. */
	static BpmnLayout.Box ofEdge(String text, List<BpmnLayout.Point> waypoints, BpmnLayout.Box diagramLabel) {
		if (diagramLabel != null) {
			return ofDiagramBounds(text, diagramLabel);
		}
		double mid = waypoints.size() / 2.0 - 1;
		BpmnLayout.Point first = waypoints.get((int) Math.floor(mid));
		BpmnLayout.Point second = waypoints.get((int) Math.ceil(mid + 0.01));
		double x = first.x() + (second.x() - first.x()) / 2;
		double y = first.y() + (second.y() - first.y()) / 2;
		double angle = Math.atan((second.y() - first.y()) / (second.x() - first.x()));
		if (Math.abs(angle) < Math.PI / 2) {
			y -= FLOW_INDENT;
		}
		else {
			x += FLOW_INDENT;
		}
		return around(text, x, y);
	}

	private static BpmnLayout.Box ofDiagramBounds(String text, BpmnLayout.Box bounds) {
		double[] size = size(text);
		return new BpmnLayout.Box(bounds.centerX() - size[0] / 2, bounds.y(), size[0], size[1]);
	}

	private static BpmnLayout.Box around(String text, double midX, double midY) {
		double[] size = size(text);
		return new BpmnLayout.Box(midX - size[0] / 2, midY - DEFAULT_HEIGHT / 2, size[0], size[1]);
	}

	/** Width and height of the wrapped text. */
	static double[] size(String text) {
		List<String> lines = lines(text);
		double width = lines.stream().mapToDouble(BpmnLabels::width).max().orElse(0);
		return new double[] { Math.ceil(width), Math.ceil(lines.size() * LINE_HEIGHT) };
	}

	/** diagram-js's line breaking: shorten a line in proportion, at a space or hyphen if one fits, until it fits. */
	static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\\r?\\n")) {
			String rest = paragraph.trim();
			while (!rest.isEmpty()) {
				String line = rest;
				while (width(line) >= WIDTH && line.length() > 1) {
					double length = Math.max(line.length() * (WIDTH / width(line)), 1);
					String shortened = semanticShorten(line, length);
					line = shortened.isEmpty() ? line.substring(0, (int) Math.max(Math.round(length - 1), 1))
							: shortened;
				}
				lines.add(line);
				rest = rest.substring(line.length()).trim();
			}
		}
		return lines;
	}

	private static String semanticShorten(String line, double maxLength) {
		String[] parts = line.split("(?<=[\\s-])|(?=[\\s-])");
		if (parts.length <= 1) {
			return "";
		}
		StringBuilder shortened = new StringBuilder();
		for (String part : parts) {
			if (part.isEmpty() || part.length() + shortened.length() >= maxLength) {
				break;
			}
			shortened.append(part);
		}
		return shortened.toString();
	}

	static double width(String line) {
		double width = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			width += c > 0x2e7f ? FONT_SIZE : Character.isWhitespace(c) ? FONT_SIZE * 0.28
					: Character.isLetterOrDigit(c) ? FONT_SIZE * 0.56 : FONT_SIZE * 0.33;
		}
		return width;
	}
}
