package dev.arrowownership.contract;

import dev.arrowownership.conformance.Rule;
import java.util.List;
import java.util.Optional;

/**
 * Every distinct way a subject broke the contract within the bounds of an exhaustive run ({@link
 * ExhaustiveChecker#survey}), each with the shortest sequence found for it.
 *
 * @param exploration what was explored, level by level (it never names a counterexample: see the findings)
 * @param findings one per rule and operation, in the order found: shortest first
 */
public record ExhaustiveSurvey(ExhaustiveReport exploration, List<Finding> findings) {

  public ExhaustiveSurvey {
    findings = List.copyOf(findings);
  }

  /**
   * One way of breaking the contract.
   *
   * @param sequence the shortest sequence found that breaks it (the closing after it included)
   * @param failure what the machine threw: a {@link ContractViolation}, or another error (a bug of the kit's or an
   *     exception it did not expect)
   */
  public record Finding(List<Step> sequence, AssertionError failure) {

    public Finding {
      sequence = List.copyOf(sequence);
    }

    /** The rule broken, if the failure names one. */
    public Optional<Rule> rule() {
      return failure instanceof ContractViolation v ? Optional.of(v.rule()) : Optional.empty();
    }

    /** The step that broke it, handles and fault position erased ({@link ContractViolation#operation()}), or "unattributed". */
    public String operation() {
      return failure instanceof ContractViolation v ? v.operation() : "unattributed";
    }

    /** What tells this way of breaking the contract from the others: {@code "<rule> at <operation>"}. */
    public String kind() {
      return rule().map(Rule::id).orElse("error") + " at " + operation();
    }

    @Override
    public String toString() {
      return kind() + ": " + sequence.size() + " steps " + sequence;
    }
  }

  /** True if no sequence broke the contract. */
  public boolean passed() {
    return findings.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(exploration.subject() + (passed() ? ": no finding" : ": " + findings.size() + " findings"));
    findings.forEach(f -> text.append("\n  ").append(f));
    exploration.levels().forEach(l -> text.append("\n  ").append(l));
    return text.toString();
  }
}
