package dev.arrowownership.jcstress;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;

/**
 * The outcome of one jcstress pass: which selected tests ran, which failed and why, and the observed
 * count of every outcome. It passes only if at least one test was selected, every selected test has
 * a result, every test ran normally, and no FORBIDDEN outcome was seen.
 */
record Verdict(String kit, Set<String> selected, Map<String, String> failures, String counts) {

  static Verdict of(String kit, Set<String> selected, Collection<TestResult> results) {
    Map<String, String> failures = new TreeMap<>();
    Set<String> ran = new TreeSet<>();
    StringBuilder counts = new StringBuilder();
    for (TestResult result : ReportUtils.mergedByName(results)) {
      String name = result.getName();
      ran.add(name);
      TestGrading grading = result.grading();
      counts.append(String.format("%s  [%s, %d samples]%n", name, result.status(), result.getTotalCount()));
      for (GradingResult outcome : grading.gradingResults.values()) {
        counts.append(String.format("  %-12s %,14d  %s%n", outcome.expect, outcome.count, outcome.id));
      }
      if (result.status() != Status.NORMAL) {
        failures.put(name, result.status() + " " + String.join(" | ", result.getMessages()));
      } else if (!grading.isPassed) {
        failures.put(name, "FORBIDDEN " + String.join(" | ", grading.failureMessages));
      }
    }
    for (String name : selected) {
      if (!ran.contains(name)) {
        failures.put(name, "no result: the test did not run");
      }
    }
    if (selected.isEmpty()) {
      failures.put("(none)", "no jcstress test was selected: check the test list and the -t pattern");
    }
    return new Verdict(kit, Set.copyOf(selected), failures, counts.toString());
  }

  boolean passed() {
    return failures.isEmpty();
  }

  String headline() {
    return String.format("jcstress %s: %d tests selected, %d failed%s", kit, selected.size(), failures.size(),
        passed() ? "" : ": " + failures.keySet());
  }

  String report() {
    StringBuilder out = new StringBuilder(counts);
    failures.forEach((name, why) -> out.append("FAILED ").append(name).append(": ").append(why).append('\n'));
    return out.append(headline()).append('\n').toString();
  }
}
