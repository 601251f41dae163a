package io.imflux.bench;

import io.imflux.bench.load.StepResult;

/** One markdown row per load step. */
final class StepTable {

  static final String HEADER = "| target/s | sent | delivered/s | p50 ms | p99 ms | max ms | reply p99 ms | lost | errors "
      + "| loader lag p99 ms | server CPU cores | loader CPU cores | pass | load avg before |";
  static final String RULE = "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

  private StepTable() {}

  static String row(StepResult r) {
    return String.format("| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d%s | %d%s | %.1f | %.2f | %.2f | %s |",
        r.rate(), r.sent(), r.deliveredPerSec(), StepResult.millis(r.delivery(), 50),
        StepResult.millis(r.delivery(), 99), StepResult.maxMillis(r.delivery()), StepResult.millis(r.reply(), 99),
        r.lost(), r.lost() == 0 ? "" : String.format(" (unanswered %d, recipient %d, sender %d, id %d)",
            r.unanswered(), r.missingRecipient(), r.missingSender(), r.mismatched()),
        r.errors(), r.errors() == 0 ? "" : String.format(" (replies %d, misrouted %d, dup %d, conn %d)",
            r.errorReplies(), r.misrouted(), r.duplicates(), r.problems()),
        StepResult.millis(r.writeLag(), 99), r.serverCpuCores(), r.loaderCpuCores(), r.passes() ? "yes" : "no");
  }
}
