package io.tradecore.marketdata;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text file, read without ever holding more than {@link #MAX_LINE} characters of
 * one: a file without line breaks (a binary, a dump of gigabytes) fails on its first line with a
 * message instead of filling the heap. Lines end at {@code \n}, {@code \r} or {@code \r\n}, as
 * {@link java.io.BufferedReader#readLine} has them. Not thread-safe.
 */
final class BoundedLines {
  /** The longest line a file of bars may have; a real row has a few hundred characters at most. */
  static final int MAX_LINE = 65_536;

  private final Reader in;
  private final String source;
  private final char[] buffer = new char[8192];
  private int position;
  private int end;
  private boolean skipLineFeed;
  private int lineNumber;

  BoundedLines(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The number of the line {@link #next} returned last, counting from 1. */
  int lineNumber() {
    return lineNumber;
  }

  /**
   * The next line without its ending, or null at the end of the file.
   *
   * @throws MarketDataException naming the line when it is longer than {@link #MAX_LINE}
   */
  String next() throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position == end && !fill()) {
        if (line == null) {
          return null;
        }
        lineNumber++;
        return line.toString();
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      int start = position;
      while (position < end && buffer[position] != '\n' && buffer[position] != '\r') {
        position++;
      }
      if (line == null && position < end && position - start <= MAX_LINE) {
        // The whole line is in the buffer: one copy, no builder.
        skipLineFeed = buffer[position] == '\r';
        position++;
        lineNumber++;
        return new String(buffer, start, position - 1 - start);
      }
      if (line == null) {
        line = new StringBuilder();
      }
      if (line.length() + position - start > MAX_LINE) {
        throw new MarketDataException(
            source
                + " line "
                + (lineNumber + 1)
                + " is longer than "
                + MAX_LINE
                + " characters; a file of bars has one short row per line (is it a CSV file?)");
      }
      line.append(buffer, start, position - start);
      if (position < end) {
        skipLineFeed = buffer[position] == '\r';
        position++;
        lineNumber++;
        return line.toString();
      }
    }
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      return false;
    }
    position = 0;
    end = read;
    return true;
  }
}
