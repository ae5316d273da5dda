package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fundguard.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Draws every model of {@code bpmn/} with bpmn-js, the renderer of Camunda Modeler and Cockpit, in headless Chromium,
 * and keeps a picture of each in {@code target/bpmn-screenshots/}. A model fails when bpmn-js cannot import it, warns
 * while importing (an unresolved reference, a diagram element for nothing) or leaves one of its flow elements undrawn.
 * Needs no running service: the viewer comes from the bpmn-js webjar on the test classpath.
 */
class BpmnRenderingBrowserIT {

	static final Path SCREENSHOTS = Path.of("target", "bpmn-screenshots");
	private static final Path PAGE = Path.of("target", "bpmn-render");
	private static final String DIST = "META-INF/resources/webjars/bpmn-js/*/dist/";
	private static final int MARGIN = 40;
	/** Large enough for the widest model at full size, small enough for Chromium's screenshot. */
	private static final int MAX_WIDTH = 4200;
	private static final int MAX_HEIGHT = 2400;

	static Browser browser;

	@BeforeAll
	static void openTheViewer() throws IOException {
		Files.createDirectories(PAGE);
		copy(DIST + "bpmn-viewer.development.js", "bpmn-viewer.js");
		copy(DIST + "assets/diagram-js.css", "diagram-js.css");
		copy(DIST + "assets/bpmn-font/css/bpmn-embedded.css", "bpmn-embedded.css");
		Files.writeString(PAGE.resolve("viewer.html"), """
				<!DOCTYPE html>
				<html lang="zh-CN"><head><meta charset="utf-8">
				<link rel="stylesheet" href="diagram-js.css"><link rel="stylesheet" href="bpmn-embedded.css">
				<style>html, body, #canvas { margin: 0; width: 100%; height: 100%; background: white; }</style>
				<script src="bpmn-viewer.js"></script></head>
				<body><div id="canvas"></div></body></html>
				""", StandardCharsets.UTF_8);
		browser = new Browser();
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		browser.open(PAGE.resolve("viewer.html").toAbsolutePath().toUri().toString());
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void everyModelRendersWithoutWarningsAndIsKeptAsAPicture() throws IOException {
		List<Path> models;
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
		}
		assertThat(models).isNotEmpty();
		for (Path model : models) {
			Map<String, Object> result = render(model);
			Path picture = screenshot(model, result);

			assertThat(result.get("error")).as("%s: bpmn-js's import error (picture %s)", model, picture).isNull();
			assertThat((List<?>) result.get("warnings")).as("%s: bpmn-js's import warnings", model).isEmpty();
			assertThat((List<?>) result.get("undrawn")).as("%s: flow elements bpmn-js did not draw", model).isEmpty();
			assertThat(picture).isNotEmptyFile();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aModelWithABrokenDiagramIsReported() {
		Map<String, Object> result = render(Path.of("src/test/resources/guard/layout/broken.bpmn"));

		assertThat((List<?>) result.get("warnings")).anySatisfy(w -> assertThat(w.toString()).contains("Task_Ghost"));
		assertThat((List<Object>) result.get("undrawn")).containsExactlyInAnyOrder("Task_NotDrawn", "Flow_NotDrawn");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> render(Path model) {
		String xml;
		try {
			xml = Files.readString(model, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const xml = arguments[0], done = arguments[arguments.length - 1];
				if (window.viewer) { window.viewer.destroy(); }
				const viewer = window.viewer = new BpmnJS({ container: '#canvas' });
				const messages = ws => (ws || []).map(w => String(w.message || w));
				viewer.importXML(xml).then(result => {
				  const registry = viewer.get('elementRegistry');
				  const undrawn = [];
				  const walk = container => (container.flowElements || []).forEach(e => {
				    if (!registry.get(e.id)) { undrawn.push(e.id); }
				    walk(e);
				  });
				  viewer.getDefinitions().rootElements.filter(r => r.$type === 'bpmn:Process').forEach(walk);
				  const box = viewer.get('canvas').viewbox().inner;
				  done({ warnings: messages(result.warnings), undrawn, x: box.x, y: box.y, width: box.width,
				    height: box.height });
				}).catch(err => done({ error: String(err.message || err), warnings: messages(err.warnings), undrawn: [] }));
				""", xml);
	}

	/** The whole diagram at full size where it fits, else scaled down to fit. */
	private static Path screenshot(Path model, Map<String, Object> diagram) throws IOException {
		if (diagram.get("width") != null) {
			double width = ((Number) diagram.get("width")).doubleValue() + 2 * MARGIN;
			double height = ((Number) diagram.get("height")).doubleValue() + 2 * MARGIN;
			double scale = Math.min(1, Math.min(MAX_WIDTH / width, MAX_HEIGHT / height));
			List<?> chrome = (List<?>) ((JavascriptExecutor) browser.driver())
				.executeScript("return [outerWidth - innerWidth, outerHeight - innerHeight];");
			browser.driver().manage().window().setSize(new Dimension(
					(int) (width * scale) + ((Number) chrome.get(0)).intValue(),
					(int) (height * scale) + ((Number) chrome.get(1)).intValue()));
			// should the viewport still differ from the size asked for, fit the diagram into it
			((JavascriptExecutor) browser.driver()).executeScript("""
					const [x, y, width, height] = arguments;
					const canvas = window.viewer.get('canvas');
					canvas.resized();
					const scale = Math.min(window.innerWidth / width, window.innerHeight / height);
					canvas.viewbox({ x, y, width: window.innerWidth / scale, height: window.innerHeight / scale });
					""", ((Number) diagram.get("x")).doubleValue() - MARGIN,
					((Number) diagram.get("y")).doubleValue() - MARGIN, width, height);
		}
		Files.createDirectories(SCREENSHOTS);
		Path target = SCREENSHOTS.resolve(model.getFileName().toString().replace(".bpmn", ".png"));
		Path shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	private static void copy(String pattern, String name) throws IOException {
		Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern);
		assertThat(found).as("bpmn-js webjar resource %s", pattern).hasSize(1);
		try (InputStream in = found[0].getInputStream()) {
			Files.copy(in, PAGE.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
