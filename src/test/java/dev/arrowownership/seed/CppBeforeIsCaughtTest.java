package dev.arrowownership.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.contract.ExhaustiveChecker;
import dev.arrowownership.contract.ExhaustiveReport;
import dev.arrowownership.contract.ExhaustiveSurvey;
import dev.arrowownership.contract.ExhaustiveSurvey.Finding;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.TrackedStruct;
import dev.arrowownership.ledger.Violation;
import dev.arrowownership.seed.RecordBatchDataShim.Version;
import dev.arrowownership.support.NativeFixtures;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The C++ {@code RecordBatchData} before the pull request (defaulted copy and move, no destructor),
 * with the frame it was handed out by, breaks the wrapper contract: each way it does, with the
 * shortest sequence the exhaustive survey finds for it. Bounds: 2 handles, the first allocation of
 * an extraction failing (1 fault point), sequences of up to 3 steps, where every finding below is
 * reached (a 4-step survey adds one more, listed in docs/seed.md).
 */
class CppBeforeIsCaughtTest {
  private static final String RELEASES = "required_wrapper_releases_what_the_model_says";
  private static final String OWNERSHIP = "required_wrapper_ownership_matches_the_model";
  private static final String MISUSE = "required_wrapper_rejects_misuse";

  /** Every finding of the survey, shortest sequence first: the table of docs/seed.md. */
  @Test
  void surveyFindsEachDefectWithItsShortestSequence() {
    ExhaustiveSurvey survey = new ExhaustiveChecker(CppRecordBatchDataSubject.before(), 2, 1).survey(3, 60_000);

    assertThat(survey.exploration().subject()).isEqualTo("C++ RecordBatchData before (features [FRAME, COPY])");
    assertThat(survey.findings()).extracting(Finding::toString).as(survey.toString()).containsExactly(
        RELEASES + " at h.close(): 2 steps [allocate(), h0.populate(rows=3)]",
        RELEASES + " at f.close(): 2 steps [f = frame(rows=[3, 3, 3]), f.extractRecordBatches() [allocation #0 fails]]",
        OWNERSHIP + " at h = moveFrom(h): 3 steps [allocate(), h0.populate(rows=3), moveFrom(h0)]",
        OWNERSHIP + " at h = copy(h): 3 steps [allocate(), h0.populate(rows=3), copy(h0)]",
        RELEASES + " at h.importBatch().close(): 3 steps [allocate(), h0.populate(rows=3), h0.importBatch().close()]",
        RELEASES + " at h.moveAssign(h): 3 steps [f = frame(rows=[3, 3, 3]), f.extractRecordBatches(), h0.moveAssign(h1)]",
        MISUSE + " at f.extractRecordBatches(): 3 steps [f = frame(rows=[3, 3, 3]), f.extractRecordBatches(), "
            + "f.extractRecordBatches()]",
        MISUSE + " at f.extractRecordBatches() [allocation #k fails]: 3 steps [f = frame(rows=[3, 3, 3]), "
            + "f.extractRecordBatches(), f.extractRecordBatches() [allocation #0 fails]]",
        OWNERSHIP + " at f.extractRecordBatches(): 3 steps [f = frame(rows=[3, 3, 3]), "
            + "f.extractRecordBatches() [allocation #0 fails], f.extractRecordBatches()]");
  }

  /**
   * The three defects the pull request names, as the machine words them: the exception path leaks
   * the frame's batches (seen when the frame is closed: it owns nothing any more), the write path
   * drops its InputItem without a release, and a copy is a second owner.
   */
  @Test
  void thePullRequestsThreeDefectsAsTheMachineReportsThem() {
    ExhaustiveSurvey survey = new ExhaustiveChecker(CppRecordBatchDataSubject.before(), 2, 1).survey(3, 60_000);

    assertThat(message(survey, RELEASES + " at f.close()")).contains("step `f.close()`: released [], the model says "
        + "[r0.array, r0.schema, r1.array, r1.schema, r2.array, r2.schema]").contains("steps so far: f = frame(rows=[3, 3, 3]); "
        + "f.extractRecordBatches() [allocation #0 fails]; f.close()");
    assertThat(message(survey, RELEASES + " at h.importBatch().close()"))
        .contains("step `h0.importBatch().close()`: released [], the model says [r0.array, r0.schema]");
    assertThat(message(survey, OWNERSHIP + " at h = copy(h)")).contains("step `h1 = copy(h0)`: h1.isOwned() is true, the model says EMPTY");
    assertThat(message(survey, RELEASES + " at h.close()")).contains("step `h0.close()`: released [], the model says [r0.array, r0.schema]");
  }

