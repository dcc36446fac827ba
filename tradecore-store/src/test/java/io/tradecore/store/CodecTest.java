package io.tradecore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        " [ ] ",
        "[1]",
        "[1, 2,3]",
        "[{\"symbol\":\"ORCL\",\"quantity\":\"10\",\"mark\":null}]",
        "[{\"symbol\":\"A,B\",\"q\":\"[1,2]\"},{\"symbol\":\"C\\\"]\",\"x\":{\"y\":[1,2,3]}}]",
        "[\"a\", [], {}, [[]], \"\\\\\"]",
        "[ {\"a\": 1} ,\n {\"b\": [2, {\"c\": \"}\"}]} ]"
      })
  void countsAnArraysElementsAsReadingItWould(String json) {
    assertThat(Codec.listSize(json)).isEqualTo(Codec.readList(json).size());
  }

  @Test
  void saysWhatIsWrongWithTextThatIsNoArray() {
    assertThatThrownBy(() -> Codec.listSize("{\"a\":1}"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("not an array");
    assertThatThrownBy(() -> Codec.listSize("[1, 2"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unfinished");
    assertThatThrownBy(() -> Codec.listSize("[1] 2"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("after the array");
  }
}
