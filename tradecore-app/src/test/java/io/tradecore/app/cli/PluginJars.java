package io.tradecore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Plug-in jars for tests: Java sources compiled with javax.tools against the app's class path. */
final class PluginJars {
  private PluginJars() {}

  /**
   * Compiles the {@code .java} files under {@code sources} and jars the classes with the files
   * under {@code resources} (the service registration) into {@code jar}.
   */
  static Path compile(Path sources, Path resources, Path jar) throws IOException {
    Path classes = Files.createTempDirectory("plugin-classes");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      boolean ok =
          javac
              .getTask(
                  errors,
                  fm,
                  null,
                  List.of(
                      "--release",
                      "21",
                      "-d",
                      classes.toString(),
                      "-classpath",
                      System.getProperty("java.class.path")),
                  null,
                  fm.getJavaFileObjectsFromPaths(files))
              .call();
      assertThat(ok).as("javac: %s", errors).isTrue();
    }
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, classes);
      add(out, resources);
    }
    return jar;
  }

  /** Writes {@code files} (relative path to text) under {@code dir}. */
  static Path write(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    return dir;
  }

  private static void add(JarOutputStream out, Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    for (Path f : files) {
      out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
      out.write(Files.readAllBytes(f));
      out.closeEntry();
    }
  }
}
