package dev.arrowownership.conformance;

import dev.arrowownership.conformance.RuleResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A target's results, one per rule checked: what {@code docs/conformance/<target>.md} is printed
 * from ({@link #toMarkdown()}) and what a test asserts ({@link #assertConforms()}: required rules
 * decide; optional rules' failures are reported, and asserted only by {@link
 * #assertConformsIncludingOptional()}).
 *
 * @param target the library or component checked, e.g. {@code arrow-java-19.0.0-export}
 * @param results one result per rule, in rule order
 */
public record Verdict(String target, List<RuleResult> results) {

  public Verdict {
    Objects.requireNonNull(target, "target");
    results = List.copyOf(results);
  }

  /** The result of {@code rule}; throws if it was not checked. */
  public RuleResult result(Rule rule) {
    return results.stream().filter(r -> r.rule() == rule).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(rule.id() + " was not checked on " + target));
  }

  /**
   * This verdict with the failures of the given rules turned into {@link Status#FINDING}s, each with
   * its reason (an upstream issue, say). A declared finding whose rule passed becomes a failure, so
   * the test that expects it flips when upstream fixes the bug. A rule not applicable, or whose valid
   * input the target refused ({@link Status#UNSUPPORTED}), stays as it is: the finding could not show.
   * For a finding that shows on some inputs only (generated layouts), see {@link #toleratingFindings}.
   */
  public Verdict expectingFindings(Map<Rule, String> known) {
    return withFindings(known, true);
  }

  /**
   * As {@link #expectingFindings}, for a finding that shows on some inputs only: a declared rule's
   * failure becomes a {@link Status#FINDING}, and its pass stays a pass. Use it over generated layouts
   * when a known bug shows on some layouts and you cannot say exactly which; when you can, declare the
   * finding on those alone ({@code hasUnion(batch) ? verdict.expectingFindings(known) : verdict}), so
   * that it still flips where it must show. Nothing here flips when upstream fixes the bug: count the
   * findings over the run ({@code with(Status.FINDING)}) and assert that some showed.
   */
  public Verdict toleratingFindings(Map<Rule, String> known) {
    return withFindings(known, false);
  }

  private Verdict withFindings(Map<Rule, String> known, boolean passFails) {
    List<RuleResult> out = new ArrayList<>();
    for (RuleResult r : results) {
      // Only a failure or a pass of a declared rule changes: not applicable, refused or a finding already stays.
      String reason = known.get(r.rule());
      if (reason != null && r.status() == Status.FAILED) {
        out.add(new RuleResult(r.rule(), Status.FINDING, r.message() + " Known: " + reason, r.refusal()));
      } else if (reason != null && passFails && r.status() == Status.PASSED) {
        out.add(new RuleResult(r.rule(), Status.FAILED, "declared as a finding (" + reason
            + ") but the rule passed: the upstream behaviour changed; update the expectation (a finding that shows"
            + " on some inputs only: toleratingFindings)"));
      } else {
        out.add(r);
      }
    }
    return new Verdict(target, out);
  }

  /** The results with {@code status}. */
  public List<RuleResult> with(Status status) {
    return results.stream().filter(r -> r.status() == status).toList();
  }

  /**
   * True when no required rule {@link Status#FAILED}: optional rules never decide conformance, and
   * neither does a refusal of valid input ({@link Status#UNSUPPORTED}: the spec does not require a
   * consumer to hold every type; {@link #summary()} says so, and {@code with(Status.UNSUPPORTED)}
   * lists them for a test that requires the input to be accepted).
   */
  public boolean conforms() {
    return failed(true).isEmpty();
  }

  /**
   * One sentence for reports and logs: whether the target conforms, and every failed rule by name,
   * the optional ones too (they do not change the answer, but an adopter should see them); when the
   * target refused the kit's valid input ({@link Status#UNSUPPORTED}), it starts with that, naming
   * the target's error and the rules it left unobserved, so that a target refusing everything never
   * reads as a clean pass.
   */
  public String summary() {
    List<RuleResult> required = failed(true);
    List<RuleResult> optional = failed(false);
    List<RuleResult> refused = with(Status.UNSUPPORTED);
    long checked = results.stream().filter(r -> r.rule().required() && r.status() != Status.NOT_APPLICABLE
        && r.status() != Status.UNSUPPORTED).count();
    String head = required.isEmpty()
        ? target + " conforms: every required rule " + (refused.isEmpty() ? "" : "it could check ") + "passed ("
            + checked + " of " + checked + ")"
        : target + " does not conform: it fails " + count(required, "required");
    String refusals = refused.isEmpty() ? "" : target + " refused the kit's valid input with " + errors(refused)
        + " (released as required; not observed on accepted input: " + String.join(", ", ids(refused)) + "); ";
    return refusals + (optional.isEmpty() ? head : head + "; it fails " + count(optional, "optional"));
  }

  /** The distinct errors of {@code refused}, in order. */
  private static String errors(List<RuleResult> refused) {
    return String.join(" and ", refused.stream().map(r -> r.refusal().orElseThrow()).distinct().toList());
  }

  /**
   * Passes when no required rule {@link Status#FAILED}; an optional rule's failure is only reported
   * (in {@link #summary()}, {@link #toMarkdown()}, and this method's message when it fails).
   *
   * @throws AssertionError listing every failed required rule with its message
   */
  public void assertConforms() {
    List<RuleResult> failed = failed(true);
    if (!failed.isEmpty()) {
      List<RuleResult> optional = failed(false);
      throw new AssertionError(breaks(failed) + (optional.isEmpty() ? ""
          : "\n(also fails optional: " + String.join(", ", ids(optional)) + ")"));
    }
  }

  /**
   * Passes when no rule at all {@link Status#FAILED}, optional ones included: for a target that
   * promises what the optional rules check.
   *
   * @throws AssertionError listing every failed rule with its message
   */
  public void assertConformsIncludingOptional() {
    List<RuleResult> failed = with(Status.FAILED);
    if (!failed.isEmpty()) {
      throw new AssertionError(breaks(failed));
    }
  }

  /** A Markdown report: the summary, then one row per rule with its spec section, result and message. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder("# Conformance: " + target + "\n\n");
    md.append("Generated by `dev.arrowownership.conformance.Verdict#toMarkdown`.\n\n");
    md.append(summary()).append("\n\n");
    md.append("| rule | spec section | result | observed |\n|---|---|---|---|\n");
    for (RuleResult r : results) {
      boolean optionalFailure = r.status() == Status.FAILED && !r.rule().required();
      md.append("| `").append(r.rule().id()).append("` | [").append(r.rule().spec().title()).append("](")
          .append(r.rule().spec().url()).append(") | ").append(r.status()).append(optionalFailure ? " (optional)" : "")
          .append(" | ").append(r.message().replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
    return md.toString();
  }

  /** The failed rules, the required ones or the optional ones. */
  List<RuleResult> failed(boolean required) {
    return with(Status.FAILED).stream().filter(r -> r.rule().required() == required).toList();
  }

  private String breaks(List<RuleResult> failed) {
    StringBuilder text = new StringBuilder(target + " breaks " + failed.size() + " rule(s):");
    failed.forEach(r -> text.append("\n  ").append(r.message()));
    return text.toString();
  }

  private static List<String> ids(List<RuleResult> results) {
    return results.stream().map(r -> r.rule().id()).toList();
  }

  private static String count(List<RuleResult> failed, String strength) {
    return failed.size() + " " + strength + " rule" + (failed.size() == 1 ? "" : "s") + ": " + String.join(", ", ids(failed));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(target);
    results.forEach(r -> text.append("\n  ").append(r));
    return text.toString();
  }
}
