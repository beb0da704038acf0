package dev.arrowownership.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrowownership.cdata.StructKind;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.generate.GeneratedBatch;
import dev.arrowownership.ledger.ReleaseLedger;
import dev.arrowownership.ledger.Violation;
import dev.arrowownership.model.ExactlyOnceModel;
import dev.arrowownership.model.Expected;
import java.util.ArrayList;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A release rule the ledger sees broken during a step fails the rule of whoever broke it: misuse of
 * a child or dictionary is the wrapper releasing children, misuse of a base struct or of a struct
 * no ledger knows is the wrapper releasing other than the model says. Every second release here
 * goes through a saved bitwise copy, which the ledger refuses to forward, so no producer frees twice.
 */
class StepChecksReleasesTest {
  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final StepChecks<?> checks = new StepChecks<>(new RecordBatchDataSubject(), new ArrayList<>(),
      new ExactlyOnceModel(), ledger, new ArrayList<>());
  private final ArrowArray array = ArrowArray.allocateNew(allocator);
  private final ArrowSchema schema = ArrowSchema.allocateNew(allocator);
  private final ArrowArray copy = ArrowArray.allocateNew(allocator);

  @BeforeEach
  void exportAndTrack() {
    export(array, schema);
    checks.track(0, array.memoryAddress(), schema.memoryAddress());
  }

  @AfterEach
  void releaseAndClose() {
    array.release();
    schema.release();
    array.close();
    schema.close();
    copy.close();
    ledger.close();
    allocator.close();
  }

  /** A base struct released twice fails the rule that the wrapper releases what the model says. */
  @Test
  void aDoubleReleaseOfABaseStructFailsTheReleaseRule() {
    copy.save(array.snapshot());
    array.release();
    int mark = ledger.violations().size();
    copy.release();

    assertThat(ledger.violations().subList(mark, ledger.violations().size())).singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.DOUBLE_RELEASE));
    assertThatThrownBy(() -> checks.releases("step", Expected.ok(), ledger.eventsSince(0), mark))
        .hasMessageStartingWith(Rule.REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS.id() + " (");
  }

  /** A child released again after its parent's release, a double release and not a release outside the parent, fails the children rule. */
  @Test
  void aDoubleReleaseOfAChildFailsTheChildrenRule() {
    copy.save(ArrowArray.wrap(StructKind.ARRAY.child(array.memoryAddress(), 0)).snapshot());
    array.release(); // releases the child too, as it must
    int mark = ledger.violations().size();
    copy.release();

    assertThat(ledger.violations().subList(mark, ledger.violations().size())).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.DOUBLE_RELEASE);
      assertThat(v.struct().label()).isEqualTo("r0.children[0]");
    });
    assertThatThrownBy(() -> checks.releases("step", Expected.ok(), ledger.eventsSince(0), mark))
        .hasMessageStartingWith(Rule.REQUIRED_WRAPPER_NEVER_RELEASES_CHILDREN.id() + " (");
  }

  /** A child released before its parent fails the children rule. */
  @Test
  void aChildReleasedOutsideItsParentFailsTheChildrenRule() {
    int mark = ledger.violations().size();
    ArrowArray.wrap(StructKind.ARRAY.child(array.memoryAddress(), 0)).release();

    assertThat(ledger.violations().subList(mark, ledger.violations().size())).singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.CHILD_RELEASED_BY_CONSUMER));
    assertThatThrownBy(() -> checks.releases("step", Expected.ok(), ledger.eventsSince(0), mark))
        .hasMessageStartingWith(Rule.REQUIRED_WRAPPER_NEVER_RELEASES_CHILDREN.id() + " (");
  }

  /** A release of a struct no open ledger knows, a violation naming no struct, fails the release rule. */
  @Test
  void aReleaseOfAnUnknownStructFailsTheReleaseRule() {
    ArrowArray other = ArrowArray.allocateNew(allocator);
    ArrowSchema otherSchema = ArrowSchema.allocateNew(allocator);
    try (other; otherSchema) {
      export(other, otherSchema);
      try (ReleaseLedger forgotten = new ReleaseLedger()) {
        forgotten.track(StructKind.ARRAY, other.memoryAddress(), "other");
        copy.save(other.snapshot());
        other.release();
      } // closing forgets the struct: its stale copy's release names no token an open ledger keeps
      otherSchema.release();
      int mark = ledger.violations().size();
      copy.release();

      assertThat(ledger.violations().subList(mark, ledger.violations().size())).singleElement().satisfies(v -> {
        assertThat(v.kind()).isEqualTo(Violation.Kind.UNKNOWN_STRUCT);
        assertThat(v.struct()).isNull();
      });
      assertThatThrownBy(() -> checks.releases("step", Expected.ok(), ledger.eventsSince(0), mark))
          .hasMessageStartingWith(Rule.REQUIRED_WRAPPER_RELEASES_WHAT_THE_MODEL_SAYS.id() + " (");
    }
  }

  private void export(ArrowArray into, ArrowSchema schemaInto) {
    try (GeneratedBatch batch = GeneratedBatch.create(allocator, 3, 1)) {
      Data.exportVectorSchemaRoot(allocator, batch.root(), batch.dictionaries(), into, schemaInto);
    }
  }
}
