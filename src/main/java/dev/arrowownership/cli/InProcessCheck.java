package dev.arrowownership.cli;

import dev.arrowownership.conformance.CheckProgress;
import dev.arrowownership.conformance.LayoutVerdicts;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.conformance.VerdictTable;
import dev.arrowownership.nativecode.NativeTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a check in this JVM: binds the library, checks each role, prints each verdict's table (with
 * {@code --layouts}, a consumer role's summary over the tour and the table of each failing layout,
 * {@link LayoutCheck}) and writes its reports as soon as it is known (a later role that crashes the JVM leaves the earlier
 * reports behind), then says whether every required rule holds, and in which checks the target
 * refused the kit's valid input. The command's standard writers
 * flush at every line, so what was printed before a crash reaches the command that started this
 * JVM; the output is flushed once more at the end for writers that do not.
 */
final class InProcessCheck {
  private InProcessCheck() {}

  /**
   * The check's exit code: {@link Exit#CONFORMS} or {@link Exit#BROKEN}.
   *
   * @throws dev.arrowownership.nativecode.NativeTargetException when the library or a symbol does not bind
   * @throws CliError when a report cannot be written
   */
  static int run(CheckRequest request, StepLog steps, PrintWriter out) {
    steps.enter("binding " + request.library());
    NativeTarget library = request.bind();
    List<String> broken = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<Path> reports = new ArrayList<>();
    for (CheckedRole role : request.roles()) {
      String step = request.step(role);
      steps.enter(step);
      boolean onLayouts = request.onLayouts(role);
      out.println(step + " in " + request.library().getFileName() + (onLayouts ? " on every layout of the tour" : ""));
      Checked checked = onLayouts ? checkLayouts(request, role, library, steps, reports, out)
          : check(request, role, library, steps, reports, out);
      if (!checked.conforms()) {
        broken.add(checked.target());
      }
      if (checked.refused()) {
        refused.add(checked.target());
      }
    }
    reports.forEach(report -> out.println("report: " + report));
    out.println((broken.isEmpty() ? "every required rule holds"
        : "a required rule is broken in " + String.join(", ", broken) + " (see FAILED above)")
        + (refused.isEmpty() ? "" : "; the kit's valid input was refused in " + String.join(", ", refused)
            + " (see unsupported above)"));
    out.flush();
    return broken.isEmpty() ? Exit.CONFORMS : Exit.BROKEN;
  }

  /** What a role's check decided: whether every required rule held, and whether valid input was refused. */
  private record Checked(String target, boolean conforms, boolean refused) {}

  /** The role on the kit's default batch: its verdict table, and its reports written. */
  private static Checked check(CheckRequest request, CheckedRole role, NativeTarget library, StepLog steps,
      List<Path> reports, PrintWriter out) {
    String step = request.step(role);
    Verdict verdict = CheckProgress.reporting(ruleSteps(steps, step), () -> role.check(request.target(role), library));
    steps.enter(step); // the rules are done: what fails now (the reports) is the role's
    reports.addAll(Reports.write(request.reportDir(), verdict));
    out.println(VerdictTable.of(verdict));
    return new Checked(verdict.target(), verdict.conforms(), !verdict.with(Status.UNSUPPORTED).isEmpty());
  }

  /** The role on every layout of the tour: the summary and the table of each failing layout only, and the reports. */
  private static Checked checkLayouts(CheckRequest request, CheckedRole role, NativeTarget library, StepLog steps,
      List<Path> reports, PrintWriter out) {
    LayoutVerdicts verdicts = LayoutCheck.run(request, role, library, steps);
    steps.enter(request.step(role));
    reports.addAll(Reports.write(request.reportDir(), verdicts));
    out.println(verdicts.summary());
    verdicts.failing().forEach(verdict -> out.println(VerdictTable.of(verdict)));
    return new Checked(verdicts.target(), verdicts.conforms(), verdicts.refused());
  }

  /**
   * Writes each rule and hand-over the kit announces to the step log, after the role's {@code step},
   * before it runs: a crash then names the rule, not only the role.
   */
  static Consumer<String> ruleSteps(StepLog steps, String step) {
    return rule -> steps.enter(step + ": " + rule);
  }
}
