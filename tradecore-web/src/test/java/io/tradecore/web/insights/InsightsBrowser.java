package io.tradecore.web.insights;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.tradecore.web.browser.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless chromium for the Run Insights page (see {@link Chromium}: the tests skip without it,
 * unless TRADECORE_REQUIRE_CHROMIUM=1); screenshots go to target/screenshots/. Closing it closes
 * the browser.
 */
final class InsightsBrowser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final Browser browser;

  private InsightsBrowser(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Skips (or fails) when chromium is missing, else launches it. */
  static InsightsBrowser launch() throws IOException {
    Chromium.assumeInstalled();
    Playwright playwright = Playwright.create();
    try {
      Browser browser = Chromium.launch(playwright);
      Files.createDirectories(SCREENSHOTS);
      return new InsightsBrowser(playwright, browser);
    } catch (IOException | RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A fresh context of 1360 x 1000 in en-US whose waits give up after 20 s. */
  BrowserContext context() {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(1360, 1000).setLocale("en-US"));
    context.setDefaultTimeout(20_000);
    return context;
  }

  /** A new page of {@code context} whose uncaught script errors are added to {@code errors}. */
  static Page page(BrowserContext context, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    return page;
  }

  /**
   * As {@link #page}, with the Content-Security-Policy violations the console reports added too:
   * the page must run under the server's policy as it is.
   */
  static Page pageUnderPolicy(BrowserContext context, List<String> errors) {
    Page page = page(context, errors);
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            errors.add(m.text());
          }
        });
    return page;
  }

  /**
   * Waits until the JavaScript {@code expression} is true, evaluating it from here: Playwright's
   * own waitForFunction evaluates a string inside the page, which the page's
   * Content-Security-Policy (no 'unsafe-eval') rightly refuses.
   */
  static void waitFor(Page page, String expression) {
    page.waitForCondition(() -> Boolean.TRUE.equals(page.evaluate("() => !!(" + expression + ")")));
  }

  /** Full-page screenshot options writing target/screenshots/{@code name}.png. */
  static Page.ScreenshotOptions shot(String name) {
    return new Page.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve(name + ".png"))
        .setFullPage(true);
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
