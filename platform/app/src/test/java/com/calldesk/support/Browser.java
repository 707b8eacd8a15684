package com.calldesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: both paths are set, so Selenium never
 * tries to download a browser or driver. A failing test leaves a screenshot under target/e2e/.
 */
public final class Browser implements TestWatcher, AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "e2e");

	private final ChromeDriver driver;

	private final String base;

	public Browser(String base) {
		this.base = base;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("calldesk.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,1600", "--lang=zh-CN", "--user-data-dir=" + tempDir());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(System.getProperty("calldesk.chromedriver", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	public String base() {
		return base;
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public WebElement find(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public void type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
	}

	/** The element's text; an element replaced by a page that is still loading is looked up again. */
	public String text(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> find(by).getText());
	}

	/** Submits a form with its button and waits for the page it leads to, so nothing is read off the old one. */
	public void submit(By button) {
		WebElement clicked = find(button);
		clicked.click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(clicked));
	}

	public WebDriver driver() {
		return driver;
	}

	public void forgetSession() {
		driver.manage().deleteAllCookies();
	}

	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		screenshot("FAILED-" + context.getDisplayName().replaceAll("[^A-Za-z0-9]", "_"));
	}

	@Override
	public void close() {
		driver.quit();
	}

	private static String tempDir() {
		try {
			return Files.createTempDirectory("calldesk-chromium").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
