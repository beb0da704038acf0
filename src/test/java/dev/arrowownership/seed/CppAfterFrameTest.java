package dev.arrowownership.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrowownership.contract.ExhaustiveChecker;
import dev.arrowownership.contract.ExhaustiveReport;
import dev.arrowownership.contract.ExhaustiveSurvey;
import dev.arrowownership.contract.ExhaustiveSurvey.Finding;
import dev.arrowownership.contract.OwnershipSubject;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The C++ {@code RecordBatchData} after the pull request, with the {@code ArrowOutputFrame} it left
 * as it was: what the contract says about extraction. A failed extraction no longer leaks (the new
 * destructor releases the batches) but it loses them, where the contract wants all or nothing; and
 * a second extraction returns instead of refusing, the risk the review flagged.
 */
class CppAfterFrameTest {
  private static final String RELEASES = "required_wrapper_releases_what_the_model_says";
  private static final String MISUSE = "required_wrapper_rejects_misuse";

  /** Every finding within 2 handles, the first allocation failing, 3 steps: all about extraction. */
  @Test
  void surveyFindsOnlyExtractionDefects() {
    ExhaustiveSurvey survey = new ExhaustiveChecker(CppRecordBatchDataSubject.afterWithFrame(), 2, 1).survey(3, 60_000);

    assertThat(survey.findings()).extracting(Finding::toString).as(survey.toString()).containsExactly(
        RELEASES + " at f.extractRecordBatches() [allocation #k fails]: 2 steps [f = frame(rows=[3, 3, 3]), "
            + "f.extractRecordBatches() [allocation #0 fails]]",
        MISUSE + " at f.extractRecordBatches(): 3 steps [f = frame(rows=[3, 3, 3]), f.extractRecordBatches(), "
            + "f.extractRecordBatches()]",
        MISUSE + " at f.extractRecordBatches() [allocation #k fails]: 3 steps [f = frame(rows=[3, 3, 3]), "
            + "f.extractRecordBatches(), f.extractRecordBatches() [allocation #0 fails]]");
  }

  /**
   * The exception path: pybind11's first allocation fails, and the destructors release all three
   * batches in that step (no leak, where the class before leaked them); the contract's model says a
   * failed extraction releases nothing and leaves the frame owning every batch.
   */
  @Test
  void aFailedExtractionReleasesTheBatchesInsteadOfKeepingThem() {
    ExhaustiveReport report = new ExhaustiveChecker(CppRecordBatchDataSubject.afterWithFrame(), 2, 1).check(3, 60_000);

    assertThat(report.counterexample()).as(report.toString())
        .hasToString("[f = frame(rows=[3, 3, 3]), f.extractRecordBatches() [allocation #0 fails]]");
    assertThat(report.failed()).get().extracting(Throwable::getMessage).asString().startsWith(RELEASES + " (")
        .contains("step `f.extractRecordBatches() [allocation #0 fails]`: released [r0.array, r0.schema, r1.array, "
            + "r1.schema, r2.array, r2.schema], the model says []");
  }

  /** Without faults the first failure is the double extraction: the second call returns where the model wants IllegalStateException. */
  @Test
  void withoutFaultsTheFirstFailureIsTheDoubleExtraction() {
    ExhaustiveReport report = new ExhaustiveChecker(CppRecordBatchDataSubject.afterWithFrame(), 2, 0).check(3, 60_000);

    assertThat(report.counterexample()).as(report.toString())
        .hasToString("[f = frame(rows=[3, 3, 3]), f.extractRecordBatches(), f.extractRecordBatches()]");
    assertThat(report.failed()).get().extracting(Throwable::getMessage).asString().startsWith(MISUSE + " (")
        .contains("step `f.extractRecordBatches()`: expected IllegalStateException, but it returned");
  }

  /**
   * What the second extraction hands out: as many handles as batches, each owning nothing, since
   * the first extraction moved every batch out. No double release, only empty batches where data
   * was expected (sparrow's own second extract_struct_array indexes a moved-from vector instead).
   */
  @Test
  void theSecondExtractionHandsOutEmptyHandles() {
    CppRecordBatchDataSubject subject = CppRecordBatchDataSubject.afterWithFrame();
    try (BufferAllocator allocator = new RootAllocator()) {
      List<NativeHandle> handles = new ArrayList<>();
      NativeFrame frame = subject.frameOf(allocator, "f", List.of(subject.allocate(allocator, "s0"), subject.allocate(allocator, "s1")));
      try {
        handles.addAll(subject.extract(frame));
        List<NativeHandle> again = subject.extract(frame);
        handles.addAll(again);

        assertThat(again).extracting(NativeHandle::name).containsExactly("f[0]", "f[1]");
        assertThat(again).noneMatch(subject::isOwned);
      } finally {
        handles.forEach(subject::close);
        subject.closeFrame(frame);
      }
    }
  }

  /** The subject names what it checked: the class after, with its frame and no copy. */
  @Test
  void theSubjectDeclaresItsFrameAndNoCopy() {
    OwnershipSubject<?, ?> subject = CppRecordBatchDataSubject.afterWithFrame();
    assertThat(subject.name()).isEqualTo("C++ RecordBatchData after");
    assertThat(subject.features()).containsExactly(dev.arrowownership.contract.SubjectFeature.FRAME);
  }
}
