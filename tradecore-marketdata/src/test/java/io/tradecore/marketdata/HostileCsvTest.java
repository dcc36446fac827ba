package io.tradecore.marketdata;

import static io.tradecore.marketdata.CsvFiles.YAHOO_HEADER;
import static io.tradecore.marketdata.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to hurt the reader: a number of a million digits, a file without line breaks, escape
 * sequences in a header, digits of another script. Each fails on one short line that never quotes
 * the file's raw text at length.
 */
class HostileCsvTest {
  @TempDir Path dir;

  @Test
  void a_number_of_a_million_digits_is_refused_by_its_length_and_not_quoted() {
    Path million =
        write(
            dir,
            "huge.csv",
            YAHOO_HEADER,
            "2014-01-02," + "9".repeat(1_000_000) + ",11,9,10.5,10.4,1000");
    Path sixtyThousand =
        write(dir, "long.csv", YAHOO_HEADER, "2014-01-02,10,11,9,10.5,10.4," + "9".repeat(60_000));

    assertThatThrownBy(() -> CsvBarReader.read(million, "X", "USD"))
        .hasMessage(
            "huge.csv line 2 is longer than 65536 characters; a file of bars has one short row per"
                + " line (is it a CSV file?)");
    assertThatThrownBy(() -> CsvBarReader.read(sixtyThousand, "X", "USD"))
        .hasMessage("long.csv line 2: volume has 60000 characters (a number has at most 40)");
  }

  @Test
  void a_file_without_line_breaks_fails_on_its_first_line_without_holding_it() throws IOException {
    Path file = dir.resolve("blob.csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(YAHOO_HEADER);
      for (int i = 0; i < 100_000; i++) {
        out.write(",2014-01-02,10,11,9,10.5,10.4,1000");
      }
    }

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .hasMessage(
            "blob.csv line 1 is longer than 65536 characters; a file of bars has one short row per"
                + " line (is it a CSV file?)");
  }

  @Test
  void escape_sequences_in_a_header_are_shown_as_question_marks() {
    Path file = write(dir, "ansi.csv", "\u001b[2J\u001b[31mDate,Open,Shut", "2014-01-02,1,2");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .message()
        .startsWith("ansi.csv: header '?[2J?[31mDate,Open,Shut' matches no known format")
        .doesNotContain("\u001b");
  }

  @Test
  void a_long_header_is_cut_in_the_message() {
    Path file = write(dir, "wide.csv", "x".repeat(5000), "1,2");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .message()
        .startsWith("wide.csv: header '" + "x".repeat(100) + "... (5000 characters)' matches");
  }

  @Test
  void full_width_digits_are_not_a_price() {
    Path file = write(dir, "wide.csv", YAHOO_HEADER, "2014-01-02,\uff11\uff10,11,9,10.5,10.4,1000");

    assertThatThrownBy(() -> CsvBarReader.read(file, "X", "USD"))
        .hasMessage("wide.csv line 2: open '\uff11\uff10' is not a number (ASCII digits only)");
  }

  @Test
  void rows_ending_in_cr_lf_or_cr_alone_read_across_buffer_boundaries() throws IOException {
    StringBuilder crlf = new StringBuilder(YAHOO_HEADER).append("\r\n");
    StringBuilder cr = new StringBuilder(YAHOO_HEADER).append('\r');
    LocalDate day = LocalDate.of(2000, 1, 1);
    for (int i = 0; i < 3000; i++) {
      String row = day.plusDays(i) + ",10.5,11,9,10.25,10.25," + (1000 + i);
      crlf.append(row).append("\r\n");
      cr.append(row).append('\r');
    }
    Files.writeString(dir.resolve("crlf.csv"), crlf);
    Files.writeString(dir.resolve("cr.csv"), cr);

    for (String name : new String[] {"crlf.csv", "cr.csv"}) {
      BarSeries series = CsvBarReader.read(dir.resolve(name), "X", "USD");
      assertThat(series.size()).isEqualTo(3000);
      assertThat(series.where(2999)).isEqualTo(name + " line 3001");
      assertThat(series.last().volume()).isEqualTo(3999);
    }
  }
}