  /** The plain check stops at the first: the destructor that releases nothing, two steps and a close. */
  @Test
  void checkStopsAtTheDestructorThatReleasesNothing() {
    ExhaustiveReport report = new ExhaustiveChecker(CppRecordBatchDataSubject.before(), 2, 1).check(3, 60_000);

    assertThat(report.counterexample()).as(report.toString()).hasToString("[allocate(), h0.populate(rows=3)]");
    assertThat(report.failed()).get().extracting(Throwable::getMessage).asString().startsWith(RELEASES + " (")
        .contains("step `h0.close()`: released [], the model says [r0.array, r0.schema]");
  }

  /** The generated-sequence contract fails it too, naming a rule and the step (shrinking off: the first failure says enough). */
  @Test
  void generatedSequencesCatchTheClass() {
    NativeFixtures.require(RecordBatchDataShim.LIBRARY); // else the contract class is skipped and nothing fails
    List<Event> failures = EngineTestKit.engine("jqwik").selectors(selectClass(BeforeContract.class))
        .configurationParameter("jqwik.shrinking.default", "OFF")
        .configurationParameter("jqwik.database", "")
        .execute().testEvents().failed().list();

    assertThat(failures).hasSize(1);
    Throwable failure = failures.get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
    StringBuilder causes = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      causes.append(t.getMessage()).append('\n');
    }
    // Which rule comes first depends on the try: a leak, a second owner, or a second extraction.
    assertThat(causes).containsPattern("required_wrapper_(releases_what_the_model_says|ownership_matches_the_model|rejects_misuse) \\(")
        .contains("C++ RecordBatchData before: step `").doesNotContain("expected a normal return, but it threw");
  }

  /**
   * What the copy's second owner leads to: a consumer of each owner (pyarrow's import on the read
   * path, say) releases what it holds, so the batch is released twice. The ledger counts the second
   * call, reports it and does not forward it: the exporter's release runs once and the JVM lives.
   */
  @Test
  void aCopyReleasedByTwoConsumersIsADoubleReleaseTheLedgerRefuses() throws RecordBatchDataShim.Refused {
    RecordBatchDataShim shim = RecordBatchDataShim.load(Version.BEFORE);
    try (RootAllocator allocator = new RootAllocator(); ReleaseLedger ledger = new ReleaseLedger();
        GeneratedBatch batch = GeneratedBatch.create(allocator, 3, 1)) {
      Pointer original = shim.allocate();
      long[] target = shim.exportTarget(original);
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), ArrowArray.wrap(target[0]),
          ArrowSchema.wrap(target[1]));
      TrackedStruct array = ledger.track(StructKind.ARRAY, target[0], "r0");
      TrackedStruct schema = ledger.track(StructKind.SCHEMA, target[1], "r0");
      Pointer copy = shim.copy(original);
      try {
        for (Pointer owner : List.of(original, copy)) {
          ArrowArray.wrap(shim.arrayAddress(owner)).release();
          ArrowSchema.wrap(shim.schemaAddress(owner)).release();
        }
      } finally {
        shim.close(original);
        shim.close(copy);
      }

      assertThat(ledger.releaseCount(array)).isEqualTo(2);
      assertThat(ledger.releaseCount(schema)).isEqualTo(2);
      assertThat(ledger.violations()).extracting(Violation::kind, Violation::struct)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Violation.Kind.DOUBLE_RELEASE, array),
              org.assertj.core.groups.Tuple.tuple(Violation.Kind.DOUBLE_RELEASE, schema));
    } // the allocator closes at 0: the exporter's release ran exactly once
  }

  private static String message(ExhaustiveSurvey survey, String kind) {
    return survey.findings().stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow(
        () -> new AssertionError("no finding " + kind + " in " + survey)).failure().getMessage();
  }
}
