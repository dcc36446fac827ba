package io.tradecore.runner.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a feed are checked together before a runner sees the first moment. */
class ReplayFeedChecksTest {
  private static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";

  @TempDir Path dir;

  private void write(String name, String... days) throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    for (String day : days) {
      csv.append(day).append(",10,11,9,10.5,10.5,1000\n");
    }
    Files.writeString(dir.resolve(name), csv);
  }

  @Test
  void one_symbols_files_that_follow_each_other_are_one_feed() throws IOException {
    write("orcl-a.csv", "2014-01-02", "2014-01-03");
    write("orcl-b.csv", "2014-01-06", "2014-01-07");

    ReplayFeed feed = ReplayFeed.open("replay:orcl-a.csv,orcl-b.csv", "USD", dir);

    assertThat(feed.size()).isEqualTo(4);
  }

  @Test
  void the_same_file_given_twice_overlaps_itself() throws IOException {
    write("orcl.csv", "2014-01-02", "2014-01-03");

    assertThatThrownBy(() -> ReplayFeed.open("replay:orcl.csv,orcl.csv", "USD", dir))
        .hasMessage(
            "feed files orcl.csv and orcl.csv overlap for ORCL: orcl.csv line 2"
                + " (2014-01-02T00:00:00Z) is not after orcl.csv line 2 (2014-01-02T00:00:00Z);"
                + " give one symbol's files for periods that do not overlap");
  }

  @Test
  void files_decades_apart_are_refused_naming_both_ends_of_the_gap() throws IOException {
    write("orcl.csv", "1990-01-02", "1990-01-03");
    write("nvda.csv", "2014-01-02", "2014-01-03");

    assertThatThrownBy(() -> ReplayFeed.open("replay:orcl.csv,nvda.csv", "USD", dir))
        .hasMessage(
            "the feed jumps more than ten years, from orcl.csv line 3 (1990-01-03T00:00:00Z) to"
                + " nvda.csv line 2 (2014-01-02T00:00:00Z); replay files of neighbouring periods");
  }
}
