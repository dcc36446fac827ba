package io.tradecore.runner.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each execution once and in order of the order's filled quantity; an order's end after it. */
class ExecutionsTest {
  private final Executions<String> executions = new Executions<>();
  private final List<String> out = new ArrayList<>();

  private void fill(String order, String id, String qty, String cum) {
    offer(new Executions.Event<>(order, id, new BigDecimal(qty), new BigDecimal(cum), id));
  }

  private void end(String order, String cum) {
    offer(
        new Executions.Event<>(order, null, BigDecimal.ZERO, new BigDecimal(cum), order + "-end"));
  }

  private void offer(Executions.Event<String> e) {
    executions.offer(e).forEach(due -> out.add(due.payload()));
  }

  @Test
  void repeats_are_dropped() {
    fill("o1", "x1", "4", "4");
    fill("o1", "x1", "4", "4");
    fill("o1", "x2", "6", "10");
    fill("o1", "x2", "6", "10");

    assertThat(out).containsExactly("x1", "x2");
  }

  @Test
  void a_fill_before_the_one_it_follows_waits_for_it() {
    fill("o1", "x2", "6", "10");
    assertThat(out).isEmpty();
    assertThat(executions.waitingCount()).isEqualTo(1);

    fill("o1", "x1", "4", "4");

    assertThat(out).containsExactly("x1", "x2");
    assertThat(executions.waitingCount()).isZero();
  }

  @Test
  void an_end_waits_for_the_fills_before_it_and_comes_once() {
    end("o1", "4");
    end("o1", "4");
    assertThat(out).isEmpty();

    fill("o1", "x1", "4", "4");

    assertThat(out).containsExactly("x1", "o1-end");
  }

  @Test
  void fills_delivered_by_another_path_release_what_waits_on_them() {
    fill("o1", "x2", "6", "10");
    executions.alreadyDelivered("o1", "x1", new BigDecimal("4"));

    assertThat(executions.due()).extracting(Executions.Event::payload).containsExactly("x2");
    assertThat(executions.isDelivered("x1")).isTrue();
    fill("o1", "x1", "4", "4");
    assertThat(out).isEmpty();
  }

  @Test
  void orders_are_sequenced_apart() {
    fill("o2", "y2", "5", "10");
    fill("o1", "x1", "10", "10");
    fill("o2", "y1", "5", "5");

    assertThat(out).containsExactly("x1", "y1", "y2");
  }
}
