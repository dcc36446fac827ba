package io.tradecore.insights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The one way Run Insights opens a run's files: only a regular file whose real path (every link
 * resolved) lies inside the run's root, opened without following a link, and read up to a size cap.
 * A FIFO, device or socket is never opened (opening a FIFO blocks until a writer comes), and a link
 * leading out of the root is never read, so nothing outside the roots can be shown. Problems say
 * what the file is, never what it holds.
 */
final class RunFileAccess {
  private RunFileAccess() {}

  /** A run file that may not or cannot be read; the message is a problem text naming the file. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * What is wrong with the directory entry {@code entry} of a run folder under {@code root} as a
   * run file, or null when it may be read (at {@link #real}); called for entries that are not plain
   * regular files.
   */
  static String problem(Path root, Path entry) {
    try {
      real(root, entry);
      return null;
    } catch (Refused e) {
      return e.getMessage();
    }
  }

  /**
   * The real path of {@code file} after checking that it is a regular file inside {@code root}
   * (following links to find out, without opening anything).
   *
   * @throws Refused when it is a link leading outside the root, a broken link, not a regular file,
   *     or cannot be examined
   */
  static Path real(Path root, Path file) throws Refused {
    String name = file.getFileName().toString();
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      throw new Refused(name + ": missing, or a link to nothing; not read");
    } catch (IOException e) {
      throw new Refused(name + ": cannot be examined (" + e.getClass().getSimpleName() + ")");
    }
    try {
      if (!real.startsWith(root.toRealPath())) {
        throw new Refused(name + ": a link leading outside the run roots; not read");
      }
      BasicFileAttributes a =
          Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()) {
        throw new Refused(
            name
                + ": not a regular file ("
                + (a.isDirectory() ? "a directory" : "a FIFO, device or socket")
                + "); not read");
      }
    } catch (IOException e) {
      throw new Refused(name + ": cannot be examined (" + e.getClass().getSimpleName() + ")");
    }
    return real;
  }

  /** Opens {@code file} for reading after {@link #real}'s checks, refusing a link at the end. */
  static SeekableByteChannel open(Path root, Path file) throws Refused, IOException {
    Path real = real(root, file);
    return Files.newByteChannel(real, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * At most {@code maxBytes} bytes of {@code file} after {@link #real}'s checks.
   *
   * @throws Refused also when the file holds more than {@code maxBytes} bytes
   */
  static byte[] read(Path root, Path file, long maxBytes) throws Refused, IOException {
    try (SeekableByteChannel ch = open(root, file);
        InputStream in = Channels.newInputStream(ch)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new Refused(
            file.getFileName() + ": too large to read (more than " + maxBytes + " bytes)");
      }
      return bytes;
    }
  }
}
