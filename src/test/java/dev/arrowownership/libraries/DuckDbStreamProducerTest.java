package dev.arrowownership.libraries;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import dev.arrowownership.cdata.StreamField;
import dev.arrowownership.conformance.ConformanceKit;
import dev.arrowownership.conformance.Rule;
import dev.arrowownership.conformance.RuleResult;
import dev.arrowownership.conformance.RuleResult.Status;
import dev.arrowownership.conformance.Verdict;
import dev.arrowownership.ledger.ReleaseLedger;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DuckDB's native {@code ArrowArrayStream} over a query result, checked as a stream producer. */
class DuckDbStreamProducerTest {
  /** Rows of the failing query, the row that fails, and its batch size: some batches come before the failure. */
  private static final long FAILING_ROWS = 4_000_000;
  private static final long FAILING_AT = 2_000_000;
  private static final long FAILING_BATCH = 500_000;
  private static final String NOT_HANDED_A_STRUCT = "DuckDB allocates its stream struct itself"
      + " (duckdb_jdbc_arrow_stream returns its address) and is never handed one: the kit's struct is filled by the"
      + " test's move, so this rule is about the adapter, not DuckDB";

  private final RootAllocator allocator = new RootAllocator();
  private final ReleaseLedger ledger = new ReleaseLedger();
  private final StructMemory structs = new StructMemory(allocator);

  @AfterEach
  void close() {
    assertThat(StreamInterposer.CALLBACK_FAILURES).isEmpty();
    structs.close();
    ledger.close();
    allocator.close();
  }

  /**
   * DuckDB's stream keeps the required stream producer rules but one: its schema's release frees the
   * child schemas without calling their release, the producer finding DuckDbProducerTest shows on
   * one schema (it fails the other-thread rule for the same reason). No fault hook, no byte count:
   * the error and memory rules are not applicable; its error path is checked below by hand.
   */
  @Test
  void duckDbStreamKeepsTheStreamRulesButReleasingChildSchemas() throws SQLException {
    try (DuckDbSession duck = DuckDbSession.openOrSkip()) {
      Verdict verdict = ConformanceReports.write("duckdb-stream-producer", withoutTargetRules(ConformanceKit.checkStreamProducer(
              duck.versions() + " Arrow stream", DuckDbTargets.streamProducer(duck, 2_500, 1_024))
          .expectingFindings(Map.of(
              Rule.REQUIRED_STREAM_PRODUCER_RESULTS_KEEP_THE_PRODUCER_RULES, KnownFindings.DUCKDB_SCHEMA_CHILDREN,
              Rule.OPTIONAL_STREAM_PRODUCER_RELEASE_ON_ANOTHER_THREAD, KnownFindings.DUCKDB_SCHEMA_CHILDREN))));

      verdict.assertConformsIncludingOptional();
      assertThat(verdict.with(Status.FINDING)).extracting(RuleResult::message)
          .allSatisfy(m -> assertThat(m).contains("stream.schema.children[4].dictionary.schema#").doesNotContain(".array#"));
      assertThat(verdict.with(Status.PASSED)).extracting(RuleResult::rule).containsExactly(
          Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY, Rule.REQUIRED_STREAM_PRODUCER_RESULTS_OUTLIVE_THE_STREAM,
          Rule.REQUIRED_STREAM_PRODUCER_RELEASE_SETS_NULL);
      assertThat(verdict.result(Rule.REQUIRED_STREAM_PRODUCER_END_IS_A_RELEASED_ARRAY).message()).startsWith("after 3 batches");
    }
  }

  /**
   * A query that fails part way: get_next returns -1, not an errno value, and get_last_error gives
   * the query's error, at the same address and with the same text on every call, until the stream
   * is released. The spec ("Error codes"): error codes "should be interpreted like errno numbers";
   * POSIX errno values are positive, so a consumer printing strerror(-1) gets "Unknown error -1".
   * DuckDB v1.5.2's ResultArrowArrayStreamWrapper::MyStreamGetNext returns -1 on every error
   * (src/common/arrow/arrow_wrapper.cpp); its message is ErrorData::Message(), a reference into the
   * stream's private data. No upstream issue found. Flips when DuckDB returns an errno.
   */
  @Test
  void failingQueryReturnsMinusOneWithAStableMessage() throws SQLException {
    try (DuckDbSession duck = DuckDbSession.openStreamingOrSkip();
        DuckDbSession.OpenStream query = duck.exportOpenStream("SELECT CASE WHEN i < " + FAILING_AT
            + " THEN i ELSE error('kit: failing at row ' || i) END AS v FROM range(" + FAILING_ROWS + ") t(i)", FAILING_BATCH)) {
      ArrowArrayStream stream = structs.moveStream(query.address());
      TrackedStream tracked = StreamInterposer.install(ledger, stream.memoryAddress(), "duckdb");
      ArrowSchema schema = structs.schema();
      assertThat(call(StreamField.GET_SCHEMA, stream, schema.memoryAddress())).isZero();
      int batches = 0;
      int rc;
      for (ArrowArray array = structs.array(); (rc = call(StreamField.GET_NEXT, stream, array.memoryAddress())) == 0;
          array = structs.array()) {
        array.release();
        batches++;
      }
      // Read at once: the spec lets the next callback (or the release) invalidate the message.
      List<Pointer> messages = List.of(lastError(stream), lastError(stream), lastError(stream));
      String text = messages.get(0).getString(0);
      int again = call(StreamField.GET_NEXT, stream, structs.array().memoryAddress());
      schema.release();
      stream.release();

      assertThat(rc).isEqualTo(-1);
      // How many batches come first depends on DuckDB's threads (batches are whole vectors): never past the failing row.
      assertThat(batches).isBetween(1, (int) (FAILING_AT / FAILING_BATCH));
      assertThat(messages).allSatisfy(m -> assertThat(m).isEqualTo(messages.get(0)));
      assertThat(text).isEqualTo("Invalid Input Error: kit: failing at row " + FAILING_AT);
      assertThat(again).isEqualTo(-1); // the stream stays failed
      assertThat(tracked.releaseCalls()).isEqualTo(1);
      assertThat(tracked.releaseNulled()).isTrue();
      assertThat(tracked.batches()).hasSize(batches);
    }
  }

  /** The verdict with the two rules about the struct handed in made not applicable: DuckDB is never handed one. */
  private static Verdict withoutTargetRules(Verdict verdict) {
    List<Rule> aboutTheTarget = List.of(Rule.REQUIRED_STREAM_PRODUCER_TREATS_OUT_AS_UNINITIALISED,
        Rule.OPTIONAL_STREAM_PRODUCER_REFUSES_LIVE_TARGET);
    return new Verdict(verdict.target(), verdict.results().stream()
        .map(r -> aboutTheTarget.contains(r.rule()) ? RuleResult.notApplicable(r.rule(), NOT_HANDED_A_STRUCT) : r)
        .toList());
  }

  private static int call(StreamField callback, ArrowArrayStream stream, long out) {
    return StreamCalls.call(callback, stream.memoryAddress(), out);
  }

  private static Pointer lastError(ArrowArrayStream stream) {
    return StreamCalls.lastError(stream.memoryAddress());
  }
}
