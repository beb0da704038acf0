package dev.arrowownership.contract;

import dev.arrowownership.conformance.FaultInjector;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.generate.GeneratedBatch;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.ledger.ReleaseEvent;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedBatch;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
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
import java.util.Set;
import java.util.function.Supplier;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs operations on a real subject and on the {@link ExactlyOnceModel} side by side, and checks
 * after every step, through the {@link ReleaseLedger}, that the real releases are exactly the
 * model's, that each open handle holds the batch the model says, and that misuse throws where the
 * model says. The first discrepancy throws {@link AssertionError} naming the step and the history.
 *
 * <p>All memory comes from a {@link RootAllocator} the machine owns; {@link #close()} closes it, so
 * anything left allocated fails the run. Frame steps need a subject with {@link SubjectFeature#FRAME}.
 *
 * @param <H> the subject's handle type
 * @param <F> the subject's frame type
 */
public final class OwnershipMachine<H, F> implements AutoCloseable {
  private static final String FRAME = "f";

  private final OwnershipSubject<H, F> subject;
  private final Set<SubjectFeature> features;
  private final RootAllocator allocator = new RootAllocator();
  private final FaultInjector faults = new FaultInjector();
  private final BufferAllocator frameAllocator =
      allocator.newChildAllocator("frame", faults, 0, Long.MAX_VALUE);
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final ExactlyOnceModel model = new ExactlyOnceModel();
  private final List<H> handles = new ArrayList<>();
  private final Map<TrackedStruct, Release> releaseOf = new HashMap<>();
  private final List<String> history = new ArrayList<>();
  private final java.util.EnumMap<Expected.Outcome, Integer> outcomes = new java.util.EnumMap<>(Expected.Outcome.class);
  private F frame;

  /**
   * A machine for {@code subject}, with nothing allocated yet.
   *
   * @throws IllegalArgumentException if the subject declares a feature whose methods it does not implement
   */
  public OwnershipMachine(OwnershipSubject<H, F> subject) {
    this.subject = subject;
    this.features = SubjectFeature.checkDeclared(subject);
  }

  /** The features the subject declares (checked implemented): steps needing others must not be applied. */
  public Set<SubjectFeature> features() {
    return features;
  }

  /** {@code h<i> = allocate()}. */
  public void allocate() {
    int index = handles.size();
    run("h" + index + " = allocate()", List.of(), () -> handles.add(subject.allocate(allocator, "h" + index)),
        () -> Expected.ok(model.allocate()));
  }

  /** {@code h.populate(batch)}: exports a generated batch of {@code rows} rows into the handle. */
  public void populate(int handle, int rows, long seed) {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, seed)) {
      int resource = model.resourceCount();
      run(name(handle) + ".populate(rows=" + rows + ")", List.of(handle),
          () -> subject.populate(handles.get(handle), filler(batch, resource)),
          () -> model.populate(handle, rows, batch.fingerprint()));
    }
  }

  /** {@code h<n> = moveFrom(h<source>)}. */
  public void moveFrom(int source) {
    run("h" + handles.size() + " = moveFrom(" + name(source) + ")", List.of(source),
        () -> handles.add(subject.moveFrom(handles.get(source))), () -> model.moveFrom(source));
  }

  /** {@code h<target>.moveAssign(h<source>)}, self-assignment included. */
  public void moveAssign(int target, int source) {
    List<Integer> closed = java.util.stream.Stream.of(target, source)
        .filter(h -> model.status(h) == HandleStatus.CLOSED).toList();
    run(name(target) + ".moveAssign(" + name(source) + ")", closed,
        () -> subject.moveAssign(handles.get(target), handles.get(source)), () -> model.moveAssign(target, source));
  }

  /** The write path: import the handle's batch into Arrow Java, check its data, close the root. */
  public void importAndCloseRoot(int handle) {
    int content = model.contentOf(handle);
    run(name(handle) + ".importBatch().close()", List.of(handle), () -> {
      try (Imported imported = subject.importBatch(handles.get(handle), allocator)) {
        if (content < 0) {
          throw new AssertionError("imported a batch, but the model says " + name(handle) + " holds none");
        }
        if (imported.rowCount() != model.rows(content)) {
          throw new AssertionError("imported " + imported.rowCount() + " rows, but batch r" + content + " as populated has "
              + model.rows(content));
        }
      }
    }, () -> model.importAndCloseRoot(handle));
  }

  /** {@code h.rowCount()}, compared with the model. */
  public void rowCount(int handle) {
    long[] actual = {-1};
    run(name(handle) + ".rowCount()", List.of(handle), () -> actual[0] = subject.rowCount(handles.get(handle)), () -> {
      Expected expected = model.rowCount(handle);
      if (expected.outcome() == Expected.Outcome.OK && expected.value() != actual[0]) {
        throw new AssertionError("rowCount() returned " + actual[0] + ", the model says " + expected.value());
      }
      return expected;
    });
  }

  /** {@code h.close()}; closing twice is a no-op. */
  public void close(int handle) {
    run(name(handle) + ".close()", List.of(handle), () -> subject.close(handles.get(handle)), () -> model.close(handle));
  }

  /** {@code f = frame(rows...)}: a frame owning new batches, built from temporary handles. */
  public void newFrame(List<Integer> rows, long seed) {
    requireFrame();
    if (model.frameStatus() == FrameStatus.OPEN || model.frameStatus() == FrameStatus.EXTRACTED) {
      throw new IllegalStateException("close the frame first");
    }
    List<H> sources = new ArrayList<>();
    List<Integer> fingerprints = new ArrayList<>();
    try {
      for (int i = 0; i < rows.size(); i++) {
        H source = subject.allocate(allocator, FRAME + "[" + i + "]");
        sources.add(source);
        try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows.get(i), seed + i)) {
          int resource = model.resourceCount() + i;
          subject.populate(source, filler(batch, resource));
          fingerprints.add(batch.fingerprint());
        }
      }
      run(FRAME + " = frame(rows=" + rows + ")", List.of(),
          () -> frame = subject.frameOf(frameAllocator, FRAME, sources),
          () -> model.newFrame(rows.stream().map(Integer::longValue).toList(), fingerprints));
    } finally {
      sources.forEach(subject::close); // emptied by the move into the frame: releases nothing
    }
  }

  /** {@code f.extractRecordBatches()}, with allocation {@code faultAt} failing when it is >= 0. */
  public void extract(int faultAt) {
    requireFrame();
    String call = FRAME + ".extractRecordBatches()" + (faultAt >= 0 ? " [allocation #" + faultAt + " fails]" : "");
    boolean[] faulted = {false};
    run(call, List.of(), () -> {
      if (faultAt >= 0) {
        faults.failAt(faultAt);
      }
      try {
        handles.addAll(subject.extract(frame));
      } finally {
        faulted[0] = faults.disarm() != null;
      }
    }, () -> model.extract(faulted[0]));
  }

  /** {@code f.close()}. */
  public void closeFrame() {
    requireFrame();
    run(FRAME + ".close()", List.of(), () -> subject.closeFrame(frame), model::closeFrame);
  }

  /** Closes every handle and the frame as checked steps, then checks every batch was released once. */
  public void finish() {
    for (int h = 0; h < handles.size(); h++) {
      close(h);
    }
    if (frame != null) {
      closeFrame();
    }
    if (!model.unreleased().isEmpty()) {
      throw failure(Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED, "finish", "the model still holds " + model.unreleased());
    }
    try {
      ledger.verifyExactlyOnce();
    } catch (AssertionError e) {
      throw failure(Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED, "finish", e.getMessage());
    }
  }

  /** The model, for preconditions of generated steps. */
  public ExactlyOnceModel model() {
    return model;
  }

  /** The number of handles created so far, closed ones included. */
  public int handleCount() {
    return handles.size();
  }

  /** How many steps so far ended with {@code outcome}: coverage of misuse and faults. */
  public int outcomeCount(Expected.Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0);
  }

  /** The steps run so far, in order. */
  public List<String> history() {
    return List.copyOf(history);
  }

  /** Closes whatever is still open, then the allocators: memory still held fails here. */
  @Override
  public void close() {
    List<Runnable> cleanup = new ArrayList<>();
    handles.forEach(h -> cleanup.add(() -> subject.close(h)));
    if (frame != null) {
      cleanup.add(() -> subject.closeFrame(frame));
    }
    cleanup.add(ledger::close);
    cleanup.add(frameAllocator::close);
    cleanup.add(allocator::close);
    Cleanup.runAll(cleanup);
  }

  @Override
  public String toString() {
    return subject.name() + " (" + SubjectFeature.describe(features) + ") after " + history;
  }

  private interface Action {
    void run() throws Exception;
  }

  /**
   * Runs the real operation, then asks the model, then compares: outcome, releases, ownership.
   *
   * @param named the handles one of which a misuse exception must name; none: the frame
   */
  private void run(String call, List<Integer> named, Action real, Supplier<Expected> modelStep) {
    history.add(call);
    int mark = ledger.eventCount();
    int violationMark = ledger.violations().size();
    Throwable thrown = null;
    try {
      real.run();
    } catch (Throwable t) {
      thrown = t;
    }
    Expected expected = modelStep.get();
    outcomes.merge(expected.outcome(), 1, Integer::sum);
    checkOutcome(call, expected, thrown, named);
    checkReleases(call, expected, ledger.eventsSince(mark), violationMark);
    checkOwnership(call);
    model.checkInvariants();
  }

  private void checkOutcome(String call, Expected expected, Throwable thrown, List<Integer> named) {
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
          throw failure(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, call, "expected IllegalStateException, but " + (thrown == null ? "it returned" : "it threw " + thrown), thrown);
        }
        List<String> names = named.isEmpty()
            ? List.of(FRAME) : named.stream().map(h -> subject.nameOf(handles.get(h))).toList();
        String message = String.valueOf(thrown.getMessage());
        if (names.stream().noneMatch(message::contains)) {
          throw failure(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, call, "the IllegalStateException does not name " + String.join(" or ", names) + ": " + message, thrown);
        }
      }
      case FAULT -> {
        if (!(thrown instanceof org.apache.arrow.memory.OutOfMemoryException)) { // null included
          throw failure(Rule.REQUIRED_WRAPPER_REJECTS_MISUSE, call, "expected the injected allocation failure to propagate, but "
              + (thrown == null ? "it returned" : "it threw " + thrown), thrown);
        }
      }
    }
  }

  private void checkReleases(String call, Expected expected, List<ReleaseEvent> events, int violationMark) {
    var violations = ledger.violations();
    if (violations.size() > violationMark) {
      throw failure(Rule.REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS, call, "release rule broken: " + violations.subList(violationMark, violations.size()));
    }
    List<Release> actual = new ArrayList<>();
    for (ReleaseEvent event : events) {
      Release release = releaseOf.get(event.struct());
      if (release == null) {
        throw failure(Rule.REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS, call, "release of an untracked struct " + event.struct());
      }
      actual.add(release);
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

  private void checkOwnership(String call) {
    for (int h = 0; h < handles.size(); h++) {
      HandleStatus status = model.status(h);
      H handle = handles.get(h);
      boolean owned = subject.isOwned(handle);
      if (owned != (status == HandleStatus.OWNING)) {
        throw failure(Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL, call, name(h) + ".isOwned() is " + owned + ", the model says " + status);
      }
      if (status == HandleStatus.CLOSED) {
        continue;
      }
      int content = model.contentOf(h);
      checkHolds(call, h, StructKind.ARRAY, subject.arrayAddress(handle), content);
      checkHolds(call, h, StructKind.SCHEMA, subject.schemaAddress(handle), content);
    }
  }

  private void checkHolds(String call, int h, StructKind kind, long address, int content) {
    Optional<Release> holds = ReleaseLedger.identify(kind, address).map(releaseOf::get);
    Optional<Integer> actual = holds.map(Release::resource);
    Optional<Integer> want = content < 0 ? Optional.empty() : Optional.of(content);
    if (!actual.equals(want)) {
      throw failure(Rule.REQUIRED_WRAPPER_OWNERSHIP_MATCHES_THE_MODEL, call, name(h) + "'s " + kind + " holds " + actual.map(r -> "r" + r).orElse("nothing")
          + ", the model says " + want.map(r -> "r" + r).orElse("nothing"));
    }
  }

  /** The kit's producer for a populate: exports {@code batch} into the handle's structs and tracks them. */
  private BatchFiller filler(GeneratedBatch batch, int resource) {
    return (arrayAddress, schemaAddress) -> {
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(),
          ArrowArray.wrap(arrayAddress), ArrowSchema.wrap(schemaAddress));
      track(resource, arrayAddress, schemaAddress);
    };
  }

  /** Frame steps are generated only for subjects with the feature; applying one anyway is the caller's bug. */
  private void requireFrame() {
    if (!features.contains(SubjectFeature.FRAME)) {
      throw new IllegalStateException(subject.name() + " does not declare " + SubjectFeature.FRAME
          + ": frame steps cannot run on it");
    }
  }

  private void track(int resource, long arrayAddress, long schemaAddress) {
    TrackedBatch batch = ledger.trackBatch(arrayAddress, schemaAddress, "r" + resource);
    releaseOf.put(batch.array(), new Release(resource, Part.ARRAY));
    releaseOf.put(batch.schema(), new Release(resource, Part.SCHEMA));
  }

  /** The machine's label of a handle, as steps and reports print it. */
  private static String name(int handle) {
    return "h" + handle;
  }

  private AssertionError failure(Rule rule, String call, String what) {
    return failure(rule, call, what, null);
  }

  /** The rule broken, the subject, the step, what differs and the (shrunk, under jqwik) steps that led there. */
  private AssertionError failure(Rule rule, String call, String what, Throwable cause) {
    return new AssertionError(rule.failure(subject.name() + ": step `" + call + "`: " + what
        + "\n  steps so far: " + String.join("; ", history)), cause);
  }
}
