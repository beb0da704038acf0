package dev.arrowownership.contract;

import dev.arrowownership.cdata.CDataReader;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.ledger.ReleaseEvent;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.ledger.Violation;
import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import dev.arrowownership.model.Expected;
import dev.arrowownership.model.Expected.Part;
import dev.arrowownership.model.Expected.Release;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * The checks an {@link OwnershipMachine} runs after every step, each failing with the {@link Rule}
 * it enforces, the step and the steps so far: the outcome (normal return, misuse, fault), the
 * releases, and what every handle holds.
 *
 * @param <H> the subject's handle type
 */
final class StepChecks<H> {
  private final OwnershipSubject<H, ?> subject;
  private final List<H> handles;
  private final ExactlyOnceModel model;
  private final ReleaseLedger ledger;
  private final Map<TrackedStruct, Release> releaseOf = new HashMap<>(); // base structs only
  private final Map<Integer, String> exportedValues = new HashMap<>(); // resource -> digest as exported
  private final List<String> history;

  StepChecks(OwnershipSubject<H, ?> subject, List<H> handles, ExactlyOnceModel model, ReleaseLedger ledger,
      List<String> history) {
    this.subject = subject;
    this.handles = handles;
    this.model = model;
    this.ledger = ledger;
    this.history = history;
  }

  /** Tracks every struct of a new batch, children and dictionaries too; only the base ones are the model's. */
  void track(int resource, long arrayAddress, long schemaAddress) {
    List<TrackedStruct> array = ledger.trackTree(StructKind.ARRAY, arrayAddress, "r" + resource);
    List<TrackedStruct> schema = ledger.trackTree(StructKind.SCHEMA, schemaAddress, "r" + resource);
    releaseOf.put(array.get(0), new Release(resource, Part.ARRAY));
    releaseOf.put(schema.get(0), new Release(resource, Part.SCHEMA));
    exportedValues.put(resource, CDataReader.read(arrayAddress, schemaAddress).digest());
  }

  /**
   * The handle holds the values of batch {@code content} as they were exported into it, read from
   * its structs by the kit's reader: a wrapper that moved the right struct but corrupted or swapped
   * what it points to fails here.
   *
   * @throws AssertionError if the values differ (the step then fails the ownership rule)
   */
  void holdsExportedValues(int handle, int content) {
    H held = handles.get(handle);
    String values = CDataReader.read(subject.arrayAddress(held), subject.schemaAddress(held)).digest();
    if (!values.equals(exportedValues.get(content))) {
      throw new AssertionError(subject.nameOf(held) + " holds values other than batch r" + content + "'s as exported");
    }
  }

  /**
   * The step returned, threw the misuse exception or propagated the fault as the model expects.
   *
   * @param names the names one of which a misuse message must contain as a word
   */
  void outcome(String call, Expected expected, Throwable thrown, List<String> names) {
    switch (expected.outcome()) {
      case OK -> {
        if (thrown instanceof AssertionError wrongData) {
          throw failure(Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL, call, wrongData.getMessage(), thrown);
        }
        if (thrown != null) {
          throw failure(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, call, "expected a normal return, but it threw " + thrown, thrown);
        }
      }
      case ILLEGAL_STATE -> {
        if (!(thrown instanceof IllegalStateException)) {
          throw failure(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, call, "expected IllegalStateException, but "
              + (thrown == null ? "it returned" : "it threw " + thrown), thrown);
        }
        String message = String.valueOf(thrown.getMessage());
        if (names.stream().noneMatch(name -> namesAsWord(message, name))) {
          throw failure(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, call, "the IllegalStateException does not name "
              + String.join(" or ", names) + " (as a word): " + message, thrown);
        }
      }
      case FAULT -> {
        if (!(thrown instanceof OutOfMemoryException)) { // null included
          throw failure(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, call, "expected the injected allocation failure to propagate, but "
              + (thrown == null ? "it returned" : "it threw " + thrown), thrown);
        }
      }
    }
  }

  /**
   * True if {@code name} occurs in {@code message} with no letter, digit or underscore either side:
   * a message about {@code h10} does not name {@code h1}, nor one about {@code frame} name {@code f}.
   */
  static boolean namesAsWord(String message, String name) {
    return Pattern.compile("(?<![\\p{Alnum}_])" + Pattern.quote(name) + "(?![\\p{Alnum}_])").matcher(message).find();
  }

