package io.tradecore.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradecore.app.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mvnw} works on a machine whose default java is 17 (issue 11, item 9): with JAVA_HOME and
 * the PATH's java pointing at a JDK 17, the wrapper runs Maven on a JDK 21 or newer it finds by
 * itself, as {@code ./tradecore} does.
 */
class WrapperJdkTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern JAVA_VERSION = Pattern.compile("Java version: (\\d+)");

  @TempDir Path dir;

  @Test
  void the_wrapper_runs_maven_on_a_jdk_21_or_newer_when_the_default_java_is_17() throws Exception {
    assertMavenRunsOnJdk21(ROOT);
  }

  /** The same for the project {@code tradecore strategy new} writes (it has the repo's wrapper). */
  @Test
  void a_strategy_projects_wrapper_does_too() throws Exception {
    Path data = dir.resolve("data");
    int exit =
        Main.commandLine(Clock.systemUTC(), Map.of("TRADECORE_DATA_DIR", data.toString()))
            .execute("strategy", "new", "mystrat", "--dir", dir.resolve("mystrat").toString());
    assertThat(exit).isZero();

    assertMavenRunsOnJdk21(dir.resolve("mystrat"));
  }

  private void assertMavenRunsOnJdk21(Path project) throws Exception {
    Path ownJdk = Path.of(System.getProperty("java.home")).toRealPath();
    assumeTrue(
        ownJdk.startsWith("/usr/lib/jvm"),
        "the wrapper looks for a newer JDK under /usr/lib/jvm; this one is at " + ownJdk);
    Path jdk17 = fakeJdk17(dir.resolve("jdk-17"));

    ProcessBuilder pb =
        new ProcessBuilder("sh", project.resolve("mvnw").toString(), "--version")
            .directory(project.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("JAVA_HOME", jdk17.toString());
    env.put("PATH", jdk17.resolve("bin") + ":/usr/bin:/bin");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(p.exitValue()).as(out).isZero();
    Matcher m = JAVA_VERSION.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    assertThat(Integer.parseInt(m.group(1))).as(out).isGreaterThanOrEqualTo(21);
  }

  /** A JDK 17 as the wrapper's search sees it: a release file, bin/java and bin/javac. */
  private static Path fakeJdk17(Path home) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
    for (String tool : new String[] {"java", "javac"}) {
      Path script =
          Files.writeString(
              home.resolve("bin").resolve(tool),
              "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\nexit 1\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return home;
  }
}
