package dev.arrowownership.contract;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.FaultInjector;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.leak.CleanupSteps;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.ExactlyOnceModel.FrameStatus;
import dev.arrowownership.model.ExactlyOnceModel.HandleStatus;
import dev.arrowownership.model.Expected;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs operations on a real subject and on the {@link ExactlyOnceModel} side by side, and checks
 * after every step ({@link StepChecks}), through the {@link ReleaseLedger}, that the real releases
 * are exactly the model's, that each open handle holds the batch the model says, and that misuse
 * throws where the model says. The first discrepancy throws {@link AssertionError} naming the rule,
 * the step and the history. Every struct of a batch is tracked, children and dictionaries too, so
 * a wrapper that releases one of them itself is caught.
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
  private final ModelState expected = new ModelState();
  private final ExactlyOnceModel model = expected.model();
  private final List<H> handles = new ArrayList<>();
  private final List<String> history = new ArrayList<>();
  private final EnumMap<Expected.Outcome, Integer> outcomes = new EnumMap<>(Expected.Outcome.class);
  private final StepChecks<H> checks;
  private F frame;

  /**
   * A machine for {@code subject}, with nothing allocated yet.
   *
   * @throws IllegalArgumentException if the subject declares a feature whose methods it does not implement
   */
  public OwnershipMachine(OwnershipSubject<H, F> subject) {
    this.subject = subject;
    this.features = SubjectFeature.checkDeclared(subject);
    this.checks = new StepChecks<>(subject, handles, model, ledger, history);
  }

  /** The features the subject declares (checked implemented): steps needing others must not be applied. */
  public Set<SubjectFeature> features() {
    return features;
  }

  /** {@code h<i> = allocate()}. */
  public void allocate() {
    int index = handles.size();
    run("h" + index + " = allocate()", List.of(), () -> handles.add(subject.allocate(allocator, "h" + index)),
        expected::allocate);
  }

  /** {@code h.populate(batch)}: exports a generated batch of {@code rows} rows into the handle. */
  public void populate(int handle, int rows, long seed) {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, rows, seed)) {
      int resource = model.resourceCount();
      run(name(handle) + ".populate(rows=" + rows + ")", List.of(handle),
          () -> subject.populate(handles.get(handle), KitFiller.of(allocator, batch, resource, checks)),
          () -> expected.populate(handle, rows, batch.fingerprint()));
    }
  }

  /** {@code h<n> = moveFrom(h<source>)}. */
  public void moveFrom(int source) {
    run("h" + handles.size() + " = moveFrom(" + name(source) + ")", List.of(source),
        () -> handles.add(subject.moveFrom(handles.get(source))), () -> expected.moveFrom(source));
  }

  /** {@code h<n> = copy(h<source>)}: needs {@link SubjectFeature#COPY}; the copy must own nothing ({@link CopyTransition}). */
  public void copy(int source) {
    SubjectFeature.COPY.require(features, subject);
    run("h" + handles.size() + " = copy(" + name(source) + ")", List.of(source),
        () -> handles.add(subject.copy(handles.get(source))), () -> expected.copy(source));
  }

  /** {@code h<target>.moveAssign(h<source>)}, self-assignment included. */
  public void moveAssign(int target, int source) {
    List<Integer> closed = Stream.of(target, source).filter(h -> model.status(h) == HandleStatus.CLOSED).toList();
    run(name(target) + ".moveAssign(" + name(source) + ")", closed,
        () -> subject.moveAssign(handles.get(target), handles.get(source)), () -> expected.moveAssign(target, source));
  }

  /** The write path: import the handle's batch into Arrow Java, check its data, close the root. */
  public void importAndCloseRoot(int handle) {
    int content = model.contentOf(handle);
    run(name(handle) + ".importBatch().close()", List.of(handle), () -> {
      if (content >= 0) {
        checks.holdsExportedValues(handle, content);
      }
      try (Imported imported = subject.importBatch(handles.get(handle), allocator)) {
        if (content < 0) {
          throw new AssertionError("imported a batch, but the model says " + name(handle) + " holds none");
        }
        if (imported.rowCount() != model.rows(content)) {
          throw new AssertionError("imported " + imported.rowCount() + " rows, but batch r" + content + " as populated has "
              + model.rows(content));
        }
      }
    }, () -> expected.importAndCloseRoot(handle));
  }

  /** {@code h.rowCount()}, compared with the model: a wrong count fails like any other step. */
  public void rowCount(int handle) {
    long[] actual = {-1};
    String call = name(handle) + ".rowCount()";
    Expected read = run(call, List.of(handle), () -> actual[0] = subject.rowCount(handles.get(handle)),
        () -> expected.rowCount(handle));
    checks.rowCount(call, read, actual[0]);
  }

  /** {@code h.close()}; closing twice is a no-op. */
  public void close(int handle) {
    run(name(handle) + ".close()", List.of(handle), () -> subject.close(handles.get(handle)), () -> expected.close(handle));
  }

  /** {@code f = frame(rows...)}: a frame owning new batches, built from temporary handles. */
  public void newFrame(List<Integer> rows, long seed) {
    SubjectFeature.FRAME.require(features, subject);
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
          subject.populate(source, KitFiller.of(allocator, batch, resource, checks));
          fingerprints.add(batch.fingerprint());
        }
      }
      run(FRAME + " = frame(rows=" + rows + ")", List.of(),
          () -> frame = subject.frameOf(frameAllocator, FRAME, sources),
          () -> expected.newFrame(rows.stream().map(Integer::longValue).toList(), fingerprints));
    } finally {
      sources.forEach(subject::close); // emptied by the move into the frame: releases nothing
    }
  }

  /** {@code f.extractRecordBatches()}, with allocation {@code faultAt} failing when it is >= 0. */
  public void extract(int faultAt) {
    SubjectFeature.FRAME.require(features, subject);
    String call = FRAME + ".extractRecordBatches()" + (faultAt >= 0 ? " [allocation #" + faultAt + " fails]" : "");
    boolean[] faulted = {false};
    int before = handles.size();
    run(call, List.of(), () -> {
      if (faultAt >= 0) {
        faults.failAt(faultAt);
      }
      try {
        handles.addAll(subject.extract(frame));
      } finally {
        faulted[0] = faults.disarm() != null;
      }
    }, () -> expected.extract(faulted[0], faultAt));
    checks.extractionAllocates(call, handles.size() - before, frameAllocator.getAllocatedMemory());
  }

  /** {@code f.close()}. */
  public void closeFrame() {
    SubjectFeature.FRAME.require(features, subject);
    run(FRAME + ".close()", List.of(), () -> subject.closeFrame(frame), expected::closeFrame);
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
      throw checks.failure(Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED, "finish", "the model still holds " + model.unreleased());
    }
    try {
      ledger.verifyExactlyOnce();
    } catch (AssertionError e) {
      throw checks.failure(Rule.REQUIRED_WRAPPER_LEAVES_NOTHING_UNRELEASED, "finish", e.getMessage());
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

  /** How each handle and the frame came to be in its state. */
  Origins origins() {
    return expected.origins();
  }

  /** The model and the origins, as the steps so far left them. */
  ModelState modelState() {
    return expected;
  }

  /** What the implementation reports about handle {@code h} ({@link StepChecks#reports}). */
  String reports(int h) {
    return checks.reports(h);
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
    CleanupSteps.runAll(cleanup);
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
   * @param modelStep the step's expected transition ({@link ModelState}), applied after the real operation ran
   * @return what the model expected: the step passed every check
   */
  private Expected run(String call, List<Integer> named, Action real, Supplier<Expected> modelStep) {
    history.add(call);
    int mark = ledger.eventCount();
    int violationMark = ledger.violations().size();
    Throwable thrown = null;
    try {
      real.run();
    } catch (Throwable t) {
      thrown = t;
    }
    Expected step = modelStep.get();
    outcomes.merge(step.outcome(), 1, Integer::sum);
    List<String> names = named.isEmpty() ? List.of(FRAME) : named.stream().map(h -> subject.nameOf(handles.get(h))).toList();
    checks.outcome(call, step, thrown, names);
    checks.releases(call, step, ledger.eventsSince(mark), violationMark);
    checks.ownership(call);
    model.checkInvariants();
    return step;
  }

  /** The machine's label of a handle, as steps and reports print it. */
  static String name(int handle) {
    return "h" + handle;
  }
}
