package io.tradecore.web.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium, driven by Playwright headless. Playwright never downloads a browser here
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1, set by the module's surefire configuration). Without
 * /usr/bin/chromium the browser tests skip with the reason printed, unless
 * TRADECORE_REQUIRE_CHROMIUM=1 (set by CI) makes them fail.
 */
public final class Chromium {
  static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

  private Chromium() {}

  /** Skips (or, with TRADECORE_REQUIRE_CHROMIUM=1, fails) when chromium is not installed. */
  public static void assumeInstalled() {
    if (Files.isExecutable(EXECUTABLE)) {
      return;
    }
    String reason = EXECUTABLE + " is missing: install Debian's chromium to run the browser tests";
    if ("1".equals(System.getenv("TRADECORE_REQUIRE_CHROMIUM"))) {
      throw new IllegalStateException(reason + " (TRADECORE_REQUIRE_CHROMIUM=1)");
    }
    System.out.println("SKIPPED: " + reason);
    Assumptions.abort(reason);
  }

  /** Launches headless chromium with the flags a sandboxed CI machine needs. */
  public static Browser launch(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run")));
  }
}
