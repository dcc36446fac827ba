package io.tradecore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The logging set up in code is the one logback.xml describes. */
class LogSetupTest {
  @Test
  void the_code_and_logback_xml_agree() throws IOException {
    String xml;
    try (InputStream in = LogSetup.class.getResourceAsStream("/logback.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(xml).contains("<pattern>" + LogSetup.PATTERN + "</pattern>");
    assertThat(xml).contains("<target>System.err</target>");
    assertThat(xml).contains("<root level=\"${TRADECORE_LOG_LEVEL:-INFO}\">");
    for (String quiet : LogSetup.QUIET) {
      assertThat(xml).contains("<logger name=\"" + quiet + "\" level=\"WARN\"/>");
    }
    assertThat(xml.split("level=\"WARN\"", -1)).hasSize(LogSetup.QUIET.length + 1);
  }
}
