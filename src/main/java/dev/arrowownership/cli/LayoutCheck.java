package dev.arrowownership.cli;

import dev.arrowownership.conformance.CheckProgress;
import dev.arrowownership.conformance.LayoutVerdicts;
import dev.arrowownership.generate.LayoutTour;
import dev.arrowownership.generate.LayoutBatch;
import dev.arrowownership.generate.LayoutSource;
import dev.arrowownership.nativecode.NativeTarget;

/**
 * {@code check --layouts} for one role handed the kit's batches: the role's check on every batch of
 * {@link LayoutTour#batches()}, smallest first, so that a consumer that breaks on one layout only
 * (a run-end encoded array, a union's children) fails where the default batch alone passes it. The
 * step log names the layout before each check, and each rule after it: a crash names both.
 */
final class LayoutCheck {
  private LayoutCheck() {}

  /** The verdicts of {@code role} over the tour, each layout's step logged to {@code steps} before it runs. */
  static LayoutVerdicts run(CheckRequest request, CheckedRole role, NativeTarget library, StepLog steps) {
    String target = request.layoutsTarget(role);
    LayoutVerdicts verdicts = new LayoutVerdicts(target);
    for (LayoutBatch batch : LayoutTour.batches()) {
      String step = request.step(role) + " on layout " + batch;
      steps.enter(step);
      verdicts.add(batch.toString(), CheckProgress.reporting(InProcessCheck.ruleSteps(steps, step),
          () -> role.check(target + " on " + batch, library, new LayoutSource(batch))).results());
    }
    return verdicts;
  }
}