  /** The step released exactly what the model releases, and broke no rule the ledger sees. */
  void releases(String call, Expected expected, List<ReleaseEvent> events, int violationMark) {
    List<Violation> violations = ledger.violations();
    if (violations.size() > violationMark) {
      List<Violation> fresh = violations.subList(violationMark, violations.size());
      // A child's release is the producer's, called by the parent's release: any misuse of one is the wrapper's.
      // Each violation on a child (CHILD_RELEASED_BY_CONSUMER included) names it, and no child is a base struct.
      boolean child = fresh.stream().anyMatch(v -> v.struct() != null && releaseOf.get(v.struct()) == null);
      throw failure(child ? Rule.REQUIRED_WRAPPER_NEVER_RELEASES_CHILDREN : Rule.REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS,
          call, "release rule broken: " + fresh);
    }
    List<Release> actual = new ArrayList<>();
    for (ReleaseEvent event : events) {
      Release release = releaseOf.get(event.struct());
      if (release != null) {
        actual.add(release);
      } else if (ledger.parentOf(event.struct()).isEmpty()) {
        throw failure(Rule.REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS, call, "release of an untracked struct " + event.struct());
      } // else a child or dictionary, released by its parent's release as it must be
    }
    // Compared in one fixed order: neither the wrapper nor the model promises an order within a step.
    List<Release> got = inReleaseOrder(actual);
    List<Release> want = inReleaseOrder(expected.releases());
    if (!got.equals(want)) {
      throw failure(Rule.REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS, call, "released " + got + ", the model says " + want);
    }
  }

  private static List<Release> inReleaseOrder(List<Release> releases) {
    return releases.stream().sorted(Comparator.comparingInt(Release::resource).thenComparing(Release::part)).toList();
  }

  /** {@code rowCount()} returned what the model says, when the model says it returns. */
  void rowCount(String call, Expected expected, long actual) {
    if (expected.outcome() == Expected.Outcome.OK && expected.value() != actual) {
      throw failure(Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL, call,
          "rowCount() returned " + actual + ", the model says " + expected.value());
    }
  }

  /** Every handle reports the ownership the model says and holds the model's batch. */
  void ownership(String call) {
    for (int h = 0; h < handles.size(); h++) {
      HandleStatus status = model.status(h);
      H handle = handles.get(h);
      boolean owned = subject.isOwned(handle);
      if (owned != (status == HandleStatus.OWNING)) {
        throw failure(Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL, call,
            OwnershipMachine.name(h) + ".isOwned() is " + owned + ", the model says " + status);
      }
      if (status == HandleStatus.CLOSED) {
        continue;
      }
      int content = model.contentOf(h);
      holds(call, h, StructKind.ARRAY, subject.arrayAddress(handle), content);
      holds(call, h, StructKind.SCHEMA, subject.schemaAddress(handle), content);
    }
  }

  private void holds(String call, int h, StructKind kind, long address, int content) {
    Optional<Integer> actual = ReleaseLedger.identify(kind, address).map(releaseOf::get).map(Release::resource);
    Optional<Integer> want = content < 0 ? Optional.empty() : Optional.of(content);
    if (!actual.equals(want)) {
      throw failure(Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL, call, OwnershipMachine.name(h) + "'s " + kind
          + " holds " + actual.map(r -> "r" + r).orElse("nothing") + ", the model says " + want.map(r -> "r" + r).orElse("nothing"));
    }
  }

  /**
   * An extraction that handed out handles allocated something from the frame's allocator (at
   * {@code frameOf} or now): else the frame allocates elsewhere, and no injected allocation failure
   * can reach its extraction, which leaves its failure paths unchecked.
   */
  void extractionAllocates(String call, int handedOut, long frameAllocatorBytes) {
    if (handedOut > 0 && frameAllocatorBytes == 0) {
      throw failure(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, call, "extraction handed out " + handedOut
          + " handles but the frame's allocator holds nothing: the frame allocates elsewhere, so no injected"
          + " allocation failure can reach its extraction");
    }
  }

  /**
   * What the implementation itself reports about handle {@code h}: ownership, row count and whether
   * the structs at the addresses it gives are live. The checks compare some of this with the model
   * only at certain steps; the exhaustive checker's state key keeps all of it, as it stands after a step.
   */
  String reports(int h) {
    H handle = handles.get(h);
    if (model.status(h) == HandleStatus.CLOSED) {
      return subject.isOwned(handle) ? "owned" : "-";
    }
    String rows;
    try {
      rows = String.valueOf(subject.rowCount(handle));
    } catch (RuntimeException e) {
      rows = e.getClass().getSimpleName();
    }
    return (subject.isOwned(handle) ? "owned" : "-") + "," + rows + ","
        + (StructKind.ARRAY.isLive(subject.arrayAddress(handle)) ? "A" : "a")
        + (StructKind.SCHEMA.isLive(subject.schemaAddress(handle)) ? "S" : "s");
  }

  ContractViolation failure(Rule rule, String call, String what) {
    return failure(rule, call, what, null);
  }

  /** The rule broken, the subject, the step, what differs and the (shrunk, under jqwik) steps that led there. */
  ContractViolation failure(Rule rule, String call, String what, Throwable cause) {
    return new ContractViolation(rule, call, rule.failure(subject.name() + ": step `" + call + "`: " + what
        + "\n  steps so far: " + String.join("; ", history)), cause);
  }
}
