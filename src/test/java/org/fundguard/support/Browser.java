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

	/** Waits until the element shows this text: after a form's post the element of the page being left may still answer. */
	public void waitForTextOf(By locator, String text) {
		waitUntil(locator + " showing " + text, d -> d.findElements(locator).stream().anyMatch(e -> {
			try {
				return text.equals(e.getText());
			}
			catch (org.openqa.selenium.StaleElementReferenceException gone) {
				return false;
			}
		}));
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

	/**
	 * Fills in Keycloak's own login form, the way a user would, and when Keycloak then asks for the one-time code (the
	 * realm's two-factor policy for directors, legal reviewers, report handlers and administrators) gives the one the
	 * demo user's authenticator would show.
	 */
	public void signInAtKeycloak(String username, String password) {
		enterPassword(username, password);
		DemoUsers.otpSecret(username).ifPresent(this::answerOneTimeCodeIfAsked);
	}

	/** The login form's first step alone: user name and password. */
	public void enterPassword(String username, String password) {
		waitFor(By.id("username")).sendKeys(username);
		WebElement passwordField = driver.findElement(By.id("password"));
		passwordField.sendKeys(password);
		driver.findElement(By.id("kc-login")).click();
		waitForNextPage(passwordField);
	}

	/** Is Keycloak asking for the one-time code (its OTP form)? */
	public boolean asksForOneTimeCode() {
		return atKeycloak() && isPresent(By.id("otp"));
	}

	/** Types this code into Keycloak's OTP form and sends it; returns once the next page is there. */
	public void enterOneTimeCode(String code) {
		WebElement field = waitFor(By.id("otp"));
		field.sendKeys(code);
		driver.findElement(By.id("kc-login")).click();
		waitForNextPage(field);
	}

	/**
	 * Answers Keycloak's OTP step with a fresh code of this secret, when Keycloak asks (a Keycloak whose realm predates
	 * the policy does not). Another test run signing in as the same user may have spent the same code a moment
	 * before (Keycloak takes each code once): then it tries the next one.
	 */
	public void answerOneTimeCodeIfAsked(byte[] secret) {
		for (int attempt = 1; asksForOneTimeCode(); attempt++) {
			if (attempt > 1) {
				if (attempt > 3) {
					throw new AssertionError("Keycloak refused " + (attempt - 1) + " one-time codes at " + driver.getCurrentUrl()
							+ " (screenshot " + screenshot("otp-refused-" + System.currentTimeMillis()) + ")");
				}
				Totp.pauseAfterRefusal();
			}
			enterOneTimeCode(Totp.freshCode(secret));
		}
	}

	private boolean atKeycloak() {
		return driver.getCurrentUrl().startsWith(Services.keycloakUrl());
	}

	/** After a submit: the old page is gone and the new one loaded (checks on the old page would see stale fields). */
	private void waitForNextPage(WebElement onOldPage) {
		waitUntil("the page after the submit", ExpectedConditions.stalenessOf(onOldPage));
		waitUntil("the page to load", d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("return document.readyState")));
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
