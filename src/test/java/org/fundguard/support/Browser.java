package org.fundguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver: a real browser, a real Keycloak login page.
 * Screenshots go to target/screenshots as test artifacts.
 */
public final class Browser implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final WebDriver driver;
	private final Path profile;

	public Browser() {
		try {
			profile = Files.createTempDirectory("fundguard-chromium");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(env("FUNDGUARD_CHROMIUM", "/usr/bin/chromium"));
		// this machine has no outside network: Chromium's own background traffic would only fail and slow it down
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(env("FUNDGUARD_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String url) {
		driver.get(url);
	}

	public WebElement waitFor(By locator) {
		return waitUntil(locator.toString(), ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public void waitForText(String text) {
		waitUntil("text " + text, d -> d.getPageSource().contains(text));
	}

	/** Waits until the browser has arrived at this address (text checks can match the page being left). */
	public void waitForUrl(String url) {
		waitUntil("url " + url, d -> url.equals(d.getCurrentUrl()));
	}

	/** Waits, and on a timeout says where the browser really is and keeps a screenshot of it. */
	private <T> T waitUntil(String what, java.util.function.Function<WebDriver, T> condition) {
		try {
			return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
		}
		catch (TimeoutException e) {
			Path shot = screenshot("failed-" + System.currentTimeMillis());
			String text = driver.findElement(By.tagName("body")).getText();
			throw new AssertionError("waited in vain for " + what + " at " + driver.getCurrentUrl() + " (screenshot "
					+ shot + "); the page says: " + text.substring(0, Math.min(600, text.length())), e);
		}
	}

	public boolean isPresent(By locator) {
		return !driver.findElements(locator).isEmpty();
	}

	/** Fills in Keycloak's own login form, the way a user would. */
	public void signInAtKeycloak(String username, String password) {
		waitFor(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("kc-login")).click();
	}

	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// a leftover temporary profile is harmless
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
