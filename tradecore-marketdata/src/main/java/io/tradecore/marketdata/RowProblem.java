package io.tradecore.marketdata;

/** Why one CSV row is malformed; cheap to throw because rows are skipped by the thousand. */
final class RowProblem extends Exception {
  private static final long serialVersionUID = 1L;

  RowProblem(String reason) {
    super(Printable.of(reason), null, false, false);
  }
}
