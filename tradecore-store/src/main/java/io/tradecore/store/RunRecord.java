package io.tradecore.store;

import io.tradecore.core.domain.PortfolioId;
import io.tradecore.core.domain.RunId;
import java.time.Instant;

/** One start of a runner on a portfolio, as stored; {@code endedAt} is null while it runs. */
public record RunRecord(
    RunId runId,
    PortfolioId portfolioId,
    String botVersion,
    String mode,
    String strategy,
    String params,
    String host,
    long pid,
    Instant startedAt,
    Instant endedAt,
    String endReason) {}
