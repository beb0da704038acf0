package dev.arrowownership.leak;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/**
 * A handle that became unreachable without {@code close()}; the safety net has released it.
 *
 * @param resource the handle's kind and name, e.g. {@code "RecordBatchData h3"}
 * @param site where it was allocated, null unless the level is {@link LeakLevel#PARANOID}
 */
public record LeakReport(String resource, AllocationSite site) {

  /** The allocation site, when it was recorded. */
  public Optional<AllocationSite> allocationSite() {
    return Optional.ofNullable(site);
  }

  /** The report as a reader sees it: what leaked, then the allocation site or how to get it. */
  @Override
  public String toString() {
    String head = "LEAK: " + resource + " was not closed; the leak safety net released it.";
    if (site == null) {
      return head + " Run with -D" + LeakLevel.PROPERTY + "=PARANOID to record allocation sites.";
    }
    StringWriter trace = new StringWriter();
    site.printStackTrace(new PrintWriter(trace));
    return head + "\n" + trace;
  }
}
