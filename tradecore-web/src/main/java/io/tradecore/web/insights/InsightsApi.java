package io.tradecore.web.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tradecore.insights.RunCatalog;
import io.tradecore.insights.RunDetail;
import io.tradecore.insights.RunFolder;
import io.tradecore.insights.TraceQuery;
import io.tradecore.insights.TraceQueryException;
import io.tradecore.insights.TraceReadException;
import io.tradecore.insights.TraceResult;
import io.tradecore.web.ApiException;
import io.tradecore.web.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /api/runs, /api/runs/{run}, /api/run-actions/{run} and /api/run-sweep/{run}: the experiment
 * runs under the run roots and their action traces, looked up by name among the discovered runs
 * only.
 */
public final class InsightsApi {
  private static final Logger LOG = LoggerFactory.getLogger(InsightsApi.class);
  private final RunCatalog catalog;
  private final ObjectMapper json = InsightsJson.mapper();

  public InsightsApi(RunCatalog catalog) {
    this.catalog = catalog;
  }

  /** Every discovered run with its summary. */
  public void list(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("roots", catalog.roots().stream().map(Object::toString).toList());
    body.put("runs", catalog.list());
    write(ctx, body);
  }

  /** One run: experiment and eval summary as stored, the trace's columns, rows and env ids. */
  public void detail(Context ctx) {
    String name = runName(ctx);
    RunDetail detail = catalog.detail(name).orElseThrow(() -> unknown(name));
    write(ctx, detail);
  }

  /** The run's action trace: series, stats and sample rows for the query's parameters. */
  public void actions(Context ctx) {
    String name = runName(ctx);
    RunFolder run = catalog.get(name).orElseThrow(() -> unknown(name));
    if (run.trace() == null) {
      throw ApiException.notFound("run '" + name + "' has no action trace");
    }
    TraceResult result;
    try {
      TraceQuery query =
          TraceQuery.parse(
              ctx.queryParams("metrics"),
              ctx.queryParam("env"),
              ctx.queryParam("max_points"),
              ctx.queryParam("from_step"),
              ctx.queryParam("to_step"),
              ctx.queryParam("method"));
      result = catalog.actions(name, query).orElseThrow(() -> unknown(name));
    } catch (TraceQueryException e) {
      throw ApiException.badParameter(e.parameter(), e.getMessage());
    } catch (TraceReadException e) {
      LOG.warn("run {}: cannot read its action trace: {}", name, e.getMessage());
      throw new ApiException(422, "cannot read the action trace: " + e.getMessage(), null);
    }
    write(ctx, result);
  }

  /** A parameter sweep's trials and out-of-sample equity (its sweep.json), for the heat map. */
  public void sweep(Context ctx) {
    String name = runName(ctx);
    catalog.get(name).orElseThrow(() -> unknown(name));
    try {
      write(
          ctx,
          catalog
              .sweep(name)
              .orElseThrow(
                  () -> ApiException.notFound("run '" + Params.shown(name) + "' is not a sweep")));
    } catch (TraceReadException e) {
      throw new ApiException(422, "cannot read the sweep: " + e.getMessage(), null);
    }
  }

  private static String runName(Context ctx) {
    return ctx.pathParam("run");
  }

  private static ApiException unknown(String name) {
    return ApiException.notFound("no run named '" + Params.shown(name) + "'");
  }

  private void write(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON", e);
    }
  }
}
